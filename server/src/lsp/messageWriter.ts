// Writes LSP messages to a stream (stdio) in place of vscode-jsonrpc's StreamMessageWriter, which turns each
// message into one JSON string and then one buffer: for the outline of a 10 MiB document, a 20 MB string
// (two bytes a character once one name has a character past U+00FF), a 10 MB buffer and the symbol tree
// they came from, all at once (issue 12). A result built as an `EncodedJsonArray` (UTF-8 JSON already, in
// chunks, converted element by element), or holding one (semantic tokens' `data`), is written as it is,
// each chunk once the stream took the last.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/**
 * JSON is encoded in pieces of about this many characters: at most 96 KiB of UTF-8, under glibc's 128 KiB
 * mmap threshold. A larger buffer, once freed, raises that threshold to its size, and the C allocator then
 * keeps later memory (measured: megabytes more at the 10 MiB document's peak).
 */
const CHUNK_CHARS = 32 * 1024;
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/**
 * An array result encoded as JSON element by element, as it is built, so that the elements can be let go
 * one by one. `LspStreamWriter` writes it as it is; any other writer (node IPC, a trace) serialises
 * `toJSON()`, the array itself. Either way the client receives the same JSON.
 */
export class EncodedJsonArray {
  private readonly chunks: Buffer[] = [];
  private batch: string[] = [];
  private batchChars = 0;

  push(element: unknown): void {
    // As JSON.stringify writes an array's element: undefined and functions become null.
    this.pushJson(JSON.stringify(element) ?? 'null');
  }

  /** Elements already written as JSON, several separated by commas: integers, say, with no call per number. */
  pushJson(json: string): void {
    this.batch.push(json);
    this.batchChars += json.length;
    if (this.batchChars >= CHUNK_CHARS) this.flush();
  }

  /** The array's JSON in UTF-8 pieces, to be written one after the other. */
  pieces(): Buffer[] {
    this.flush();
    return [OPEN, ...this.chunks, CLOSE];
  }

  toJSON(): unknown[] {
    return JSON.parse(Buffer.concat(this.pieces()).toString('utf8')) as unknown[];
  }

  private flush(): void {
    if (!this.batch.length) return;
    const separator = this.chunks.length ? ',' : '';
    this.chunks.push(...utf8Chunks(separator + this.batch.join(',')));
    this.batch = [];
    this.batchChars = 0;
  }
}

/**
 * An array result made of `elements`: encoded as they come (and let go) when the transport writes an
 * `EncodedJsonArray` as it is (`encoded`: the context's `encodedResults`), else a plain array.
 */
export function arrayResult<T>(elements: Iterable<T>, encoded: boolean | undefined): T[] {
  if (!encoded) return Array.from(elements);
  const array = new EncodedJsonArray();
  for (const element of elements) array.push(element);
  // Stands in for the array on the wire: its JSON is the array's.
  return array as unknown as T[];
}

/** Stands in the envelope for an encoded result, so that the envelope itself is serialised as usual. */
const PLACEHOLDER = '\u0000encoded result\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** The encoded array of a result: the result itself, or a property of it (semantic tokens' `data`). */
function encodedPart(result: unknown): { array: EncodedJsonArray; stand: unknown } | undefined {
  if (result instanceof EncodedJsonArray) return { array: result, stand: PLACEHOLDER };
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  for (const [key, value] of Object.entries(result))
    if (value instanceof EncodedJsonArray) return { array: value, stand: { ...result, [key]: PLACEHOLDER } };
  return undefined;
}

/** A message's JSON in UTF-8 pieces: its text in chunks, or the envelope around an encoded array's pieces. */
export function encodeMessage(message: Message): Buffer[] {
  const encoded = encodedPart((message as { result?: unknown }).result);
  if (!encoded) return utf8Chunks(JSON.stringify(message));
  const envelope = JSON.stringify({ ...message, result: encoded.stand });
  const at = envelope.lastIndexOf(PLACEHOLDER_JSON);
  return [
    ...utf8Chunks(envelope.slice(0, at)),
    ...encoded.array.pieces(),
    ...utf8Chunks(envelope.slice(at + PLACEHOLDER_JSON.length)),
  ];
}

/** `text` as UTF-8 in buffers of at most CHUNK_CHARS characters, never parting a surrogate pair. */
function utf8Chunks(text: string): Buffer[] {
  if (text.length <= CHUNK_CHARS) return [Buffer.from(text, 'utf8')];
  const chunks: Buffer[] = [];
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + CHUNK_CHARS);
    const high = text.charCodeAt(to - 1);
    if (to < text.length && high >= 0xd800 && high <= 0xdbff) to--;
    chunks.push(Buffer.from(text.slice(from, to), 'utf8'));
    from = to;
  }
  return chunks;
}

/** Frames messages onto a stream (`Content-Length` header, then the JSON), one message at a time, in order. */
export class LspStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private queue: Promise<void> = Promise.resolve();
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const written = this.queue.then(() => this.send(message));
    this.queue = written.catch(() => undefined);
    return written;
  }

  end(): void {
    this.stream.end();
  }

  private async send(message: Message): Promise<void> {
    try {
      const pieces = encodeMessage(message);
      const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
      await this.put(Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'));
      // Each piece once the stream has taken the one before: a slow reader holds back the rest here.
      for (const piece of pieces) await this.put(piece);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      throw error;
    }
  }

  private put(piece: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.write(piece, (error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}
