// Issue 10's first-use figures, each on a fresh server process (the median of several, as a user meets
// them once per window): the server's cold start, from spawn to the `initialize` answer, and opening a
// letter until its outline is shown, from `didOpen` to the `documentSymbol` answer, right after start.
import { bareNodeStart, median, now, Server, type Row } from './benchServer';
import { at } from '../support/elements';

const RUNS = 7;

export async function startupBenchmarks(texts: string[], row: Row): Promise<void> {
  const letter = at(
    [...texts].sort((a, b) => a.length - b.length),
    texts.length >> 1,
  );
  const starts: number[] = [];
  const outlines: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = now();
    const server = await Server.start({});
    starts.push(now() - t0);
    try {
      const uri = `file:///bench/first-open-${run}.txt`;
      const t1 = now();
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'imr', version: 1, text: letter },
      });
      const symbols = await server.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
      outlines.push(now() - t1);
      if (!symbols?.length) throw new Error('bench: the letter opened on a fresh server has no outline');
    } finally {
      await server.stop();
    }
  }
  const start = median(starts);
  row('server cold start (spawn → initialize)', `${start.toFixed(0)} ms`, '<= 150 ms', start <= 150);
  row(`  slowest of ${RUNS}`, `${Math.max(...starts).toFixed(0)} ms`, '(info)', true);
  row('  the floor: node alone (spawn → exit of -e 0)', `${(await bareNodeStart(RUNS)).toFixed(0)} ms`, '(info)', true);
  const outline = median(outlines);
  const size = `${(letter.length / 1024).toFixed(1)} KiB`;
  row(`open a letter → outline (${size}, fresh server)`, `${outline.toFixed(0)} ms`, '<= 300 ms', outline <= 300);
  row(`  slowest of ${RUNS}`, `${Math.max(...outlines).toFixed(0)} ms`, '(info)', true);
}
