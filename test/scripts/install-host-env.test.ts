// The editor-host installer's install path, run through `npm run` as the README does, with stand-ins for
// npm, apt and the installed tools. It proves that no nested npm call inherits `npm run`'s environment
// (npm_config_user_agent once made code-server's postinstall refuse node 24 on every fresh machine), even
// on a machine whose real cache is warm and where the real install path never runs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at } from '../support/elements';

const root = path.resolve(__dirname, '..', '..');

/** The real npm on PATH, found before the stand-ins are put in front of it. */
function realNpm(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'npm');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('npm is not on PATH');
}

/** Stand-ins: npm logs its environment and arguments, and fakes what each install leaves behind. */
function writeStandIns(bin: string, log: string): void {
  const npm = `#!/usr/bin/env bash
n=$(ls "${log}" 2>/dev/null | wc -l)
{ printf 'ARGS %s\\n' "$*"; env; } > "${log}/call-$n.env"
prefix=; for ((i=1;i<=$#;i++)); do [ "\${!i}" = --prefix ] && { j=$((i+1)); prefix=\${!j}; }; done
case "$*" in
  *node@24*) mkdir -p "$prefix/node_modules/.bin" "$prefix/node_modules/node/include/node"
    printf '#!/bin/sh\\necho v24.0.0\\n' > "$prefix/node_modules/.bin/node"; chmod +x "$prefix/node_modules/.bin/node"
    touch "$prefix/node_modules/node/include/node/node.h" ;;
  *code-server@*) mkdir -p "$prefix/node_modules/.bin"
    printf '#!/bin/sh\\necho 4.139.1\\n' > "$prefix/node_modules/.bin/code-server"; chmod +x "$prefix/node_modules/.bin/code-server" ;;
  *playwright-core@*) v=\${*##*playwright-core@}; v=\${v%% *}; mkdir -p "$prefix/node_modules/playwright-core"
    printf '{"version":"%s"}' "$v" > "$prefix/node_modules/playwright-core/package.json" ;;
esac
`;
  const files: Record<string, string> = {
    npm,
    chromium: '#!/bin/sh\nexit 0\n',
    nvim: '#!/bin/sh\nexit 0\n',
    dpkg: '#!/bin/sh\nexit 0\n',
    'apt-get': '#!/bin/sh\necho "apt-get must not run here" >&2; exit 9\n',
  };
  for (const [name, body] of Object.entries(files)) {
    fs.writeFileSync(path.join(bin, name), body, { mode: 0o755 });
  }
}

function readCalls(log: string): { args: string; env: Map<string, string> }[] {
  return fs
    .readdirSync(log)
    .sort()
    .map((f) => {
      const lines = fs.readFileSync(path.join(log, f), 'utf8').split('\n');
      const env = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const eq = line.indexOf('=');
        if (eq > 0) env.set(line.slice(0, eq), line.slice(eq + 1));
      }
      return { args: (lines[0] ?? '').replace(/^ARGS /, ''), env };
    });
}

describe('install-vscode-test-host.sh through npm run', () => {
  it('runs every nested npm install with no npm_* variables and no npm-run PATH entries', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-installer-'));
    const bin = path.join(work, 'bin');
    const log = path.join(work, 'log');
    const cache = path.join(work, 'cache');
    fs.mkdirSync(bin);
    fs.mkdirSync(log);
    writeStandIns(bin, log);
    try {
      const npm = realNpm();
      const r = spawnSync(npm, ['run', '--silent', 'test:editor:install'], {
        cwd: root,
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, IMR_TEST_CACHE: cache },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.status, 0, `installer failed: ${r.stderr}`);
      assert.equal(r.stdout.trim(), path.join(cache, 'env.sh'));

      const calls = readCalls(log);
      assert.deepEqual(
        calls.map((c) => c.args.split(' ').at(-1)),
        ['node@24', 'code-server@4.139.1', 'playwright-core@1.65.1'],
      );
      for (const call of calls) {
        const leaked = [...call.env.keys()].filter((k) => /^npm_/i.test(k) && k !== 'npm_config_nodedir');
        assert.deepEqual(leaked, [], `${call.args}: inherited ${leaked.join(', ')}`);
        assert.equal(call.env.has('INIT_CWD'), false, `${call.args}: inherited INIT_CWD`);
        const pathDirs = (call.env.get('PATH') ?? '').split(path.delimiter);
        assert.deepEqual(
          pathDirs.filter((d) => /node_modules\/\.bin$|node-gyp-bin$/.test(d) && !d.startsWith(cache)),
          [],
        );
      }
      const codeServer = at(calls, 1);
      assert.equal(codeServer.env.get('npm_config_nodedir'), path.join(cache, 'node24', 'node_modules', 'node'));
      assert.equal(
        codeServer.env.get('PATH')?.split(path.delimiter)[0],
        path.join(cache, 'node24', 'node_modules', '.bin'),
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
