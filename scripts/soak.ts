// The fuzz suite's long run, on demand: `npm run soak -- [cases] [--seed n] [--server cases]`.
// Feeds mutated letters (test/fuzz/mutate.ts) to the parser and the rules in process, checking every
// invariant of test/fuzz/invariants.ts, and optionally to the real server over stdio. Prints the cases run
// and failed, each kind of failure once with a case that shows it, and the slowest cases; exits 1 on failure.
// Also replays random edits of files of several letters, each version re-analysed from the one before, against
// a full analysis (test/fuzz/incremental.ts): one such case for every ten, or `--incremental n`.
import fc from 'fast-check';
import { violations } from '../test/fuzz/invariants';
import { describeIncrementalCase, incrementalCaseArb, incrementalViolations } from '../test/fuzz/incremental';
import { baseLetters, caseArb, describeCase, mutate, type Case } from '../test/fuzz/mutate';
import { runServerCases } from '../test/fuzz/server-driver';

const USAGE = 'usage: npm run soak -- [cases (default 10000)] [--seed n] [--server cases] [--incremental cases]';
const BATCH = 500;
/** One case in this many carries a 100,000-character token or 100,000 empty lines. */
const HUGE_EVERY = 100;

function options(argv: readonly string[]): { cases: number; seed: number; server: number; incremental: number } {
  const out = { cases: 10_000, seed: 20261204, server: 0, incremental: -1 };
  for (let i = 0, a = argv[i]; a !== undefined; a = argv[++i]) {
    const value = () => Number(argv[++i]);
    if (a === '--seed') out.seed = value();
    else if (a === '--server') out.server = value();
    else if (a === '--incremental') out.incremental = value();
    else if (/^\d+$/.test(a)) out.cases = Number(a);
    else throw new Error(`${a}: unknown argument\n${USAGE}`);
  }
  if (out.incremental < 0) out.incremental = Math.ceil(out.cases / 10);
  if (![out.cases, out.seed, out.server, out.incremental].every(Number.isSafeInteger)) throw new Error(USAGE);
  return out;
}

interface Failure {
  count: number;
  example: string;
  messages: string[];
}

/** Groups failures by what failed (numbers blanked), keeping the first case of each kind. */
class Failures {
  readonly kinds = new Map<string, Failure>();
  cases = 0;
  add(c: Case, messages: readonly string[]): void {
    this.cases++;
    const key = messages
      .map((m) => m.replace(/\d+/g, 'n'))
      .join(' | ')
      .slice(0, 300);
    const kind = this.kinds.get(key);
    if (kind) kind.count++;
    else this.kinds.set(key, { count: 1, example: describeCase(c), messages: messages.slice(0, 5) });
  }
  print(): void {
    for (const [key, f] of this.kinds) {
      console.log(`\n${f.count} × ${key}\n  case: ${f.example.slice(0, 600)}`);
      for (const m of f.messages) console.log(`  - ${m}`);
    }
  }
}

function soakInProcess(cases: number, seed: number): { run: number; failures: Failures; slowest: [number, string][] } {
  const letters = baseLetters();
  const text = new Map(letters.map((l) => [l.name, l.text]));
  const plain = caseArb(letters, { huge: false });
  const huge = caseArb(letters, { huge: true });
  const failures = new Failures();
  const slowest: [number, string][] = [];
  let run = 0;
  for (let batch = 0; run < cases; batch++) {
    const size = Math.min(BATCH, cases - run);
    const bigOnes = Math.floor(size / HUGE_EVERY);
    const drawn = [
      ...fc.sample(plain, { numRuns: size - bigOnes, seed: seed + batch }),
      ...(bigOnes ? fc.sample(huge, { numRuns: bigOnes, seed: seed + batch }) : []),
    ];
    for (const c of drawn) {
      const started = performance.now();
      const broken = violations(mutate(text.get(c.letter)!, c.mutations));
      const ms = performance.now() - started;
      if (slowest.length < 5 || ms > (slowest.at(-1)?.[0] ?? 0)) {
        slowest.push([ms, describeCase(c)]);
        slowest.sort((a, b) => b[0] - a[0]).splice(5);
      }
      if (broken.length) failures.add(c, broken);
      run++;
    }
    if (run % 5000 < BATCH) console.error(`  ${run} cases, ${failures.cases} failed`);
  }
  return { run, failures, slowest };
}

/** Incremental cases in batches; prints each kind of failure once. Returns how many failed. */
function soakIncremental(cases: number, seed: number): number {
  const kinds = new Map<string, { count: number; example: string; message: string }>();
  let failed = 0;
  for (let run = 0, batch = 0; run < cases; batch++) {
    for (const c of fc.sample(incrementalCaseArb, { numRuns: Math.min(BATCH, cases - run), seed: seed + batch })) {
      const broken = incrementalViolations(c);
      run++;
      if (!broken.length) continue;
      failed++;
      const message = broken[0] ?? '';
      const key = message.replace(/\d+/g, 'n').slice(0, 120);
      const kind = kinds.get(key);
      if (kind) kind.count++;
      else kinds.set(key, { count: 1, example: describeIncrementalCase(c), message });
    }
  }
  console.log(`incremental re-analysis: ${cases} cases run, ${failed} failed (seed ${seed})`);
  for (const [key, k] of kinds)
    console.log(`\n${k.count} × ${key}\n  case: ${k.example.slice(0, 600)}\n  - ${k.message}`);
  return failed;
}

async function main(): Promise<number> {
  const { cases, seed, server, incremental } = options(process.argv.slice(2));
  const started = Date.now();
  const inProcess = soakInProcess(cases, seed);
  console.log(
    `in process: ${inProcess.run} cases run, ${inProcess.failures.cases} failed (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  inProcess.failures.print();
  console.log('slowest cases (ms):');
  for (const [ms, c] of inProcess.slowest) console.log(`  ${ms.toFixed(0)}  ${c.slice(0, 200)}`);
  const incrementalFailed = incremental > 0 ? soakIncremental(incremental, seed) : 0;
  let serverFailed = 0;
  if (server > 0) {
    const result = await runServerCases(server, seed);
    serverFailed = result.failed.length;
    console.log(`server: ${result.run} cases run, ${serverFailed} failed (seed ${seed})`);
    for (const f of result.failed) console.log(`  ${f.slice(0, 800)}`);
  }
  return inProcess.failures.cases + incrementalFailed + serverFailed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
