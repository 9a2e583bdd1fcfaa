// Completion opened by a typed trigger character (`:` or a space) over the wire: offered after an item's colon,
// after a guideline label's colon, and where an MTUS title or ODG chapter comes next; empty anywhere else, where
// the same position asked for with Ctrl+Space may still answer.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionTriggerKind,
  TextEdit,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver-protocol';
import { MTUS_TITLES } from '../../server/src/core/guidelines';
import { LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText } from '../support/letters';
import { ofKind } from '../support/elements';

const TITLES = MTUS_TITLES.map((t) => `${t.title} ${t.year}`);
const ITEM = 'Lumbar MRI: Upheld\nClaims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.\n';

/** CM16-0238035 (eight items; its last rationale ends in a full stop) without its trailing form feed, plus `tail`. */
function letterWith(tail: string): { text: string; lastLine: number; end: number } {
  const base = letterText('dwc-2016/text/CM16-0238035.txt').replace(/[\n\f]+$/, '\n');
  const text = base + tail;
  const lines = text.split('\n');
  return { text, lastLine: lines.length - 1, end: lines.at(-1)?.length ?? 0 };
}

describe('completion on trigger characters', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  /** Completion at the end of `tail`: typed `trigger`, or asked for (Ctrl+Space) when it is undefined. */
  async function complete(tail: string, trigger: string | undefined): Promise<CompletionItem[]> {
    const { text, lastLine, end } = letterWith(tail);
    const uri = await server.openLetter(text);
    const context =
      trigger === undefined
        ? { triggerKind: CompletionTriggerKind.Invoked }
        : { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger };
    const list = await lsp.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lastLine, character: end },
      context,
    });
    await lsp.close(uri);
    return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const newTexts = (items: CompletionItem[]) => items.map((i) => ofKind(i.textEdit, TextEdit.is, 'a TextEdit').newText);

  test('a colon typed after an item: the two decisions, each with its space', async () => {
    const items = await complete('Lumbar MRI:', ':');
    assert.deepEqual(newTexts(items), [' Upheld', ' Overturned']);
  });

  test('a space typed after the item colon: the two decisions again, without a space', async () => {
    const items = await complete('Lumbar MRI: ', ' ');
    assert.deepEqual(labels(items), ['Upheld', 'Overturned']);
    assert.deepEqual(newTexts(items), ['Upheld', 'Overturned']);
  });

  test('a colon typed inside a wrapped rationale line opens nothing (Ctrl+Space still answers)', async () => {
    const tail = `${ITEM}MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.\nDecision rationale: The request is not\nsupported, as the guidelines state:`;
    assert.deepEqual(await complete(tail, ':'), []);
    assert.deepEqual(labels(await complete(tail, undefined)), ['Upheld', 'Overturned']);
  });

  test('a colon typed at the end of a guideline label: the citation lead-ins first', async () => {
    const items = await complete(`${ITEM}MAXIMUS guideline:`, ':');
    assert.deepEqual(labels(items).slice(0, 3), [
      'Decision based on MTUS',
      'Decision based on Non-MTUS Citation',
      TITLES[0],
    ]);
  });

  test('a space typed after `MTUS` in a guideline field: the MTUS titles first', async () => {
    const items = await complete(`${ITEM}MAXIMUS guideline: Decision based on MTUS `, ' ');
    assert.deepEqual(labels(items).slice(0, TITLES.length), TITLES);
    const and = await complete(`${ITEM}MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, and `, ' ');
    assert.equal(and[0]?.label, TITLES[0]);
  });

  test('a space typed after `Non-MTUS Citation`: the ODG chapters first', async () => {
    const items = await complete(`${ITEM}MAXIMUS guideline: Decision based on Non-MTUS Citation `, ' ');
    assert.equal(
      items[0]?.label,
      'Official Disability Guidelines (ODG) Low Back - Lumbar & Thoracic (Acute & Chronic)',
    );
  });

  test('a space or a colon typed elsewhere opens nothing', async () => {
    // In a guideline field, between words of a citation.
    assert.deepEqual(await complete(`${ITEM}MAXIMUS guideline: Decision based on `, ' '), []);
    assert.deepEqual(await complete(`${ITEM}MAXIMUS guideline: Decision based on MTUS Chronic Pain `, ' '), []);
    // A colon later on a guideline label's line.
    assert.deepEqual(await complete(`${ITEM}MAXIMUS guideline: Decision based on MTUS, Section(s):`, ':'), []);
    // `MTUS ` in a rationale, and a space after a label with nothing to offer.
    const rationale = `${ITEM}MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.\nDecision rationale: The MTUS `;
    assert.deepEqual(await complete(rationale, ' '), []);
    assert.deepEqual(await complete(`${ITEM}Decision rationale: `, ' '), []);
    // A line start: labels and headings come as a word is typed, not on a space.
    assert.deepEqual(await complete(`Lumbar MRI: Upheld\n `, ' '), []);
    assert.ok((await complete(`Lumbar MRI: Upheld\n`, undefined)).length > 0);
  });
});
