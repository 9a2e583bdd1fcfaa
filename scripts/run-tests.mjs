// Runs every test file under test/ (and any given filter) with node's built-in test runner.
import { spawnSync } from 'node:child_process';
import fg from 'fast-glob';

const filters = process.argv.slice(2);
let files = fg.sync('test/**/*.test.ts', { ignore: ['**/node_modules/**', 'test/vscode/**'] }).sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
