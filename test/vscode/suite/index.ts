// The extension-host side of the real-editor tests: runs every `*.test.js` next to this file with mocha
// (tdd UI). Loaded by code-server (scripts/code-server-test-runner.js) or by @vscode/test-electron through
// `extensionTestsPath`; both call `run()` and read its promise.
//
// Environment (set by scripts/run-editor-tests.mjs through `extensionTestsEnv`):
//   IMR_TEST_RESULTS  a file to write the results to as JSON (the runner prints the summary from it);
//                     without it, the summary line `N passed, N failed` is printed here.
//   IMR_TEST_GREP     only run the tests whose full title matches this pattern.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, forbidOnly: true, forbidPending: false });
  const grep = process.env.IMR_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const passes = results.filter((r) => r.state === 'passed').length;
        const out = process.env.IMR_TEST_RESULTS;
        if (out) {
          fs.writeFileSync(out, JSON.stringify({ passes, failures, tests: results }, null, 2));
        } else {
          console.log(`${passes} passed, ${failures} failed`);
        }
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else if (passes === 0) reject(new Error('No test ran.'));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: unknown) =>
      results.push({ title: t.fullTitle(), state: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
