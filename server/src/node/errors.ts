// One line for an exception, safe for any log: its error code with a plain-words meaning, or its kind.
// Never its message, which for a parse or read error could quote a letter.

const MEANINGS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBUSY: 'resource busy',
  EIO: 'input/output error',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  EAGAIN: 'resource temporarily unavailable',
  ENXIO: 'no such device',
};

/** `permission denied, EACCES`; `ERR_X` for other Node codes; the error's class name; else `unknown error`. */
export function describeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && code !== '') {
    const meaning = Object.hasOwn(MEANINGS, code) ? MEANINGS[code] : undefined;
    return meaning ? `${meaning}, ${code}` : code;
  }
  return error instanceof Error ? error.name : 'unknown error';
}
