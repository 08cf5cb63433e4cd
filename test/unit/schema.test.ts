import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROLES, SPECIALISTS } from '../../src/catalog/index.js';
import { buildTeamSchema, renderTeamSchema } from '../../src/schema/build.js';
import { ROOT } from '../helpers.js';

const committed = readFileSync(join(ROOT, 'schemas', 'team.schema.json'), 'utf8');
const templates = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.yaml'));

describe('team schema', () => {
  it('is committed exactly as the catalog generates it (run `npm run schema` after changing the catalog or rules)', () => {
    expect(committed).toBe(renderTeamSchema());
  });

  it('compiles in strict mode with a fresh Ajv, as other validators would', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    expect(() => ajv.compile(JSON.parse(committed))).not.toThrow();
  });

  it.each(templates)('accepts templates/%s', (name) => {
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(committed));
    const data: unknown = parse(readFileSync(join(ROOT, 'templates', name), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes every property, so editors show it on hover', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const [key, child] of Object.entries(record.properties as Record<string, Record<string, unknown>>)) {
          if (typeof child.description !== 'string' && typeof child.$ref !== 'string') missing.push(`${path}/${key}`);
          walk(child, `${path}/${key}`);
        }
      }
      // if/then/else only restate properties to add a condition; their descriptions live on the originals.
      for (const [key, child] of Object.entries(record)) if (!['properties', 'if', 'then', 'else'].includes(key)) walk(child, `${path}/${key}`);
    };
    walk(buildTeamSchema(), '');
    expect(missing).toEqual([]);
  });

  it('describes every role id', () => {
    const schema = buildTeamSchema() as { $defs: { roleId: { anyOf: { const: string; description: string }[] } } };
    expect(schema.$defs.roleId.anyOf.map((b) => b.const)).toEqual([...ROLES.map((r) => r.id), ...SPECIALISTS.map((s) => s.id)]);
    for (const branch of schema.$defs.roleId.anyOf) expect(branch.description.length).toBeGreaterThan(10);
  });

  it('closes every object with additionalProperties: false', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.type === 'object' && record.additionalProperties !== false) open.push(path);
      // A condition (if/else) restates part of an object to test or narrow it; the object itself is closed.
      for (const [key, child] of Object.entries(record)) if (key !== 'if' && key !== 'else') walk(child, `${path}/${key}`);
    };
    walk(buildTeamSchema(), '');
    expect(open).toEqual([]);
  });
});
