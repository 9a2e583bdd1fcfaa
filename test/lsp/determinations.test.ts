// The custom requests of server/src/lsp/determinations.ts over the wire (`imr/determinations`,
// `imr/documentItems`, the `imr/indexChanged` notification), on two real letters of the editor fixtures. The
// summaries themselves are tested in memory in test/core/determinations.test.ts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import type { DeterminationsResult, DocumentItemsResult } from '../../server/src/protocol';
import { fileUri, LspHarness, REPO_ROOT, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { at } from '../support/elements';

const FIXTURES = path.join(REPO_ROOT, 'test', 'vscode', 'fixtures', 'ws');

describe('determinations requests', () => {
  const server = serverForSuite({
    capabilities: VSCODE_CAPABILITIES,
    settings: {},
    populate(ws) {
      for (const f of ['CM16-0238035.txt', 'CM16-0230548.txt', 'notes.txt'])
        fs.copyFileSync(path.join(FIXTURES, f), path.join(ws, f));
    },
  });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  const determinations = () => lsp.request<DeterminationsResult>('imr/determinations', {});

  test('every letter with its case number, dates, counts and items; notes are no letter', async () => {
    const result = await determinations();
    assert.equal(result.truncated, false);
    assert.deepEqual(
      result.letters.map((l) => [l.fileName, l.caseNumber, l.decisionDate, l.appealByEstimate, l.counts]),
      [
        [
          'CM16-0230548.txt',
          'CM16-0230548',
          '01/04/2017',
          '02/03/2017',
          { items: 2, upheld: 1, overturned: 1, invalid: 0 },
        ],
        [
          'CM16-0238035.txt',
          'CM16-0238035',
          '01/20/2017',
          '02/19/2017',
          { items: 8, upheld: 8, overturned: 0, invalid: 0 },
        ],
      ],
    );
    assert.deepEqual(
      at(result.letters, 0).items.map((i) => [i.label, i.description, i.decision, i.range.start.line]),
      [
        ['1. MRI of neck and right hand without contrast', 'Upheld', 'Upheld', 49],
        ['2. Acupuncture 3 times a week for 2 weeks, neck…', 'Overturned', 'Overturned', 77],
      ],
    );
  });

  test('an open document replaces its file; a changed file is re-read and announced', async () => {
    const file = path.join(server.ws, 'CM16-0230548.txt');
    const text = fs.readFileSync(file, 'utf8');
    const uri = fileUri(file);
    await lsp.open(
      uri,
      text.replace(
        'Acupuncture 3 times a week for 2 weeks, neck, right hand and head: Overturned',
        'Acupuncture 3 times a week for 2 weeks, neck, right hand and head: Upheld',
      ),
    );
    const { items, counts }: DocumentItemsResult = await lsp.request('imr/documentItems', { uri });
    assert.deepEqual(counts, { items: 2, upheld: 2, overturned: 0, invalid: 0 });
    assert.deepEqual(
      items.map((i) => [i.label, i.decision]),
      [
        ['1. MRI of neck and right hand without contrast', 'Upheld'],
        ['2. Acupuncture 3 times a week for 2 weeks, neck…', 'Upheld'],
      ],
    );
    assert.deepEqual(at((await determinations()).letters, 0).counts, {
      items: 2,
      upheld: 2,
      overturned: 0,
      invalid: 0,
    });
    await lsp.close(uri);

    const changed = lsp.waitForNotification('imr/indexChanged');
    fs.rmSync(file);
    await lsp.changeWatchedFiles([{ uri, type: FileChangeType.Deleted }]);
    await changed;
    assert.deepEqual(
      (await determinations()).letters.map((l) => l.fileName),
      ['CM16-0238035.txt'],
    );
  });

  test('documentItems of a document that is not open is empty', async () => {
    assert.deepEqual(await lsp.request('imr/documentItems', { uri: fileUri(path.join(server.ws, 'nowhere.txt')) }), {
      items: [],
      counts: { items: 0, upheld: 0, overturned: 0, invalid: 0 },
    });
  });
});
