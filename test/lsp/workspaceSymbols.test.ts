// workspace/symbol over the wire, across a temporary workspace folder of the real letters shipped in the repo. The expected results
// are computed independently of the parser, with a regex over the files' item lines (`<item>: Upheld`);
// the letters are chosen so that every matching item fits on its decision line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, SymbolKind, type SymbolInformation } from 'vscode-languageserver-protocol';
import {
  fileUri,
  LspHarness,
  NEOVIM_CAPABILITIES,
  serverForSuite,
  tempWorkspace,
  VSCODE_CAPABILITIES,
} from './harness';
import { letterPath, SHIPPED_LETTERS } from '../support/letters';
import { at, defined } from '../support/elements';

const SEED_000 = letterPath('seeds/000_a23c1bfa7502e53c.txt');
const SEED_003 = letterPath('seeds/003_4eeb92eb9dbe0eac.txt');

const ITEM_LINE = /^[\f ]*(\S.*?):\s+(Upheld|Overturned)\s*$/;
const DECISION_ALONE = /^[\f ]*(Upheld|Overturned)\s*$/;

interface Expected {
  file: string;
  /** The line of the decision word: where an item's heading ends. */
  line: number;
  /** The item text on that line, or on the line before for a decision alone on its line (§5). */
  text: string;
}

/**
 * Items of a file whose text matches `pattern`, by regex only: the text before the decision on its line,
 * joined with the wrapped lines above it (back to a blank line or a line ending in `.` or `:`, where the
 * previous rationale or the section opener ends).
 */
function itemLines(file: string, pattern: RegExp): Expected[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\f ]+|[\f ]+$/g, ''));
  const out: Expected[] = [];
  lines.forEach((line, i) => {
    const m = ITEM_LINE.exec(line);
    const previous = i > 0 ? /^(\S.*?):\s*$/.exec(at(lines, i - 1)) : null;
    let text = m ? m[1] : DECISION_ALONE.test(line) && previous ? previous[1] : undefined;
    if (text === undefined) return;
    for (let k = (m ? i : i - 1) - 1; k >= 0 && lines[k] !== '' && !/[.:]$/.test(at(lines, k)); k--)
      text = `${lines[k]} ${text}`;
    if (pattern.test(text)) out.push({ file: path.basename(file), line: i, text });
  });
  return out;
}

function caseNumberOf(file: string): string | undefined {
  return /\bCM\d{2}-\d{7}\b/.exec(fs.readFileSync(file, 'utf8').slice(0, 400))?.[0];
}

const key = (s: SymbolInformation) => `${path.basename(s.location.uri)}:${s.location.range.end.line}`;

