// Reads LSP messages from a stream (stdio) with as few copies of a large message as its JSON allows, in
// place of vscode-jsonrpc's StreamMessageReader, which keeps the stream's chunks until the body is whole,
// copies them into one buffer and keeps that buffer while its JSON, decoded whole, is parsed: a 50 MiB
// didOpen stood as chunks + body + JSON text + parsed text, over 400 MB (issue 12). Here each chunk is
// decoded as it arrives into one-byte JSON text (OneByteJson), the chunk let go; a large message's pieces
// are collected once joined, and its JSON text once parsed.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';
import { isAscii } from 'node:buffer';
import { collectNow, holdYoungGeneration, LARGE_TEXT } from './memory';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Longer headers are not LSP's (two short fields): the stream is not speaking the protocol. */
const MAX_HEADER_BYTES = 8 * 1024;

export class LspStreamReader extends AbstractMessageReader {
  /** Header bytes received so far (a header may arrive split over chunks). */
  private header = Buffer.alloc(0);
  /** The body read so far, as JSON text; undefined while a header is read. */
  private body: OneByteJson | undefined;
  /** The body's length in bytes, and how many have arrived. */
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
    // Held before the large text's pieces pile up (memory.ts): surviving scavenges, they would grow the young
    // generation to its limit for good.
    if (length >= LARGE_TEXT) holdYoungGeneration(true);
    this.body = new OneByteJson();
    this.expected = length;
    this.filled = 0;
    return consumed;
  }

  /** Decodes body bytes from `chunk` at `at`. Returns where it stopped. */
  private fillBody(chunk: Buffer, at: number): number {
    const end = Math.min(chunk.length, at + this.expected - this.filled);
    this.filled += end - at;
    this.body?.add(chunk.subarray(at, end), this.filled === this.expected);
    return end;
  }

  private deliver(): void {
    const large = this.expected >= LARGE_TEXT;
    let message: Message;
    try {
      message = this.parse(large);
    } catch (error) {
      this.fireError(error);
      return;
    }
    this.callback?.(message);
    // The JSON text went with parse's frame: collected now, since for a degraded document nothing else would.
    if (large) collectNow();
  }

  /** The body's message; for a large one, its pieces are collected once joined, before the parse. */
  private parse(large: boolean): Message {
    const json = this.body?.text() ?? '';
    this.body = undefined;
    if (large) collectNow();
    return JSON.parse(json) as Message;
  }
}

/**
 * UTF-8 JSON turned into one-byte JSON text as the bytes arrive: characters up to U+00FF as they are, each
 * one past it (they stand only inside strings) written as its \uXXXX escape, which JSON.parse reads back as
 * that character. So the text takes one byte a character, where decoded as is it takes two once one
 * character is past U+00FF, and no buffer of the whole body is made: one large allocation, once freed, also
 * leaves the C allocator keeping later memory (glibc raises its mmap threshold to that size).
 */
class OneByteJson {
  private parts: string[] = [];
  /** A UTF-8 sequence that the last bytes began and the next may end. */
  private carry: Buffer | undefined;

  /** `last`: the body's final bytes (a sequence still open then decodes as U+FFFD, as a whole decode would). */
  add(bytes: Buffer, last: boolean): void {
    const input = this.carry ? Buffer.concat([this.carry, bytes]) : bytes;
    this.carry = undefined;
    let end = input.length;
    if (!last) {
      // A lead byte among the last three may begin a sequence that the next bytes end. Decoding stops
      // before it: a lead byte always begins a new sequence, so the pieces decode as the whole would.
      for (let i = input.length - 1; i >= Math.max(0, input.length - 3); i--) {
        const byte = input[i] ?? 0;
        if (byte >= 0xc0) end = i;
        if (byte < 0x80 || byte >= 0xc0) break;
      }
      if (end < input.length) this.carry = Buffer.from(input.subarray(end));
    }
    const piece = input.subarray(0, end);
    this.parts.push(isAscii(piece) ? piece.toString('latin1') : escapedText(piece));
  }

  text(): string {
    const text = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    return text;
  }
}

/** A character past Latin-1. */
const WIDE = /[^\u0000-\u00ff]/;

/**
 * UTF-8 bytes as one-byte text: every character past U+00FF escaped, Latin-1 letters (é, °) kept as they
 * are. Runs of non-ASCII bytes start and end at ASCII.
 */
export function escapedText(bytes: Buffer): string {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < bytes.length;) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < bytes.length && (bytes[j] ?? 0) >= 0x80) j++;
    out.push(bytes.toString('latin1', from, i));
    const decoded = bytes.toString('utf8', i, j);
    // Decoded as Latin-1 only, V8 holds it in one byte a character: kept whole.
    if (!WIDE.test(decoded)) out.push(decoded);
    else
      for (let k = 0; k < decoded.length; k++) {
        const code = decoded.charCodeAt(k);
        out.push(code <= 0xff ? String.fromCharCode(code) : `\\u${code.toString(16).padStart(4, '0')}`);
      }
    from = i = j;
  }
  out.push(bytes.toString('latin1', from));
  return out.join('');
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
