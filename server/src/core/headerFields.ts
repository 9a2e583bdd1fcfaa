// How a header field is named to a reader, in the outline and in messages. Pure.
import type { HeaderField, HeaderFieldName } from './model';

/** What a date read from an L1 sentence dates; its `label` is the sentence's words, too long for a name. */
const SENTENCE_TITLES: Partial<Record<HeaderFieldName, string>> = {
  applicationReceived: 'Application received',
  urDenialDate: 'UR denial',
  noticeOfAssignment: 'Notice of Assignment',
};

/** `Date of Injury`, `Dated`; `Application received` for the L1 sentence "… was received on 8/30/2013". */
export function headerFieldTitle(field: HeaderField): string {
  const title = field.inSentence ? SENTENCE_TITLES[field.name] : undefined;
  return title ?? field.label.replace(/\s+/g, ' ').trim().replace(/\s*:$/, '');
}
