/** The output formats, by name. */
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

// Each format is read when it is asked for, not when this module loads: the
// command-line bundles load a format's code on first use (scripts/bundle.mjs).
export const FORMATTERS = {
  get github() {
    return github;
  },
  get json() {
    return json;
  },
  get junit() {
    return junit;
  },
  get markdown() {
    return markdown;
  },
  get sarif() {
    return sarif;
  },
  get stylish() {
    return stylish;
  },
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

export type { Formatter, FormatOptions } from './types.js';
