import { safeJson } from './text.js';
import type { Formatter } from './types.js';

export const json: Formatter = (result) => safeJson(result, 2) + '\n';
