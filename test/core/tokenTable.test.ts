// The token collector's table: exact tokens, and columns sized to them (no spare room, no copy when none is cut).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceText } from '../../server/src/core/source';
import { TokenCollector, type TokenTable } from '../../server/src/core/service/tokenTable';

function rows(table: TokenTable): Array<[number, number, number, number]> {
  return Array.from({ length: table.count }, (_, i) => [
    table.line[i] ?? -1,
    table.start[i] ?? -1,
    table.length[i] ?? -1,
    table.kind[i] ?? -1,
  ]);
}

/** Every column holds exactly `count` entries: no spare room left over. */
function assertColumnLengths(table: TokenTable, count: number): void {
  for (const column of [table.line, table.start, table.length, table.kind]) assert.equal(column.length, count);
}

test('tokens without overlaps: sorted, and each column exactly as long as the count', () => {
  const collector = new TokenCollector(new SourceText('alpha beta\ngamma\n'));
  collector.add(1, 0, 5, 3, 1);
  collector.add(0, 6, 10, 2, 1);
  collector.add(0, 0, 5, 1, 1);
  const table = collector.result();
  assert.deepEqual(rows(table), [
    [0, 0, 5, 1],
    [0, 6, 4, 2],
    [1, 0, 5, 3],
  ]);
  assertColumnLengths(table, 3);
});

test('a weak token cut around three stronger ones gives more pieces than candidates, all kept', () => {
  const collector = new TokenCollector(new SourceText('a'.repeat(20)));
  collector.add(0, 0, 20, 9, 0);
  for (const start of [2, 6, 10]) collector.add(0, start, start + 2, 5, 1);
  const table = collector.result();
  assert.deepEqual(rows(table), [
    [0, 0, 2, 9],
    [0, 2, 2, 5],
    [0, 4, 2, 9],
    [0, 6, 2, 5],
    [0, 8, 2, 9],
    [0, 10, 2, 5],
    [0, 12, 8, 9],
  ]);
  assertColumnLengths(table, 7);
});

test('a token wholly under a stronger one is dropped, and the columns trimmed to what is left', () => {
  const collector = new TokenCollector(new SourceText('a'.repeat(10)));
  collector.add(0, 2, 4, 9, 0);
  collector.add(0, 0, 10, 5, 1);
  const table = collector.result();
  assert.deepEqual(rows(table), [[0, 0, 10, 5]]);
  assertColumnLengths(table, 1);
});
