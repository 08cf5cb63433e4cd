/**
 * The hostile corpus's large generated files (a 1 MB line, 10,000 levels of
 * nesting, a 100,000-member reporting chain, 30,000 empty members, 50 MB),
 * each written into a temporary folder and checked through the built binary
 * with a heap limit. Slow lane: together they take about a minute.
 */
import { describe, it } from 'vitest';
import { CASES, checkCase, HANG_GUARD_MS, named, prepareGenerated, useScratch } from '../hostile.js';

const scratch = useScratch();

describe.concurrent('large generated files (built binary)', () => {
  it.for(named(CASES.filter((c) => c.generate)))('$name', { timeout: 3 * HANG_GUARD_MS }, async ({ c }, context) => {
    await checkCase(c, (one) => prepareGenerated(one, scratch()), context);
  });
});
