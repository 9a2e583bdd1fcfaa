// Reading values of unknown shape (settings, JSON, a client's options) without casts.

/** A plain object (not null, not an array), whose keys can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
