/**
 * The large generated inputs of the hostile corpus (test/fixtures/hostile/cases.yaml,
 * the cases with `generate`): a 1 MB line, 10,000 levels of nesting, a reporting
 * chain of 100,000 members, a 50 MB file. Each runs through the built binary
 * with a heap limit and a hang guard.
 */
import { describe, it } from 'vitest';
import { CASES, checkCase, HANG_GUARD_MS, named, prepareGenerated, useScratch } from '../hostile.js';

useScratch();

describe.concurrent('large generated files (built binary)', () => {
  it.for(named(CASES.filter((c) => c.generate)))('$name', { timeout: 3 * HANG_GUARD_MS }, async ({ c }, context) => {
    await checkCase(c, prepareGenerated, context);
  });
});

