/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * How much comparing a checker may spend on suggestions, in cells of the
 * distance table. Share one budget across the calls of a run: a file with
 * thousands of misspelt ids must not make a run quadratic.
 */
export interface SuggestionBudget {
  cells: number;
}

/** Some tens of milliseconds: a full comparison against thousands of ids, a few times over. */
export const SUGGESTION_CELLS = 10_000_000;

/** Past these lengths no suggestion is looked for: bounded work for any input. */
export const MAX_SUGGESTION_INPUT = 200;
export const MAX_SUGGESTION_CANDIDATES = 5000;

/** The candidate closest to `input`, if it is close enough to be a likely typo. */
export function closest(input: string, candidates: readonly string[], budget: SuggestionBudget = { cells: SUGGESTION_CELLS }): string | undefined {
  // Bounded work: suggestions are a convenience, never a way to make a run slow.
  if (input.length > MAX_SUGGESTION_INPUT || candidates.length > MAX_SUGGESTION_CANDIDATES || budget.cells <= 0) return undefined;
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Lengths further apart than the limit cannot be within it.
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    budget.cells -= needle.length * candidate.length;
    if (budget.cells < 0) return undefined;
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
