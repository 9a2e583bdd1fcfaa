// `imr/export` and `imr/checkWorkspace` over the wire with hostile params (issue 12): each bad entry of `uris`
// reported on its own line while the others are exported, each letter read once and at most MAX_FILES of them,
// and params of another shape refused with InvalidParams, never logged.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-languageserver-protocol';
import type { CheckWorkspaceResult, ExportResult } from '../../server/src/protocol';
import { MAX_FILES } from '../../server/src/lsp/workspaceIndex';
import { smallLetter } from '../rules/small-letter';
import { fileUri } from './files';
import { LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';

const LETTER = smallLetter();
const INVALID_PARAMS = -32602;
const EXPECTED_SHAPE = 'expected { uris?: string[], format: "csv" | "json" }';

/** The item names of a CSV export's rows (the sixth column), by file name. */
function exportedItems(csv: string): string[] {
  return csv
    .split('\r\n')
    .slice(1, -1)
    .map((line) => `${path.basename(line.split(',')[0] ?? '')} ${line.split(',')[5]}`);
}

describe('imr/export and imr/checkWorkspace with hostile params', () => {
  const server = serverForSuite({
    capabilities: VSCODE_CAPABILITIES,
    settings: {},
    populate: (ws) => {
      fs.writeFileSync(path.join(ws, 'a.txt'), LETTER);
      fs.writeFileSync(path.join(ws, 'b.txt'), LETTER.replace('MRI of the lumbar spine', 'MRI of the knee'));
    },
  });
  let lsp: LspHarness;
  let a: string;
  let b: string;
  before(() => {
    ({ lsp } = server);
    a = fileUri(path.join(server.ws, 'a.txt'));
    b = fileUri(path.join(server.ws, 'b.txt'));
  });

  test('each bad entry of uris is reported on its own line; the other letters are exported, each once', async () => {
    const missing = fileUri(path.join(server.ws, 'missing.txt'));
    const uris = [
      a,
      42,
      null,
      b,
      'file:///x\nInjected line',
      { uri: a },
      a,
      'no scheme',
      'https://example.com/c.txt',
      'file://host/d.txt',
      missing,
      `file:///${'x'.repeat(9000)}`,
      b,
    ];
    const result = await lsp.request<ExportResult>('imr/export', { uris, format: 'csv' });
    assert.deepEqual(exportedItems(result.text), ['a.txt MRI of the lumbar spine', 'b.txt MRI of the knee']);
    assert.equal(result.rows, 2);
    assert.deepEqual(result.errors, [
      'uris[1]: not a URI but a number',
      'uris[2]: not a URI but null',
      'uris[4]: not a URI',
      'uris[5]: not a URI but an object',
      'uris[7]: not a URI',
      'uris[11]: not a URI: longer than 8192 characters',
      'https://example.com/c.txt: not open and not a file',
      'file://host/d.txt: not open and not a file',
      `${path.join(server.ws, 'missing.txt')}: cannot be read (no such file or directory, ENOENT)`,
    ]);
  });

  test('20,000 copies of one URI export its letter once', async () => {
    const result = await lsp.request<ExportResult>('imr/export', { uris: Array(20_000).fill(a), format: 'csv' });
    assert.deepEqual([exportedItems(result.text), result.errors], [['a.txt MRI of the lumbar spine'], []]);
  });

  test('at most MAX_FILES letters are read; the rest are counted in one line', async () => {
    const uris = Array.from({ length: MAX_FILES + 2 }, (_, i) => fileUri(path.join(server.ws, `none-${i}.txt`)));
    const result = await lsp.request<ExportResult>('imr/export', { uris: [a, ...uris], format: 'json' });
    assert.equal(result.rows, 1);
    assert.equal(result.errors.length, MAX_FILES);
    assert.equal(
      result.errors.at(-2),
      `${path.join(server.ws, `none-${MAX_FILES - 2}.txt`)}: cannot be read (no such file or directory, ENOENT)`,
    );
    assert.equal(result.errors.at(-1), `3 of ${MAX_FILES + 3} letters not exported: at most ${MAX_FILES} at a time`);
  });

  test('params of another shape are refused with InvalidParams in one line, and nothing is logged', async () => {
    const refusal = async (params: unknown) => {
      try {
        await lsp.request('imr/export', params);
      } catch (error) {
        if (error instanceof ResponseError) return [error.code, error.message];
        throw error;
      }
      return assert.fail(`imr/export answered ${JSON.stringify(params)}`);
    };
    const logged = lsp.logs.length;
    assert.deepEqual(await refusal([a]), [INVALID_PARAMS, `imr/export: params are an array; ${EXPECTED_SHAPE}`]);
    assert.deepEqual(await refusal({ uris: [a] }), [
      INVALID_PARAMS,
      `imr/export: format is not "csv" or "json"; ${EXPECTED_SHAPE}`,
    ]);
    assert.deepEqual(await refusal({ uris: [a], format: 'xml' }), [
      INVALID_PARAMS,
      `imr/export: format is not "csv" or "json"; ${EXPECTED_SHAPE}`,
    ]);
    assert.deepEqual(await refusal({ uris: a, format: 'csv' }), [
      INVALID_PARAMS,
      `imr/export: uris is a string; ${EXPECTED_SHAPE}`,
    ]);
    assert.deepEqual(await refusal({ uris: { 0: a }, format: 'csv' }), [
      INVALID_PARAMS,
      `imr/export: uris is an object; ${EXPECTED_SHAPE}`,
    ]);
    assert.deepEqual(lsp.logs.slice(logged), []);
  });

  test('imr/checkWorkspace takes its letters from the index, whatever the params hold', async () => {
    for (const params of [{}, { uris: [42, a, a] }, [b]]) {
      const result = await lsp.request<CheckWorkspaceResult>('imr/checkWorkspace', params);
      assert.deepEqual(
        [result.letters.map((l) => path.basename(l.uri)).sort(), result.checked],
        [['a.txt', 'b.txt'], 2],
      );
    }
  });
});
