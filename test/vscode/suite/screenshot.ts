// README screenshots from the real-editor run. The suite cannot see its own window, so it asks the runner
// (scripts/code-server-test-runner.js drives the browser) with one console line, and waits for the file.
// Under @vscode/test-electron there is no browser to drive: IMR_SCREENSHOTS is unset and nothing is taken.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether this run takes screenshots (the code-server runner sets IMR_SCREENSHOTS to its folder). */
export const screenshotsDir: string | undefined = process.env.IMR_SCREENSHOTS || undefined;

/**
 * Asks the runner to wait until `selector` (a Playwright selector into the workbench page) is visible, then
 * to save `<name>.png`. Resolves with the file's path once it is there; rejects with the runner's reason.
 */
export async function screenshot(name: string, selector: string, ms = 40000): Promise<string> {
  if (!screenshotsDir) throw new Error('screenshot() needs IMR_SCREENSHOTS (the code-server runner)');
  const png = path.join(screenshotsDir, `${name}.png`);
  const failed = path.join(screenshotsDir, `${name}.failed`);
  fs.rmSync(png, { force: true });
  fs.rmSync(failed, { force: true });
  const written = fileAppears(screenshotsDir, [png, failed], ms); // watching before asking
  console.log(`IMR_SCREENSHOT ${name} ${selector}`);
  if ((await written) === failed) throw new Error(`screenshot ${name}: ${fs.readFileSync(failed, 'utf8')}`);
  return png;
}

/** The first of `files` to exist in `dir`, found on the folder's change events; rejects after `ms`. */
function fileAppears(dir: string, files: string[], ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = files.find((f) => fs.existsSync(f));
      if (!found) return;
      done();
      resolve(found);
    };
    const watcher = fs.watch(dir, check);
    const deadline = setTimeout(() => {
      done();
      reject(new Error(`none of ${files.map((f) => path.basename(f)).join(', ')} within ${ms} ms`));
    }, ms);
    const done = () => {
      clearTimeout(deadline);
      watcher.close();
    };
    check(); // already there (written before the watch began)
  });
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const head = fs.readFileSync(file).subarray(0, 24);
  if (head.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}
