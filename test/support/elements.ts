// Reading elements the test expects to be there. Each helper fails the test with a message saying what was
// missing, and returns the element typed without `undefined`, so that tests index under noUncheckedIndexedAccess
// without `!` or casts.
import assert from 'node:assert/strict';

/** A tuple of N elements of T (N a literal small count; a plain `number` gives T[]). */
export type Tuple<T, N extends number, Built extends T[] = []> = number extends N
  ? T[]
  : Built['length'] extends N
    ? Built
    : Tuple<T, N, [...Built, T]>;

/**
 * The element at `index` (negative counts from the end, as in Array.prototype.at); fails when there is none, or
 * no list (`at(item.guideline?.citations, 0)` asserts both).
 */
export function at<T>(list: ArrayLike<T> | undefined, index: number): T {
  if (list === undefined) assert.fail(`expected a list with an element at index ${index}; there is no list`);
  const element = list[index < 0 ? list.length + index : index];
  if (element === undefined) assert.fail(`expected an element at index ${index}; the list has ${list.length}`);
  return element;
}

/** The one element of a list that must hold exactly one. */
export function only<T>(list: readonly T[], message?: string): T {
  const [element] = exactly(list, 1, message);
  return element;
}

/** Fails unless the list holds exactly `count` elements; after it, TypeScript knows the list as a tuple. */
export function assertLength<T, N extends number>(
  list: readonly T[],
  count: N,
  message?: string,
): asserts list is readonly T[] & Readonly<Tuple<T, N>> {
  assert.equal(list.length, count, message);
}

/** The list as a tuple of exactly `count` elements, for destructuring: `const [a, b] = exactly(items, 2)`. */
export function exactly<T, N extends number>(list: readonly T[], count: N, message?: string): Readonly<Tuple<T, N>> {
  assertLength(list, count, message);
  return list;
}

/** The value under `key`, which the test expects to be present (in a record that must be there too). */
export function entry<V>(record: Readonly<Record<string, V>> | undefined, key: string): V {
  if (record === undefined) assert.fail(`expected a record with a value under ${JSON.stringify(key)}; there is none`);
  const value = record[key];
  if (value === undefined) assert.fail(`expected a value under ${JSON.stringify(key)}`);
  return value;
}

/** A value the test expects to be there (not undefined or null). */
export function defined<T>(value: T | undefined | null, what = 'a value'): T {
  if (value === undefined || value === null) assert.fail(`expected ${what}; got ${String(value)}`);
  return value;
}

/**
 * The member of a union that `is` accepts, which the test expects (`ofKind(item.textEdit, TextEdit.is, 'a
 * TextEdit')`, not `item.textEdit as TextEdit`): fails naming the kind expected and showing what came instead.
 */
export function ofKind<T, S extends T>(value: T, is: (value: T) => value is S, kind: string): S {
  if (!is(value)) assert.fail(`expected ${kind}; got ${shown(value)}`);
  return value;
}

/** A value in a failure message: its JSON, cut short (a whole document may be in it). */
function shown(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A cycle or a bigint: its string instead.
  }
  if (json === undefined) return String(value);
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}
