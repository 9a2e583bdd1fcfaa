// Partial-authorisation preambles in item texts (format guide §5).
import type { PartialAuthorization } from '../model';
import type { Excerpt } from '../text/excerpt';

const ORIGINAL = / was the original\s+request\.\s*/;
// In both forms the trailing ` is` is tried only where a run of blanks starts: a long run of blanks in the
// remainder is then read once, not from each of its positions.

// `<request> was the original request. <part> was authorized by the Claims Administrator. The remaining
// IMR eligible portion of the original request, <rest>[ is]`
const REMAINING =
  /^(.*?) was authorized by the Claims\s+Administrator\.\s*The remaining IMR\s+eligible\s+portion of the\s+original\s+request,\s*(.*?)(?:(?<!\s)(\s+is))?$/s;

// `<request> was the original request. The Claims Administrator authorized <part>, leaving the original
// request IMR eligible. The original request, <request> is`
const LEAVING =
  /^The Claims\s+Administrator authorized (.*?), leaving the original\s+request IMR\s+eligible\.\s*The original\s+request,\s*(.*?)(?:(?<!\s)(\s+is))?$/s;

/** Words that mark a preamble: while they show without "was the original request", the text goes on above. */
export const PREAMBLE_MARKERS =
  /authorized by the Claims|Claims Administrator authorized|remaining IMR|IMR eligible|leaving the original|portion of the original|The original request,/;

export function preambleIncomplete(text: string): boolean {
  return PREAMBLE_MARKERS.test(text) && !ORIGINAL.test(text);
}

export function parsePartialAuthorization(item: Excerpt): PartialAuthorization | undefined {
  const text = item.text;
  const original = ORIGINAL.exec(text);
  if (!original) return undefined;
  const restStart = original.index + original[0].length;
  const rest = text.slice(restStart);
  const originalRequest = item.span(0, original.index);

  const [, authorized, remainder, isTail] = REMAINING.exec(rest) ?? [];
  if (authorized !== undefined && remainder !== undefined) {
    const remStart = restStart + rest.length - (isTail?.length ?? 0) - remainder.length;
    return {
      form: isTail ? 'remaining-portion' : 'no-is',
      originalRequest,
      authorized: item.span(restStart, restStart + authorized.length),
      remaining: item.span(remStart, remStart + remainder.length),
    };
  }
  const leaving = LEAVING.exec(rest);
  const [whole, leftAuthorized, leftRemainder, leftTail] = leaving ?? [];
  if (whole !== undefined && leftAuthorized !== undefined && leftRemainder !== undefined) {
    const authStart = restStart + whole.indexOf(' authorized ') + ' authorized '.length;
    const remStart = restStart + rest.length - (leftTail?.length ?? 0) - leftRemainder.length;
    return {
      form: 'leaving-eligible',
      originalRequest,
      authorized: item.span(authStart, authStart + leftAuthorized.length),
      remaining: item.span(remStart, remStart + leftRemainder.length),
    };
  }
  return { form: 'remaining-portion', originalRequest };
}
