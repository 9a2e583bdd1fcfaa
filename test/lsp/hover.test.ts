// textDocument/hover over the wire: abbreviations, citations, decision words, field labels and the rule
// behind a diagnostic. Markdown for VS Code's capabilities, plain text for a client that only renders that.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { MarkupContent, type ClientCapabilities, type Hover } from 'vscode-languageserver-protocol';
import { DECISION_EXPLANATIONS } from '../../server/src/core/descriptions';
import { findRule } from '../../server/src/core/rules';
import { fileUri, LspHarness, NEOVIM_CAPABILITIES, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText } from '../support/letters';
import { at, defined, ofKind } from '../support/elements';

/** A hover's contents, which the server always sends as MarkupContent (not the deprecated MarkedString). */
const markupOf = (hover: Hover | null) => ofKind(defined(hover, 'a hover').contents, MarkupContent.is, 'MarkupContent');

const r = (sl: number, sc: number, el: number, ec: number) => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

describe('hover (Markdown client)', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  const { openLetter } = server;
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  async function hoverAt(uri: string, line: number, character: number): Promise<Hover | null> {
    return lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  function markdown(hover: Hover | null): string {
    const contents = markupOf(hover);
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  }

  test('the server declares a hover provider', () => {
    assert.equal(lsp.initializeResult.capabilities.hoverProvider, true);
  });

  test('on `MTUS` inside a citation: the abbreviation, then the citation with its parsed parts', async () => {
    const uri = await openLetter(letterText('dwc-2016/text/CM16-0238035.txt'));
    // Line 56: `MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s):`
    const hover = await hoverAt(uri, 56, 38);
    const value = markdown(hover);
    assert.ok(value.startsWith('**MTUS** — Medical Treatment Utilization Schedule (8 CCR 9792.20 ff.)'), value);
    assert.ok(value.includes('**MTUS citation** — Medical Treatment Utilization Schedule'), value);
    assert.ok(value.includes('*Cited by the IMR expert reviewer.*'), value);
    assert.ok(
      value.includes(
        '**Shoulder Complaints 2004** — Shoulder Complaints (2004) — ACOEM Practice Guidelines 2nd ed., Chapter 9, adopted into the MTUS',
      ),
      value,
    );
    assert.ok(
      value.includes(
        '- Title: Shoulder Complaints\n- Year: 2004\n- ACOEM chapter: 9\n- Section: Surgical Considerations',
      ),
      value,
    );
    // The range is the abbreviation's, the narrowest part.
    assert.deepEqual(defined(hover).range, r(56, 37, 56, 41));
    await lsp.close(uri);
  });

  test('on a citation title: the citation only, over its whole (two-line) range', async () => {
    const uri = await openLetter(letterText('dwc-2016/text/CM16-0238035.txt'));
    const hover = await hoverAt(uri, 56, 50); // inside `Shoulder Complaints 2004`
    const value = markdown(hover);
    assert.ok(value.startsWith('**MTUS citation**'), value);
    assert.ok(!value.includes('**MTUS** —'), 'no abbreviation part');
    assert.deepEqual(defined(hover).range, r(56, 37, 57, 23));
    await lsp.close(uri);
  });

  test('on a non-MTUS citation: the source family and the ODG chapter', async () => {
    const uri = await openLetter(letterText('dwc-2016/text/CM17-0020384.txt'));
    // Line 44 (0-based) of text/CM17-0020384: `… Decision based on Non-MTUS Citation Official Disability Guidelines`
    const letterLines = letterText('dwc-2016/text/CM17-0020384.txt').split('\n');
    const line = letterLines.findIndex(
      (l) => l.includes('Non-MTUS Citation Official Disability Guidelines') && l.startsWith('of the MTUS'),
    );
    assert.ok(line > 0);
    const hover = await hoverAt(uri, line, at(letterLines, line).indexOf('Official') + 3);
    const value = markdown(hover);
    assert.ok(value.startsWith('**Non-MTUS citation** (ODG)'), value);
    assert.ok(
      value.includes(
        'Official Disability Guidelines (ODG) — a commercial evidence-based treatment guideline outside the MTUS',
      ),
      value,
    );
    assert.ok(value.includes('- Chapter: Carpal Tunnel Syndrome (Acute & Chronic)'), value);
    await lsp.close(uri);
  });

  test('on `Upheld`: what the decision means for the worker', async () => {
    const uri = await openLetter(letterText('dwc-2016/text/CM16-0238035.txt'));
    const hover = await hoverAt(uri, 52, 75);
    const value = markdown(hover);
    assert.ok(
      value.startsWith(
        '**Upheld**: the expert reviewer agreed with utilization review (UR). UR’s denial or modification stands',
      ),
      value,
    );
    assert.ok(value.includes('Labor Code 4610.6(h)'), value);
    assert.deepEqual(defined(hover).range, r(52, 73, 52, 79));
    await lsp.close(uri);
  });

  test('on `Overturned`', async () => {
    const uri = await openLetter(letterText('dwc-2016/text/CM17-0020384.txt'));
    const value = markdown(await hoverAt(uri, 49, 72));
    assert.ok(value.startsWith('**Overturned**: the expert reviewer disagreed with utilization review (UR).'), value);
    assert.ok(value.includes('must authorise it (8 CCR 9792.10.7)'), value);
    await lsp.close(uri);
  });

  test('on a word that is not a decision (`Uphold`): why it is invalid, and the IMR003 rule', async () => {
    const letter = letterText('dwc-2016/text/CM16-0238035.txt').replace(
      'Medical Clearance: Upheld',
      'Medical Clearance: Uphold',
    );
    const uri = await openLetter(letter);
    const value = markdown(await hoverAt(uri, 68, 21));
    assert.ok(value.startsWith('“Uphold” is not an IMR decision.'), value);
    assert.ok(value.includes('**IMR003 invalid-decision**'), value);
    await lsp.close(uri);
  });

  test('on a field label: what the field holds', async () => {
    const uri = await openLetter(letterText('dwc-2016/text/CM16-0238035.txt'));
    const hover = await hoverAt(uri, 53, 5);
    const value = markdown(hover);
    assert.ok(
      value.startsWith(
        '**Claims Administrator guideline:** What the claims administrator’s utilization review (UR) relied on',
      ),
      value,
    );
    assert.deepEqual(defined(hover).range, r(53, 0, 53, 31));
    await lsp.close(uri);
  });

  test('on a diagnostic range: the rule id, name, description and rationale, after the citation', async () => {
    // CM16-0249320: a knee MRI decided on `MTUS Low Back Complaints 2004` (IMR013, line 49 col 38 one-based).
    const uri = await openLetter(letterText('dwc-2016/text/CM16-0249320.txt'));
    const hover = await hoverAt(uri, 48, 45);
    const value = markdown(hover);
    const meta = defined(findRule('IMR013')).meta;
    assert.ok(value.startsWith('**MTUS citation**'), value);
    assert.ok(value.includes(`**IMR013 citation-region-mismatch** (information) — ${meta.description}`), value);
    assert.ok(value.includes('Why: '), value);
    assert.ok(value.includes(meta.rationale.slice(0, 40)), value);
    assert.ok(value.indexOf('**MTUS citation**') < value.indexOf('**IMR013'), 'the rule comes last');
    await lsp.close(uri);
  });

  test('on `ESI`: the glossary entry marked [unverified]', async () => {
    const letter = letterText('dwc-2016/text/CM17-0005418.txt');
    const lines = letter.split('\n');
    const line = lines.findIndex((l) => /\(ESI\)/.test(l));
    const uri = await openLetter(letter);
    const hover = await hoverAt(uri, line, at(lines, line).indexOf('(ESI)') + 2);
    const value = markdown(hover);
    assert.ok(value.startsWith('**ESI** — epidural steroid injection *[unverified]*'), value);
    await lsp.close(uri);
  });

  test('nothing to say: null (plain prose, and a position past the end)', async () => {
    const uri = await openLetter(letterText('dwc-2016/text/CM16-0238035.txt'));
    assert.equal(await hoverAt(uri, 20, 3), null); // `MAXIMUS Federal …`: line 20 starts with prose `affiliation`
    assert.equal(await hoverAt(uri, 5000, 0), null);
    await lsp.close(uri);
  });
});

describe('hover (plain-text client)', () => {
  const PLAIN: ClientCapabilities = {
    ...NEOVIM_CAPABILITIES,
    textDocument: { ...NEOVIM_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } },
  };
  const server = serverForSuite({ capabilities: PLAIN });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  test('plain text without Markdown markup', async () => {
    const uri = fileUri(path.join(ws, 'plain.txt'));
    await lsp.open(uri, letterText('dwc-2016/text/CM16-0238035.txt'));
    const hover = await lsp.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 52, character: 75 },
    });
    const contents = markupOf(hover);
    assert.equal(contents.kind, 'plaintext');
    assert.equal(contents.value, DECISION_EXPLANATIONS.Upheld);
    const mtus = await lsp.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 56, character: 38 },
    });
    const value = markupOf(mtus).value;
    assert.ok(
      value.startsWith('MTUS — Medical Treatment Utilization Schedule (8 CCR 9792.20 ff.)\n\nMTUS citation'),
      value,
    );
    assert.ok(!value.includes('**'), 'no Markdown');
  });
});
