import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, RULES } from '../../../src/rules/index.js';
import { ROOT } from '../../helpers.js';

describe('rule registry', () => {
  it('is sorted by id, one line per rule', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  });

  it.each(RULES.map((r) => r.id))('%s lives in a module named by its id and is tested', (id) => {
    expect(existsSync(join(ROOT, 'src', 'rules', `${id}.ts`))).toBe(true);
    const tests = ['rules/' + id + '.test.ts', 'references.test.ts', 'rules/exceptions.test.ts'].map((f) => join(ROOT, 'test', 'unit', f));
    expect(tests.some((f) => existsSync(f) && readFileSync(f, 'utf8').includes(id))).toBe(true);
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))('%s has complete docs', (_id, rule) => {
    expect(rule.docs.summary).toMatch(/\.$/);
    expect(rule.docs.rationale.length).toBeGreaterThan(60);
    expect(rule.docs.fix.length).toBeGreaterThan(20);
    expect(rule.docs.authority.length).toBeGreaterThan(0);
  });
});
