// textDocument/completion over the wire: item labels in letter order at a line start, decisions after an
// item's colon, citations in guideline fields, section headings not yet present, and the whole-item snippet
// (a snippet for VS Code, plain text for a client without snippet support).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { MarkupContent, TextEdit, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { MTUS_TITLES } from '../../server/src/core/guidelines';
import { DECISION_EXPLANATIONS } from '../../server/src/core/descriptions';
import { fileUri, LspHarness, NEOVIM_CAPABILITIES, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText } from '../support/letters';
import { at, defined, exactly, ofKind } from '../support/elements';

const SNIPPET = [
  '${1:item}: ${2|Upheld,Overturned|}',
  'Claims Administrator guideline: ${3:Decision based on MTUS }',
  'MAXIMUS guideline: ${4:Decision based on MTUS }',
  'Decision rationale: ${5:rationale}$0',
].join('\n');

const PLAIN = [
  'item: Upheld',
  'Claims Administrator guideline: Decision based on MTUS ',
  'MAXIMUS guideline: Decision based on MTUS ',
  'Decision rationale: ',
].join('\n');

const TITLES = MTUS_TITLES.map((t) => `${t.title} ${t.year}`);

/** The item's edit, which these tests expect to be a plain TextEdit (not an insert-and-replace one). */
const textEditOf = (item: CompletionItem | undefined) =>
  ofKind(defined(item, 'a completion item').textEdit, TextEdit.is, 'a TextEdit');
/** The item's documentation, which these tests expect to be MarkupContent (not a plain string). */
const documentationOf = (item: CompletionItem) => ofKind(item.documentation, MarkupContent.is, 'MarkupContent');

/** CM16-0238035 (eight items, all three headings) without its trailing form feed, plus `tail`. */
function letterWith(tail: string): { text: string; lastLine: number } {
  const base = letterText('dwc-2016/text/CM16-0238035.txt').replace(/[\n\f]+$/, '\n');
  const text = base + tail;
  return { text, lastLine: text.split('\n').length - 1 };
}

