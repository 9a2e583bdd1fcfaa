// The white space of ECMAScript: what `String.prototype.trim` removes and what a regex `\s` matches
// (WhiteSpace and LineTerminator code points). For scans that must agree exactly with those built-ins.

export function isEcmaWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
