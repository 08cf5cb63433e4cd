/**
 * The committed schema in a stock JSON Schema 2020-12 validator (Ajv, the
 * engine behind ajv-cli), without anything of secops-team's own: every
 * template is valid, and a broken one is not, so the check can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// A CommonJS module: under NodeNext the default import is module.exports, whose `default` is the class.
const Ajv2020 = ajv2020.default;
const schema: unknown = JSON.parse(readFileSync(join(ROOT, 'schemas', 'team.schema.json'), 'utf8'));
const templates = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.yaml'));

describe('the schema in a stock validator', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema as object);

  it.each(templates)('accepts templates/%s', (name) => {
    const data: unknown = parse(readFileSync(join(ROOT, 'templates', name), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the own roles, specialists and maturity of the enterprise fixture', () => {
    const data: unknown = parse(readFileSync(join(ROOT, 'test', 'fixtures', 'teams', 'enterprise-specialists.yaml'), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('flags a misspelled catalog role in a file without roles:, and leaves ids to check in a file with one', () => {
    const team = (extra: Record<string, unknown>) => ({ version: 1, organization: { name: 'A', employees: 10 }, members: [{ id: 'a', name: 'A', roles: ['cisoo'] }], ...extra });
    expect(validate(team({}))).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/members/0/roles/0')).toBe(true);
    expect(validate(team({ roles: [{ id: 'cisoo', title: 'Ours', duties: ['ciso.strategy'] }] })), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(team({ roles: [{ id: 'x', title: 'X', duties: ['ciso.strategyy'] }] }))).toBe(false);
    expect(validate(team({ roles: [{ id: 'x', title: 'X', duties: [], nice: ['OG-WRL-099'] }] }))).toBe(false);
    expect(validate({ ...team({}), members: [{ id: 'a', name: 'A', roles: ['ciso'] }], organization: { name: 'A', employees: 10, maturity: 6 } })).toBe(false);
  });

  it('rejects a template without its members', () => {
    const data = parse(readFileSync(join(ROOT, 'templates', templates[0] ?? ''), 'utf8')) as Record<string, unknown>;
    delete data.members;
    expect(validate(data)).toBe(false);
  });
});
