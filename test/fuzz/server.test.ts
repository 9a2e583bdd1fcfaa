// The fuzz suite against the real server over stdio, bounded for `npm test` (`npm run soak -- 0 --server n`
// runs more): every request answered within the budget, ranges inside the document, symbols in order, and
// incremental edits answered exactly as the same text opened fresh.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeCase } from './mutate';
import { serverCaseArb, serverCaseViolations, startFuzzServer, type ServerCase } from './server-driver';

describe('fuzz: the server over stdio', () => {
  let server: Awaited<ReturnType<typeof startFuzzServer>>;
  let n = 0;
  before(async () => {
    server = await startFuzzServer();
  });
  after(() => server.stop());

  const holds = (pastLineEnd: boolean) => async (c: ServerCase) => {
    if (server.lsp.hasExited) server = await startFuzzServer();
    const broken = await serverCaseViolations(server.lsp, server.ws, c, n++, { pastLineEnd });
    if (broken.length) {
      // A busy or dead server would fail every later case: start a fresh one for them.
      await server.stop();
      server = await startFuzzServer();
    }
    assert.deepEqual(broken, [], `${describeCase(c).slice(0, 500)} seed=${c.seed}`);
  };
  test('mutated letters: every feature within budget and inside the document; edits equal a fresh parse', async () => {
    await fc.assert(fc.asyncProperty(serverCaseArb(false), holds(false)), { seed: 1204, numRuns: 4 });
  });

  test('mutated letters with a 100,000-character token or 100,000 empty lines', async () => {
    await fc.assert(fc.asyncProperty(serverCaseArb(true), holds(false)), { seed: 1204, numRuns: 2 });
  });

  // Found by this suite: completion past the end of a line once returned an edit range outside the document.
  test('completion one past the end of a line stays inside the document', async () => {
    await fc.assert(fc.asyncProperty(serverCaseArb(false), holds(true)), { seed: 1204, numRuns: 4 });
  });

  test('a 100,000-character line of `ab  ` (quadratic in IMR014 before issue 12.3) is answered within budget', async () => {
    const quadratic = serverCaseArb(false).map((c) => ({
      ...c,
      mutations: [...c.mutations, { kind: 'token' as const, at: 40, offset: 0, unit: 'ab  ' as const }],
    }));
    await fc.assert(fc.asyncProperty(quadratic, holds(false)), { seed: 1204, numRuns: 1 });
  });
});
