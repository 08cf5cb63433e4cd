/**
 * Member ids for people entered by name: short, readable, unique, and valid
 * for the schema (`^[a-z0-9][a-z0-9._-]*$`, at most 64 characters).
 */
import { MEMBER_ID_PATTERN } from '../schema/build.js';
import { MAX_ID } from './draft.js';

const ID = new RegExp(MEMBER_ID_PATTERN);

/** Lowercase ASCII words of a name: "Inês Carvalho-Lee" → ["ines", "carvalho", "lee"]. */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function clip(id: string, room = MAX_ID): string {
  return id.slice(0, room).replace(/[-._]+$/, '');
}

/**
 * An id for a person: the first name, then the whole name, then the first
 * name with a number, whichever is free first. "Dana Reyes" → "dana", or
 * "dana-reyes", or "dana-2".
 */
export function deriveMemberId(name: string, taken: (id: string) => boolean): string {
  const parts = words(name);
  const first = clip(parts[0] ?? 'member');
  const candidates = parts.length > 1 ? [first, clip(parts.join('-'))] : [first];
  for (const candidate of candidates) if (!taken(candidate)) return candidate;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${clip(first, MAX_ID - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Why an id cannot be used, or undefined when it can. */
export function memberIdProblem(id: string, takenBy: (id: string) => string | undefined): string | undefined {
  if (id === '') return 'an id is needed: lowercase letters, digits, ".", "_" or "-"';
  if (id.length > MAX_ID) return `at most ${MAX_ID} characters`;
  if (!ID.test(id)) return 'use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit';
  const owner = takenBy(id);
  if (owner !== undefined) return `${owner} already has this id; choose another`;
  return undefined;
}
