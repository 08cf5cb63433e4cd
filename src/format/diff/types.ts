import type { TeamDiff } from '../../diff/diff.js';

export interface DiffFormatOptions {
  /** Colour the output (stylish only). */
  color: boolean;
}

/** A diff formatter is a pure function from a diff to text; the CLI writes it. */
export type DiffFormatter = (diff: TeamDiff, options: DiffFormatOptions) => string;
