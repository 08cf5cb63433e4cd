import type { DiffFormatter } from './types.js';
import { safeJson } from '../text.js';

/** The diff as JSON: the `TeamDiff` shape, versioned by its `version` field. */
export const diffJson: DiffFormatter = (diff) => safeJson(diff, 2) + '\n';
