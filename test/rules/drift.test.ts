// Generated docs, schema and package.json contributions must match the rules' metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';
import { validateConfig } from '../../server/src/core/rules/config';
import { isRecord } from '../../server/src/core/values';
import { DOCS_DIR, PACKAGE_PATH, renderAll, renderPackageContributions, ROOT } from '../../scripts/gen-rule-docs';

const RUN = 'out of date: run npm run gen';

test('docs/rules and schemas/imr-config.schema.json are generated from the rules', () => {
  for (const [file, content] of renderAll(RULES)) {
    const rel = path.relative(ROOT, file);
    assert.ok(existsSync(file), `${rel} is missing: run npm run gen`);
    assert.equal(readFileSync(file, 'utf8'), content, `${rel} is ${RUN}`);
  }
});

test('docs/rules has no page for a rule that does not exist', () => {
  const ids = new Set(RULES.map((r) => `${r.meta.id}.md`));
  const stale = readdirSync(DOCS_DIR).filter((f) => /^IMR\d{3}\.md$/.test(f) && !ids.has(f));
  assert.deepEqual(stale, [], `stale rule docs: run npm run gen`);
});

test('package.json contributes imr.rules and the .imr.json validation', () => {
  const pkg = JSON.parse(readFileSync(PACKAGE_PATH, 'utf8')) as { contributes: Record<string, unknown> };
  const expected = renderPackageContributions(RULES, pkg.contributes);
  assert.deepEqual(
    { configuration: pkg.contributes.configuration, jsonValidation: pkg.contributes.jsonValidation },
    expected,
    `package.json contributes.configuration / jsonValidation are ${RUN}`,
  );
});

/** The JSON-schema keywords the generated schema uses, enough to check it agrees with validateConfig. */
function conforms(schema: unknown, value: unknown): boolean {
  if (!isRecord(schema)) assert.fail(`a schema is an object; got ${JSON.stringify(schema)}`);
  if (Array.isArray(schema.anyOf)) return schema.anyOf.some((s) => conforms(s, value));
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  const type = schema.type;
  if (type === 'object') {
    if (!isRecord(value)) return false;
    const properties = isRecord(schema.properties) ? schema.properties : {};
    for (const [k, v] of Object.entries(value)) {
      if (properties[k] !== undefined) {
        if (!conforms(properties[k], v)) return false;
      } else if (schema.additionalProperties === false) return false;
    }
    return true;
  }
  if (type === 'array') return Array.isArray(value) && value.every((v) => conforms(schema.items ?? {}, v));
  if (type === 'string' || type === 'boolean' || type === 'number') return typeof value === type;
  return true;
}

test('the .imr.json schema accepts exactly what the configuration reader accepts', () => {
  const schema: unknown = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'imr-config.schema.json'), 'utf8'));
  const cases: unknown[] = [
    {},
    { $schema: './schemas/imr-config.schema.json', rules: {} },
    { rules: { IMR001: 'off', 'missing-citation': { severity: 'warning', allowAncillaryWithoutCitation: false } } },
    { rules: { IMR007: { severity: 'hint' } } },
    { rules: { IMR999: 'off' } },
    { rules: { IMR001: 'fatal' } },
    { rules: { IMR001: { severity: 'loud' } } },
    { rules: { IMR002: { allowAncillaryWithoutCitation: 'yes' } } },
    { rules: { IMR002: { colour: 'red' } } },
    { rules: { IMR003: 3 } },
    { rules: [] },
    { other: true },
  ];
  for (const value of cases) {
    const { problems } = validateConfig(value);
    assert.equal(conforms(schema, value), problems.length === 0, JSON.stringify(value));
  }
});
