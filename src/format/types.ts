import type { CheckResult } from '../findings.js';

export interface FormatOptions {
  /** Colour the output (terminal formats only; machine formats ignore it). */
  color: boolean;
  /** Working directory, for relative paths in formats that need them. */
  cwd?: string;
  /** Terminal width: terminal formats wrap long messages to it. Unset: no wrapping (files, pipes). */
  width?: number;
}

/** A formatter is a pure function from results to text; the CLI writes it. */
export type Formatter = (result: CheckResult, options: FormatOptions) => string;
