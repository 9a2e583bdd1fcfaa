// A parsed letter or its findings moved some lines up or down: what an edit above a letter does to it.
// Positions are the `{ line, character }` objects of the model (model.ts); folded text moves with its map.
import { Excerpt } from './text/excerpt';

/** Thrown for a value this module cannot move (a class it does not know): the caller reads the letter anew. */
export class Unmovable extends Error {
  constructor() {
    super('a value of an unknown kind cannot be moved');
  }
}

/**
 * A copy of `value` with every position `lines` lines further down (up, when negative). Plain objects, arrays
 * and folded text (`Excerpt`) are copied; an object reached twice (an item's `rationale`, also in its
 * `fields`) is copied once, so the copy shares what the original shares. Throws `Unmovable` on anything else.
 */
export function shiftLines<T>(value: T, lines: number): T {
  if (lines === 0) return value;
  return moved(value, lines, new Map()) as T;
}

function moved(value: unknown, lines: number, copies: Map<object, unknown>): unknown {
  if (typeof value === 'function') throw new Unmovable();
  if (typeof value !== 'object' || value === null) return value;
  const fields = value as Record<string, unknown>;
  // Positions, the most numerous objects, are leaves: copied without the bookkeeping of shared objects.
  const { line, character } = fields;
  if (typeof line === 'number' && typeof character === 'number' && hasTwoKeys(fields))
    return { line: line + lines, character };
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length);
    copies.set(value, copy);
    for (let i = 0; i < value.length; i++) copy[i] = moved(value[i], lines, copies);
    return copy;
  }
  if (value instanceof Excerpt) {
    const copy = value.shiftedBy(lines);
    copies.set(value, copy);
    return copy;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new Unmovable();
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const key of Object.keys(fields)) copy[key] = moved(fields[key], lines, copies);
  return copy;
}

/** Whether `fields` has exactly two keys (its own, on a plain object), counted with no array of them made. */
function hasTwoKeys(fields: object): boolean {
  let count = 0;
  for (const key in fields) if (Object.hasOwn(fields, key) && ++count > 2) return false;
  return count === 2;
}