describe('workspace symbols', () => {
  let letters: string[] = [];
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {}, populate });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  function populate(ws: string): void {
    // The shipped letters: 2016 letters as text (and one as layout), and the three seeds, under their corpus file names.
    for (const name of SHIPPED_LETTERS) {
      const file = name.startsWith('dwc-2016/layout/')
        ? path.basename(name, '.txt') + '-layout.txt'
        : path.basename(name);
      fs.copyFileSync(letterPath(name), path.join(ws, file));
    }
    // A letter saved as .imr in a subfolder; a .txt that is not a letter; a letter inside node_modules (skipped).
    fs.mkdirSync(path.join(ws, 'sub'));
    fs.copyFileSync(letterPath('dwc-2016/text/CM17-0020384.txt'), path.join(ws, 'sub', 'review.imr'));
    fs.writeFileSync(path.join(ws, 'notes.txt'), 'To do: look up the medial branch block: Upheld\nCM17-0099999\n');
    fs.mkdirSync(path.join(ws, 'node_modules', 'pkg'), { recursive: true });
    fs.copyFileSync(SEED_000, path.join(ws, 'node_modules', 'pkg', 'copy.txt'));
    letters = [
      ...fs
        .readdirSync(ws)
        .filter((f) => f.endsWith('.txt') && f !== 'notes.txt')
        .map((f) => path.join(ws, f)),
      path.join(ws, 'sub', 'review.imr'),
    ];
  }

  const query = (q: string) => lsp.request<SymbolInformation[]>('workspace/symbol', { query: q });

  test('the server declares a workspace symbol provider and watches letter files', async () => {
    assert.equal(lsp.initializeResult.capabilities.workspaceSymbolProvider, true);
    // The registration is sent on `initialized`, so before the answer to any later request.
    await query('');
    const watchers = lsp.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) =>
        (r.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern),
      );
    assert.ok(watchers.includes('**/*.{txt,imr,pdf}'), `watchers: ${watchers.join(', ')}`);
  });

  test('`medial branch` finds exactly the items whose text contains it', async () => {
    const expected = letters.flatMap((f) => itemLines(f, /medial branch/i));
    assert.equal(expected.length, 3, 'two items in seed 000, one in seed 003');
    const symbols = await query('medial branch');
    assert.deepEqual(symbols.map(key).sort(), expected.map((e) => `${e.file}:${e.line}`).sort());
    for (const s of symbols) {
      assert.equal(s.kind, SymbolKind.Event);
      const e = defined(expected.find((x) => `${x.file}:${x.line}` === key(s)));
      assert.equal(s.name, e.text);
      // The seeds have no header: the container is the file name alone.
      assert.equal(s.containerName, e.file);
    }
  });

  test('case-insensitive, whitespace-folded; words in any order', async () => {
    const reference = (await query('medial branch')).map(key).sort();
    assert.deepEqual((await query('  MEDIAL   Branch ')).map(key).sort(), reference);
    assert.deepEqual((await query('branch medial')).map(key).sort(), reference);
  });

  test('`shoulder` across the 2016 letters, with case number and file name as container', async () => {
    const expected = letters.flatMap((f) => itemLines(f, /shoulder/i));
    assert.deepEqual(
      expected.map((e) => `${e.file}:${e.line}`),
      ['CM16-0238035.txt:52', 'CM16-0238035.txt:99', 'CM16-0238035.txt:105', 'CM17-0007142.txt:75'],
      'items 1, 7 and 8 of CM16-0238035; item 1 of CM17-0007142, wrapped over two lines',
    );
    const symbols = await query('shoulder');
    assert.deepEqual(symbols.map(key).sort(), expected.map((e) => `${e.file}:${e.line}`).sort());
    for (const s of symbols) {
      const file = path.basename(s.location.uri);
      const caseNumber = caseNumberOf(path.join(ws, file));
      assert.equal(s.containerName, caseNumber ? `${caseNumber} · ${file}` : file);
    }
  });

  test('`CM17-00` finds the case numbers and their items', async () => {
    const cases = letters.map((f) => [f, caseNumberOf(f)] as const).filter(([, c]) => c?.startsWith('CM17-00'));
    assert.deepEqual(
      cases.map(([, c]) => c).sort(),
      ['CM17-0005418', 'CM17-0007142', 'CM17-0020384', 'CM17-0020384', 'CM17-0020384'],
      'text, layout and .imr copies of CM17-0020384',
    );
    const symbols = await query('CM17-00');
    const caseSymbols = symbols.filter((s) => s.kind === SymbolKind.Module);
    assert.deepEqual(caseSymbols.map((s) => s.name).sort(), cases.map(([, c]) => defined(c)).sort());
    for (const s of caseSymbols) assert.equal(s.containerName, path.basename(s.location.uri));
    const itemCount = cases.reduce((n, [f]) => n + itemLines(f, /./).length, 0);
    assert.equal(symbols.filter((s) => s.kind === SymbolKind.Event).length, itemCount);
    // The .imr letter in the subfolder is indexed too.
    assert.ok(symbols.some((s) => s.location.uri === fileUri(path.join(ws, 'sub', 'review.imr'))));
  });

  test('an empty query lists every item and case number; nothing from node_modules or non-letters', async () => {
    const all = await query('');
    const items = letters.reduce((n, f) => n + itemLines(f, /./).length, 0);
    const cases = letters.filter((f) => caseNumberOf(f)).length;
    assert.equal(all.length, items + cases);
    assert.ok(!all.some((s) => s.location.uri.includes('node_modules') || s.location.uri.endsWith('notes.txt')));
  });

  test('an open document takes precedence over its file', async () => {
    const file = path.join(ws, '000_a23c1bfa7502e53c.txt');
    const uri = fileUri(file);
    const edited = fs
      .readFileSync(file, 'utf8')
      .replace('Medial branch block at C5-6: Upheld', 'Zygapophyseal joint injection at C5-6: Upheld');
    await lsp.open(uri, edited);
    assert.equal((await query('medial branch')).length, 2);
    assert.deepEqual(
      (await query('zygapophyseal')).map((s) => [s.name, s.location.uri]),
      [['Zygapophyseal joint injection at C5-6', uri]],
    );
    await lsp.close(uri);
    assert.equal((await query('medial branch')).length, 3);
    assert.deepEqual(await query('zygapophyseal'), []);
  });

  test('watched file events: a new letter is indexed, a deleted one forgotten', async () => {
    const file = path.join(ws, 'added.txt');
    const text = fs
      .readFileSync(path.join(ws, '003_4eeb92eb9dbe0eac.txt'), 'utf8')
      .replace('Cervical medial branch neurotomy', 'Thoracic medial branch radiofrequency ablation');
    fs.writeFileSync(file, text);
    await lsp.changeWatchedFiles([{ uri: fileUri(file), type: FileChangeType.Created }]);
    const found = await query('radiofrequency ablation');
    assert.deepEqual(
      found.map((s) => [s.name, path.basename(s.location.uri)]),
      [['Thoracic medial branch radiofrequency ablation at bilateral C2 C3 C4', 'added.txt']],
    );
    assert.equal((await query('medial branch')).length, 4);
    fs.rmSync(file);
    await lsp.changeWatchedFiles([{ uri: fileUri(file), type: FileChangeType.Deleted }]);
    assert.deepEqual(await query('radiofrequency ablation'), []);
    assert.equal((await query('medial branch')).length, 3);
  });

  test('a cancelled query is answered with RequestCancelled, and the server keeps serving', async () => {
    const { error } = await lsp.requestAndCancel('workspace/symbol', { query: 'mri' });
    if (error) assert.equal(error.code, -32800);
    assert.equal((await query('medial branch')).length, 3);
  });
});

