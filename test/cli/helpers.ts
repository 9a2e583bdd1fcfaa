// Shared by the CLI tests: run the BUILT dist/cli.js, find the corpus, check SARIF's shape.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../support/corpus';
import { at } from '../support/elements';

export { CORPUS, corpusAvailable, ROOT } from '../support/corpus';

export const CLI = resolve(ROOT, 'dist', 'cli.js');
/** Fixture paths as the tests pass them: relative to the repo root, the CLI's working directory. */
export const FIXTURES = 'test/cli/fixtures';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function imr(args: readonly string[], env: Record<string, string> = {}): Run {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` first (npm test does it).`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Lines of a stream, without the final empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, k, all) => k < all.length - 1 || line !== '');
}

const LEVELS = new Set(['error', 'warning', 'note']);

/** Structural checks every SARIF log of ours must pass. */
export function assertSarifShape(log: Sarif.Log): void {
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema ?? '', /sarif-schema-2\.1\.0\.json$/);
  assert.equal(log.runs.length, 1);
  const run = at(log.runs, 0);
  const driver = run.tool.driver;
  assert.equal(driver.name, 'imr');
  const rules = driver.rules ?? [];
  assert.deepEqual(
    rules.map((r) => r.id),
    RULES.map((r) => r.meta.id),
  );
  for (const rule of rules) {
    assert.ok(
      rule.name && rule.shortDescription?.text && rule.fullDescription?.text,
      `rule ${rule.id} has a name and descriptions`,
    );
    assert.ok(LEVELS.has(rule.defaultConfiguration?.level ?? ''), `rule ${rule.id} default level`);
    // SARIF 2.1.0 §3.49.12: helpUri is an absolute URI, when there is one.
    assert.ok(
      rule.helpUri === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(rule.helpUri),
      `absolute helpUri: ${rule.helpUri}`,
    );
  }
  for (const result of run.results ?? []) {
    assert.ok(result.ruleId, 'result has a ruleId');
    assert.equal(typeof result.ruleIndex, 'number');
    assert.equal(at(rules, result.ruleIndex as number).id, result.ruleId, 'ruleIndex points at the rule');
    assert.ok(LEVELS.has(result.level ?? ''), `result level ${result.level}`);
    assert.ok(result.message.text && result.message.text.length > 0);
    assert.equal(result.locations?.length, 1);
    const physical = at(result.locations, 0).physicalLocation;
    const uri = physical?.artifactLocation?.uri ?? '';
    assert.ok(
      uri.length > 0 && !uri.startsWith('/') && !uri.includes('\\') && !/^[a-z]+:/i.test(uri),
      `relative uri: ${uri}`,
    );
    const region = physical?.region;
    assert.ok(region, 'result has a region');
    const { startLine = 0, startColumn = 0, endLine = 0, endColumn = 0 } = region;
    assert.ok(
      startLine >= 1 && startColumn >= 1 && endLine >= startLine && endColumn >= 1,
      `1-based region ${JSON.stringify(region)}`,
    );
    assert.ok(endLine > startLine || endColumn >= startColumn, `region ends after it starts ${JSON.stringify(region)}`);
  }
}

/** `imr check --format json` output, as the help text documents it (declared here, not imported from the CLI). */
export type CheckReport = {
  file: string;
  findings: { ruleId: string; ruleName: string; severity: string; message: string; range: unknown }[];
}[];
