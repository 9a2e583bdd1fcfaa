// Writes LSP messages to a stream (stdio) in place of vscode-jsonrpc's StreamMessageWriter, which turns each
// message into one JSON string and then one buffer: for the outline of a 10 MiB document, a 20 MB string
// (two bytes a character once one name has a character past U+00FF), a 10 MB buffer and the symbol tree
// they came from, all at once (issue 12). A result built as an `EncodedJsonArray` (UTF-8 JSON already, in
// chunks, converted element by element) is written as it is, each chunk once the stream took the last.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** Elements are encoded in batches of about this many characters: few buffers, none large. */
const CHUNK_CHARS = 64 * 1024;
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
    const json = JSON.stringify(element) ?? 'null';
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
    this.chunks.push(Buffer.from(separator + this.batch.join(','), 'utf8'));
    this.batch = [];
    this.batchChars = 0;
  }
}

/** Stands in the envelope for an encoded result, so that the envelope itself is serialised as usual. */
const PLACEHOLDER = '\u0000encoded result\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** A message's JSON in UTF-8 pieces: one buffer, or the envelope around an encoded result's pieces. */
export function encodeMessage(message: Message): Buffer[] {
  const result = (message as { result?: unknown }).result;
  if (!(result instanceof EncodedJsonArray)) return [Buffer.from(JSON.stringify(message), 'utf8')];
  const envelope = JSON.stringify({ ...message, result: PLACEHOLDER });
  const at = envelope.lastIndexOf(PLACEHOLDER_JSON);
  return [
    Buffer.from(envelope.slice(0, at), 'utf8'),
    ...result.pieces(),
    Buffer.from(envelope.slice(at + PLACEHOLDER_JSON.length), 'utf8'),
  ];
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
