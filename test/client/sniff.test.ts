// The client's plain-text sniffer, with the language's own `firstLine` pattern from package.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { headPattern, imrFirstLine, looksLikeDetermination } from '../../client/src/sniff';
import { ROOT } from '../support/corpus';

const manifest: unknown = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
const firstLine = imrFirstLine(manifest);
const opening = headPattern(firstLine ?? '(?!)');
const head = (file: string) => readFileSync(`${ROOT}/${file}`, 'utf8').split('\n').slice(0, 80).join('\n');

test('letters in every shipped form are recognised from their first lines', () => {
  for (const file of ['examples/CM16-0238035.txt', 'examples/CM17-0020384-layout.txt', 'examples/seed-000-L3b.txt']) {
    assert.equal(looksLikeDetermination(head(file), opening), true, file);
  }
  for (const layout of ['L0', 'L1', 'L2', 'L3a', 'L3b']) {
    assert.equal(looksLikeDetermination(head(`test/fixtures/layouts/${layout}.txt`), opening), true, layout);
  }
});

test('a form feed before the opening line is fine; other text is not a letter', () => {
  assert.equal(
    looksLikeDetermination('\fCase Number:\nCM17-0020384\nHOW THE IMR FINAL DETERMINATION WAS MADE', opening),
    true,
  );
  assert.equal(
    looksLikeDetermination(readFileSync(`${ROOT}/test/vscode/fixtures/ws/notes.txt`, 'utf8'), opening),
    false,
  );
  assert.equal(looksLikeDetermination('Case Number: 12 of the shipping log\nNothing else here.', opening), false);
  assert.equal(looksLikeDetermination('', opening), false);
});

test("the manifest's imr firstLine is read by shape; any other shape gives undefined", () => {
  assert.equal(firstLine?.startsWith('^\\s*(HOW THE IMR FINAL DETERMINATION WAS MADE|Case Number:|'), true);
  const language = { id: 'imr', firstLine: '^Case' };
  assert.equal(imrFirstLine({ contributes: { languages: [{ id: 'other', firstLine: 'x' }, language] } }), '^Case');
  for (const broken of [
    undefined,
    null,
    'package',
    { contributes: {} },
    { contributes: { languages: {} } },
    { contributes: { languages: [{ id: 'other', firstLine: 'x' }] } },
    { contributes: { languages: [{ id: 'imr', firstLine: 3 }] } },
  ]) {
    assert.equal(imrFirstLine(broken), undefined, JSON.stringify(broken));
  }
});