/** Items in the order the client shows them: by sortText. */
function ordered(list: CompletionList): CompletionItem[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('completion (VS Code: snippets, Markdown)', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  async function complete(text: string, line: number, character: number): Promise<CompletionItem[]> {
    const uri = await server.openLetter(text);
    const list = await lsp.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character },
    });
    await lsp.close(uri);
    assert.equal(list.isIncomplete, false);
    return ordered(list);
  }

  test('the server declares a completion provider triggered by a colon and a space', () => {
    const provider = lsp.initializeResult.capabilities.completionProvider;
    assert.ok(provider);
    assert.deepEqual(provider.triggerCharacters, [':', ' ']);
  });

  test('at a line start after an item heading: the three labels, in letter order', async () => {
    const { text, lastLine } = letterWith('Lumbar MRI: Upheld\n');
    const items = await complete(text, lastLine, 0);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'],
    );
    const first = at(items, 0);
    assert.deepEqual(first.textEdit, {
      range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } },
      newText: 'Claims Administrator guideline: ',
    });
    assert.equal(first.detail, 'item field');
  });

  test('after the Claims Administrator guideline: the two labels that may follow', async () => {
    const { text, lastLine } = letterWith(
      'Lumbar MRI: Upheld\nClaims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\n',
    );
    const items = await complete(text, lastLine, 0);
    assert.deepEqual(
      items.map((i) => i.label),
      ['MAXIMUS guideline:', 'Decision rationale:'],
    );
  });

  test('a label half typed on a line of a guideline body: the labels first, replacing what was typed', async () => {
    const { text, lastLine } = letterWith(
      'Lumbar MRI: Upheld\nClaims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\nMAXI',
    );
    const items = await complete(text, lastLine, 4);
    assert.deepEqual(
      items.slice(0, 4).map((i) => i.label),
      ['MAXIMUS guideline:', 'Decision rationale:', 'Decision based on MTUS', 'Decision based on Non-MTUS Citation'],
    );
    assert.deepEqual(textEditOf(at(items, 0)).range, {
      start: { line: lastLine, character: 0 },
      end: { line: lastLine, character: 4 },
    });
  });

  test('after a complete item: the snippet for a new disputed item, as a snippet', async () => {
    const { text, lastLine } = letterWith('');
    const items = await complete(text, lastLine, 0);
    assert.deepEqual(
      items.map((i) => i.label),
      ['New disputed item'],
    );
    const snippet = at(items, 0);
    assert.equal(snippet.insertTextFormat, 2);
    assert.equal(textEditOf(snippet).newText, SNIPPET);
    assert.equal(snippet.kind, 15); // Snippet
  });

  test('after an item colon: Upheld and Overturned, documented', async () => {
    const { text, lastLine } = letterWith('Lumbar MRI: ');
    const items = await complete(text, lastLine, 'Lumbar MRI: '.length);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Upheld', 'Overturned'],
    );
    const [upheld, overturned] = exactly(items, 2);
    assert.equal(textEditOf(upheld).newText, 'Upheld');
    assert.deepEqual(textEditOf(upheld).range, {
      start: { line: lastLine, character: 12 },
      end: { line: lastLine, character: 12 },
    });
    assert.equal(documentationOf(upheld).kind, 'markdown');
    assert.ok(
      documentationOf(upheld).value.startsWith('Upheld: the expert reviewer agreed with utilization review (UR).'),
    );
    assert.ok(documentationOf(overturned).value.includes('the claims administrator must authorise it'));
    assert.equal(upheld.detail, 'UR denial stands: not medically necessary');
  });

  test('after an item colon with no space: the decision comes with its space; a typed prefix is replaced', async () => {
    const bare = letterWith('Lumbar MRI:');
    const items = await complete(bare.text, bare.lastLine, 'Lumbar MRI:'.length);
    assert.deepEqual(
      items.map((i) => textEditOf(i).newText),
      [' Upheld', ' Overturned'],
    );
    const typed = letterWith('Lumbar MRI: Ove');
    const more = await complete(typed.text, typed.lastLine, 'Lumbar MRI: Ove'.length);
    assert.deepEqual(textEditOf(at(more, 1)).range, {
      start: { line: typed.lastLine, character: 12 },
      end: { line: typed.lastLine, character: 15 },
    });
  });

  test('a decision alone on the line under an item line ending in a colon (§5)', async () => {
    const { text, lastLine } = letterWith('Right knee arthroscopy of the right hip and foot:\n');
    const items = await complete(text, lastLine, 0);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Upheld', 'Overturned', 'New disputed item'],
    );
  });

  test('in a guideline field: citation lead-ins first, then the MTUS titles, ODG chapters and no-evidence sentences', async () => {
    const line = 'Claims Administrator guideline: ';
    const { text, lastLine } = letterWith(`Lumbar MRI: Upheld\n${line}`);
    const items = await complete(text, lastLine, line.length);
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2 + TITLES.length), [
      'Decision based on MTUS',
      'Decision based on Non-MTUS Citation',
      ...TITLES,
    ]);
    assert.equal(TITLES[0], 'Chronic Pain Medical Treatment 2016');
    assert.ok(labels.includes('Official Disability Guidelines (ODG) Knee & Leg (Acute & Chronic)'));
    assert.equal(labels.at(-1), 'The Expert Reviewer did not cite any medical evidence for its decision.');
    assert.equal(textEditOf(at(items, 0)).newText, 'Decision based on MTUS ');
    const lowBack = defined(items.find((i) => i.label === 'Low Back Complaints 2004'));
    assert.equal(lowBack.detail, 'MTUS · ACOEM chapter 12');
    assert.ok(
      documentationOf(lowBack).value.startsWith(
        'Low Back Complaints (2004) — ACOEM Practice Guidelines 2nd ed., Chapter 12',
      ),
    );
  });

  test('after `Decision based on MTUS `: the MTUS titles first', async () => {
    const line = 'MAXIMUS guideline: Decision based on MTUS ';
    const { text, lastLine } = letterWith(
      `Lumbar MRI: Upheld\nClaims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\n${line}`,
    );
    const items = await complete(text, lastLine, line.length);
    assert.deepEqual(
      items.slice(0, TITLES.length).map((i) => i.label),
      TITLES,
    );
  });

  test('after `Non-MTUS Citation `: the ODG chapters first', async () => {
    const line = 'MAXIMUS guideline: Decision based on Non-MTUS Citation ';
    const { text, lastLine } = letterWith(
      `Lumbar MRI: Upheld\nClaims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\n${line}`,
    );
    const items = await complete(text, lastLine, line.length);
    assert.equal(
      at(items, 0).label,
      'Official Disability Guidelines (ODG) Low Back - Lumbar & Thoracic (Acute & Chronic)',
    );
  });

  test('section headings not yet present, in letter order, where they fit', async () => {
    const items = await complete(
      'Case Number:\nHOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent the complete case file.\n\n',
      3,
      0,
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    );
    assert.equal(at(items, 0).detail, 'section heading');
    // Above an existing heading only the ones that belong before it.
    const above = await complete('\nCLINICAL CASE SUMMARY\nThe expert reviewer developed …\n', 0, 0);
    assert.deepEqual(
      above.map((i) => i.label),
      ['HOW THE IMR FINAL DETERMINATION WAS MADE'],
    );
  });

  test('nowhere useful (inside prose of the case summary): nothing', async () => {
    const { text } = letterWith('');
    // Line 35: `2016. The mechanism of injury was …`, caret after `2016.`
    assert.deepEqual(await complete(text, 35, 5), []);
  });
});

describe('completion (no snippet support)', () => {
  const server = serverForSuite({ capabilities: NEOVIM_CAPABILITIES });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  test('the new-item completion is plain text', async () => {
    const { text, lastLine } = letterWith('');
    const uri = fileUri(path.join(ws, 'plain.txt'));
    await lsp.open(uri, text);
    const list = await lsp.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lastLine, character: 0 },
    });
    const [item] = ordered(list);
    assert.equal(item?.label, 'New disputed item');
    assert.equal(item?.insertTextFormat, 1);
    assert.equal(textEditOf(item).newText, PLAIN);
  });

  test('decision documentation is Markdown when listed, the plain explanation otherwise', async () => {
    const { text, lastLine } = letterWith('Lumbar MRI: ');
    const uri = fileUri(path.join(ws, 'decision.txt'));
    await lsp.open(uri, text);
    const list = await lsp.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lastLine, character: 12 },
    });
    const upheld = at(ordered(list), 0);
    // Neovim lists markdown first: MarkupContent whose text is the explanation.
    assert.equal(documentationOf(upheld).value, DECISION_EXPLANATIONS.Upheld);
  });
});
