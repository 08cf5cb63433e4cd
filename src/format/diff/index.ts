/** The output formats of `secops-team diff`, by name. */
import { diffJson } from './json.js';
import { diffMarkdown } from './markdown.js';
import { diffStylish } from './stylish.js';
import type { DiffFormatter } from './types.js';

export const DIFF_FORMATTERS = {
  json: diffJson,
  markdown: diffMarkdown,
  stylish: diffStylish,
} satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof DIFF_FORMATTERS;

export function isDiffFormatName(name: string): name is DiffFormatName {
  return Object.prototype.hasOwnProperty.call(DIFF_FORMATTERS, name);
}

export type { DiffFormatter, DiffFormatOptions } from './types.js';
