import { safeJson } from './text.js';
import type { Formatter } from './types.js';

/**
 * The JSON contract: findings, suppressed findings, coverage and the checks
 * that ran, per file. The team as read (`team` in the library's results) is
 * left out: scripts have the file itself, and at 100,000 members it would
 * double the output.
 */
export const json: Formatter = (result) => safeJson({ ...result, files: result.files.map(({ team: _team, ...file }) => file) }, 2) + '\n';
