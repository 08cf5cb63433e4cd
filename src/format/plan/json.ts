import { safeJson } from '../escape.js';
import type { PlanFormatter } from './common.js';

/** The plan as data: the contract docs/plan.md describes. */
export const planJson: PlanFormatter = (plan) => safeJson({ version: 1, ...plan }, 2) + '\n';
