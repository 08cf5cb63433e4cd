import type { TeamDiff } from '../../diff/diff.js';

export interface DiffFormatOptions {
  /** Colour the output (stylish only). */
  color: boolean;
  /** Wrap to this many columns (stylish only; a terminal's width). Without it, one line per change. */
  width?: number;
}

/** A diff formatter is a pure function from a diff to text; the CLI writes it. */
export type DiffFormatter = (diff: TeamDiff, options: DiffFormatOptions) => string;
