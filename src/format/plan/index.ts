/** The output formats of `secops-team plan`, by name. */
import type { PlanFormatter } from './common.js';
import { planJson } from './json.js';
import { planMarkdown } from './markdown.js';
import { planStylish } from './stylish.js';

export const PLAN_FORMATTERS = { stylish: planStylish, json: planJson, markdown: planMarkdown } satisfies Record<string, PlanFormatter>;

export type PlanFormatName = keyof typeof PLAN_FORMATTERS;

export function isPlanFormatName(name: string): name is PlanFormatName {
  return Object.prototype.hasOwnProperty.call(PLAN_FORMATTERS, name);
}
