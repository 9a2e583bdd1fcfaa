// The PDF document's status text and the name its extracted text is saved under (client/src/pdfText.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractedTextName, pageText, unreadablePdfMessage } from '../../client/src/pdfText';

test('Save Extracted Text As… proposes <name>.imr.txt, from a POSIX or a Windows path, .pdf in any case', () => {
  assert.equal(extractedTextName('/letters/2016/CM16-0219557.pdf'), 'CM16-0219557.imr.txt');
  assert.equal(extractedTextName('c:\\Letters\\CM16-0219557.PDF'), 'CM16-0219557.imr.txt');
  assert.equal(extractedTextName('/letters/a.b.Pdf'), 'a.b.imr.txt');
  assert.equal(extractedTextName('/letters/notes'), 'notes.imr.txt');
});

test('the status shows the page of the caret line; past the last line, the last page; no pages, nothing', () => {
  const pages = [1, 1, 2, 2, 3];
  assert.deepEqual(
    [0, 1, 2, 4, 9].map((line) => pageText(pages, line)),
    ['Page 1', 'Page 1', 'Page 2', 'Page 3', 'Page 3'],
  );
  assert.equal(pageText([], 0), undefined);
});

test('a PDF that cannot be opened: one line, its file name and the reason', () => {
  assert.equal(
    unreadablePdfMessage(
      '/letters/scan.pdf',
      'has no text to read: a scanned image without a text layer? (OCR is not supported)',
    ),
    'scan.pdf: has no text to read: a scanned image without a text layer? (OCR is not supported)',
  );
  assert.equal(
    unreadablePdfMessage('C:\\Letters\\x.pdf', 'damaged or truncated PDF; cannot be read'),
    'x.pdf: damaged or truncated PDF; cannot be read',
  );
});
