// Reads LSP messages from a stream (stdio) with as few copies of a large message as its JSON allows, in
// place of vscode-jsonrpc's StreamMessageReader, which keeps the stream's chunks until the body is whole,
// copies them into one buffer and keeps that buffer while the JSON is parsed: a 50 MiB didOpen stood as
// chunks + body + JSON text + parsed text, over 400 MB (issue 12). Here each chunk is copied into the
// body as it arrives, and a large body is released before its JSON is parsed (decodeLarge).
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';
import { collectNow, holdYoungGeneration, LARGE_TEXT } from './memory';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Longer headers are not LSP's (two short fields): the stream is not speaking the protocol. */
const MAX_HEADER_BYTES = 8 * 1024;

export class LspStreamReader extends AbstractMessageReader {
  /** Header bytes received so far (a header may arrive split over chunks). */
  private header = Buffer.alloc(0);
  private body: Buffer | undefined;
  /** The body's length and how much of it has arrived: numbers, so that no frame but fillBody's holds the body. */
  private expected = 0;
  private filled = 0;
  private callback: DataCallback | undefined;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const onError = (error: unknown) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    return {
      dispose: () => {
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('close', onClose);
        this.callback = undefined;
      },
    };
  }

  private onData(chunk: Buffer): void {
    try {
      let at = 0;
      while (at < chunk.length || (this.body !== undefined && this.filled === this.expected)) {
        if (this.body === undefined) at = this.readHeader(chunk, at);
        else if (this.filled < this.expected) at = this.fillBody(chunk, at);
        else this.deliver();
      }
    } catch (error) {
      // The stream is out of step with the protocol: what follows cannot be framed.
      this.header = Buffer.alloc(0);
      this.body = undefined;
      this.fireError(error);
    }
  }

  /** Takes header bytes from `chunk` at `at`; starts the body once the header is whole. Returns where it stopped. */
  private readHeader(chunk: Buffer, at: number): number {
    // The end marker may straddle the previous chunk: search from a few bytes back in the joined header.
    const from = Math.max(0, this.header.length - (HEADER_END.length - 1));
    this.header = Buffer.concat([this.header, chunk.subarray(at)]);
    const end = this.header.indexOf(HEADER_END, from);
    if (end < 0) {
      if (this.header.length > MAX_HEADER_BYTES) throw new Error('Message header too long.');
      return chunk.length;
    }
    const length = contentLength(this.header.toString('ascii', 0, end));
    const consumed = chunk.length - (this.header.length - (end + HEADER_END.length));
    this.header = Buffer.alloc(0);
    // Unpooled when large, so that releasing the body frees its memory at once.
    this.body = length >= LARGE_TEXT ? Buffer.allocUnsafeSlow(length) : Buffer.allocUnsafe(length);
    this.expected = length;
    this.filled = 0;
    return consumed;
  }

  /** Copies body bytes from `chunk` at `at`. Returns where it stopped. */
  private fillBody(chunk: Buffer, at: number): number {
    const end = Math.min(chunk.length, at + this.expected - this.filled);
    this.filled += chunk.copy(this.body as Buffer, this.filled, at, end);
    return end;
  }

  private deliver(): void {
    const large = this.expected >= LARGE_TEXT;
    let message: Message;
    try {
      message = large ? this.decodeLarge() : (JSON.parse(this.takeText()) as Message);
    } catch (error) {
      this.fireError(error);
      return;
    }
    this.callback?.(message);
    // The JSON text is garbage now (and for a degraded document nothing else would collect it soon).
    if (large) collectNow();
  }

  /**
   * A large body is let go before its JSON is parsed, and collected, so that the body, the JSON text and
   * the parsed text never stand together. The young generation is held first (memory.ts): the parsed text
   * surviving its first scavenge would otherwise grow it to its limit for good.
   */
  private decodeLarge(): Message {
    holdYoungGeneration(true);
    const json = this.takeText();
    // Only `json` is held here: the body's last reference went with takeText's frame.
    collectNow();
    return JSON.parse(json) as Message;
  }

  /** The body as text, the reader's reference to it dropped. */
  private takeText(): string {
    const body = this.body as Buffer;
    this.body = undefined;
    return body.toString('utf8');
  }
}

function contentLength(header: string): number {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'content-length') {
      const length = Number(line.slice(colon + 1).trim());
      if (Number.isSafeInteger(length) && length >= 0) return length;
      throw new Error('Content-Length is not a length.');
    }
  }
  throw new Error('Header must provide a Content-Length property.');
}
