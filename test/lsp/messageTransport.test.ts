// The server's stdio reader and writer (server/src/lsp/messageReader.ts, messageWriter.ts) in memory: framing
// across chunk boundaries, large messages, and the same JSON on the wire as vscode-jsonrpc's own reader and
// writer, which each is checked against.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  StreamMessageReader,
  StreamMessageWriter,
  type Message,
  type MessageReader,
  type NotificationMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { escapedText, LspStreamReader } from '../../server/src/lsp/messageReader';
import { EncodedJsonArray, encodeMessage, LspStreamWriter } from '../../server/src/lsp/messageWriter';
import { LARGE_TEXT } from '../../server/src/lsp/memory';

/** The framed bytes of `messages`, as any LSP peer writes them. */
function framed(...messages: unknown[]): Buffer {
  return Buffer.concat(
    messages.map((m) => {
      const body = Buffer.from(JSON.stringify(m), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );
}

/** Listens on `reader` until `count` messages came; rejects on the first error. */
function collect(reader: MessageReader, count: number): Promise<Message[]> {
  return new Promise((resolve, reject) => {
    const messages: Message[] = [];
    reader.onError(reject);
    reader.listen((m) => {
      messages.push(m);
      if (messages.length === count) resolve(messages);
    });
  });
}

/** Writes `bytes` to `stream` in pieces of `size` bytes (the last shorter). */
function writeInPieces(stream: PassThrough, bytes: Buffer, size: number): void {
  for (let at = 0; at < bytes.length; at += size) stream.write(bytes.subarray(at, at + size));
}

const notification = (text: string) => ({
  jsonrpc: '2.0',
  method: 'textDocument/didOpen',
  params: { textDocument: { uri: 'file:///a.txt', languageId: 'imr', version: 1, text } },
});

const response = (id: number, result: ResponseMessage['result']): ResponseMessage => ({ jsonrpc: '2.0', id, result });
const logMessage = (message: string): NotificationMessage => ({
  jsonrpc: '2.0',
  method: 'window/logMessage',
  params: { type: 3, message },
});

describe('LspStreamReader', () => {
  test('messages split anywhere, even inside a header or a multi-byte character, arrive whole and in order', async () => {
    const messages = [notification('Décision: Upheld → ok 😀\r\n'), { jsonrpc: '2.0', id: 7, method: 'shutdown' }];
    const bytes = framed(...messages);
    for (const size of [1, 2, 3, 7, 16, bytes.length]) {
      const input = new PassThrough();
      const reader = new LspStreamReader(input);
      const received = collect(reader, 2);
      writeInPieces(input, bytes, size);
      assert.deepEqual(await received, messages, `pieces of ${size} bytes`);
      reader.dispose();
    }
  });

  test('a body over the large-message size (its pieces collected before the parse) arrives intact', async () => {
    const text = `${'Ré: 1/2/2015 · '.repeat(Math.ceil(LARGE_TEXT / 15))}end`;
    const input = new PassThrough();
    const received = collect(new LspStreamReader(input), 2);
    writeInPieces(input, framed(notification(text), { jsonrpc: '2.0', id: 1, method: 'shutdown' }), 65_536);
    const [open, shutdown] = await received;
    assert.deepEqual(open, notification(text));
    assert.deepEqual(shutdown, { jsonrpc: '2.0', id: 1, method: 'shutdown' });
  });

  test('invalid UTF-8 reads as decoding the whole body would (U+FFFD), wherever the chunks split it', async () => {
    const body = Buffer.concat([
      Buffer.from('{"jsonrpc":"2.0","method":"m","params":{"text":"a', 'ascii'),
      Buffer.from([0xe2, 0x82]), // € cut short
      Buffer.from('b'),
      Buffer.from([0xff, 0xf0, 0x9f, 0x98, 0x80, 0x80, 0x80]), // a stray byte, 😀, two stray continuations
      Buffer.from('é → \\u00e9 ', 'utf8'),
      Buffer.from([0xc3]), // é cut short, just before the closing quote
      Buffer.from('"}}', 'ascii'),
    ]);
    const expected: unknown = JSON.parse(body.toString('utf8'));
    assert.deepEqual(expected, {
      jsonrpc: '2.0',
      method: 'm',
      params: { text: 'a\ufffdb\ufffd😀\ufffd\ufffdé → é \ufffd' },
    });
    const bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    for (const size of [1, 2, 3, 4, 5, 7, 11, bytes.length]) {
      const input = new PassThrough();
      const received = collect(new LspStreamReader(input), 1);
      writeInPieces(input, bytes, size);
      assert.deepEqual(await received, [expected], `pieces of ${size} bytes`);
    }
  });

  test('JSON text keeps Latin-1 letters as they are and escapes every character past U+00FF', () => {
    const text = escapedText(Buffer.from('"a é° ’x😀 b\u0085"', 'utf8'));
    assert.equal(text, '"a é° \\u2019x\\ud83d\\ude00 b\u0085"');
    assert.equal(JSON.parse(text), 'a é° ’x😀 b\u0085');
  });

  test('reads what vscode-jsonrpc writes', async () => {
    const stream = new PassThrough();
    const received = collect(new LspStreamReader(stream), 2);
    const writer = new StreamMessageWriter(stream);
    const messages: Message[] = [notification('é\n→'), response(2, null)];
    for (const m of messages) await writer.write(m);
    assert.deepEqual(await received, messages);
  });

  test('a header without Content-Length is an error, and the stream closing is reported', async () => {
    const input = new PassThrough();
    const reader = new LspStreamReader(input);
    const failed = new Promise<Error>((resolve) => reader.onError(resolve));
    const closed = new Promise<void>((resolve) => reader.onClose(() => resolve()));
    reader.listen(() => assert.fail('no message expected'));
    input.write('Content-Type: application/json\r\n\r\n{}');
    assert.equal((await failed).message, 'Header must provide a Content-Length property.');
    input.destroy();
    await closed;
  });
});

describe('EncodedJsonArray and LspStreamWriter', () => {
  // Many elements (several chunks), characters of one, two, three and four UTF-8 bytes, and an undefined
  // element, which JSON writes as null.
  const elements: unknown[] = Array.from({ length: 3000 }, (_, i) => ({
    name: `Décision ${i} → ✓ 😀`,
    kind: 12,
    range: { start: { line: i, character: 0 }, end: { line: i, character: 9 } },
  }));
  elements.push(undefined);
  /** The elements as they arrive over the wire. */
  const sent = JSON.parse(JSON.stringify(elements)) as unknown[];
  const encoded = () => {
    const array = new EncodedJsonArray();
    for (const e of elements) array.push(e);
    return array;
  };

  test('an encoded result is framed as the same JSON as the array itself', () => {
    const plain = { jsonrpc: '2.0', id: 3, result: elements };
    const pieces = encodeMessage(response(3, encoded()));
    assert.ok(pieces.length > 4, 'several chunks');
    assert.equal(Buffer.concat(pieces).toString('utf8'), JSON.stringify(plain));
    assert.deepEqual(encoded().toJSON(), sent);
  });

  test('a result holding an encoded array in a field (semantic tokens) is framed as the same JSON', () => {
    const data = new EncodedJsonArray();
    const numbers = Array.from({ length: 40_000 }, (_, i) => i % 7);
    for (let i = 0; i < numbers.length; i += 5) data.pushJson(numbers.slice(i, i + 5).join(','));
    const pieces = encodeMessage(response(4, { resultId: 'r', data }));
    assert.ok(pieces.length > 4, 'several chunks');
    const plain = { jsonrpc: '2.0', id: 4, result: { resultId: 'r', data: numbers } };
    assert.equal(Buffer.concat(pieces).toString('utf8'), JSON.stringify(plain));
  });

  test('a long message is written in pieces that never part a surrogate pair', () => {
    // Three code units a repeat: chunk ends fall between the two halves of an emoji.
    const message = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'a😀'.repeat(60_000) } };
    const pieces = encodeMessage(message);
    assert.ok(pieces.length > 4, 'several pieces');
    assert.ok(
      pieces.every((piece) => piece.length <= 96 * 1024),
      'each under the C allocator mmap threshold',
    );
    assert.deepEqual(Buffer.concat(pieces), Buffer.from(JSON.stringify(message), 'utf8'));
  });

  test('vscode-jsonrpc reads what it writes, in the order written, encoded results included', async () => {
    const stream = new PassThrough();
    const received = collect(new StreamMessageReader(stream), 3);
    const writer = new LspStreamWriter(stream);
    const written = [
      writer.write(response(1, encoded())),
      writer.write(logMessage('é')),
      writer.write(response(2, new EncodedJsonArray())),
    ];
    await Promise.all(written);
    assert.deepEqual(await received, [
      { jsonrpc: '2.0', id: 1, result: sent },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'é' } },
      { jsonrpc: '2.0', id: 2, result: [] },
    ]);
  });
});
