// Text from a letter or a file name, made safe to print as one line at a terminal. A letter's item name can
// hold escape sequences (ESC [ 8 m hides what follows; others retitle or reprogram the terminal), and a file
// name can hold a line break, which split a finding over two lines (issue 12). Control characters, and the
// bidirectional ones that make text display in another order than it reads, are printed as escapes.

/** C0 and C1 controls, the line and paragraph separators, and the bidirectional embeddings, overrides and isolates. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `new\nline.txt` for a name with a line break in it; `\x1b[31m` for an escape sequence. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}