describe('workspace symbols (client without workspace folders or watchers)', () => {
  const server = serverForSuite({
    capabilities: NEOVIM_CAPABILITIES,
    populate: (ws) => fs.copyFileSync(SEED_000, path.join(ws, 'letter.txt')),
  });
  let lsp: LspHarness;
  before(() => (lsp = server.lsp));

  test('the root folder is indexed; no watcher is registered', async () => {
    const symbols = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'medial branch' });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Medial branch block at C5-6', 'Follow up office visit following medial branch block'],
    );
    assert.deepEqual(
      lsp.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles'),
      [],
    );
  });
});

// Not serverForSuite: two temporary folders, only the first of them a workspace folder at the start.
describe('workspace symbols (workspace folders added and removed)', () => {
  let lsp: LspHarness;
  let a: string;
  let b: string;

  before(async () => {
    a = tempWorkspace('imr-ws-a-');
    b = tempWorkspace('imr-ws-b-');
    fs.copyFileSync(SEED_000, path.join(a, 'seed-000.txt'));
    fs.copyFileSync(SEED_003, path.join(b, 'seed-003.txt'));
    fs.copyFileSync(letterPath('dwc-2016/text/CM16-0238035.txt'), path.join(b, 'CM16-0238035.txt'));
    lsp = await LspHarness.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [a], settings: {} });
  });
  after(async () => {
    await lsp?.shutdown();
    fs.rmSync(a, { recursive: true, force: true });
    fs.rmSync(b, { recursive: true, force: true });
  });

  /** The next `imr/indexReady` notification: counts only, no text. */
  function nextIndexReady(): Promise<{
    files: number;
    letters: number;
    items: number;
    truncated: boolean;
    ms: number;
  }> {
    return lsp.waitForNotification('imr/indexReady');
  }

  test('the index follows the folders and announces each build with its counts', async () => {
    const names = async () =>
      (await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'medial branch' }))
        .map((s) => `${path.basename(s.location.uri)}: ${s.name}`)
        .sort();
    assert.deepEqual(await names(), [
      'seed-000.txt: Follow up office visit following medial branch block',
      'seed-000.txt: Medial branch block at C5-6',
    ]);

    let ready = nextIndexReady();
    const progress: { done: number; total: number }[] = [];
    const progressSubscription = lsp.connection.onNotification(
      'imr/indexProgress',
      (p: { done: number; total: number }) => void progress.push(p),
    );
    await lsp.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: fileUri(b), name: 'b' }], removed: [] },
    });
    const stats = await ready;
    progressSubscription.dispose();
    assert.deepEqual([stats.files, stats.letters, stats.items, stats.truncated], [3, 3, 3 + 1 + 8, false]);
    // Files read so far, before each of the three files (the status item's `indexing N of M`).
    assert.deepEqual(progress, [
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 3 },
    ]);
    assert.deepEqual(Object.keys(stats).sort(), ['files', 'items', 'letters', 'ms', 'truncated']);
    assert.deepEqual(await names(), [
      'seed-000.txt: Follow up office visit following medial branch block',
      'seed-000.txt: Medial branch block at C5-6',
      'seed-003.txt: Cervical medial branch neurotomy at bilateral C2 C3 C4',
    ]);

    ready = nextIndexReady();
    await lsp.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: fileUri(a), name: 'a' }] },
    });
    assert.equal((await ready).letters, 2);
    assert.deepEqual(await names(), ['seed-003.txt: Cervical medial branch neurotomy at bilateral C2 C3 C4']);
  });
});
