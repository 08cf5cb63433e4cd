/**
 * Stage 2: JSON Schema validation with the precompiled validator, and the
 * translation of Ajv's errors into findings a person can act on.
 */
import { allResponsibilities, asRoleId, CATALOG_ROLE_IDS, isCatalogRoleId, NICE_WORK_ROLES, ROLE_BY_ALIAS } from '../catalog/index.js';
import type { Finding } from '../findings.js';
import { decodePointer, type Anchor, type Locator } from '../load/locate.js';
import type { RawTeam } from '../model/team.js';
import { configurableRuleIds } from '../rules/index.js';
import { buildTeamSchema } from '../schema/build.js';
import { closest, MAX_SUGGESTION_CANDIDATES, MAX_SUGGESTION_INPUT } from '../util/suggest.js';
import { validateTeam, type ValidationError } from './team-validator.js';

interface Located {
  pointer: string;
  /** The pointer to report, where it is not `pointer` (a key too long to repeat). */
  path?: string;
  anchor: Anchor;
  message: string;
}

/** Singular names of the top-level lists, for "member 2", "exception 1". */
const LIST_ITEMS: Readonly<Record<string, string>> = { members: 'member', exceptions: 'exception' };

/**
 * A pointer the way people read it, counting from 1 and naming a member by its
 * id: `/members/2/roles/0` → `member 3 (omar), roles item 1`.
 */
export function label(pointer: string, data?: unknown): string {
  const segments = decodePointer(pointer);
  const [list, index] = segments;
  let head = '';
  let rest = segments;
  if (list !== undefined && LIST_ITEMS[list] !== undefined && index !== undefined && /^\d+$/.test(index)) {
    const id = valueAt(data, `/${list}/${index}/id`);
    head = `${LIST_ITEMS[list]} ${Number(index) + 1}${list === 'members' && typeof id === 'string' && /^[a-z0-9][a-z0-9._-]{0,39}$/.test(id) ? ` (${id})` : ''}`;
    rest = segments.slice(2);
  }
  let tail = '';
  for (const segment of rest) tail += /^\d+$/.test(segment) ? ` item ${Number(segment) + 1}` : tail === '' ? segment : `.${segment}`;
  return [head, tail].filter((part) => part !== '').join(', ') || 'the top level';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') {
    // YAML reads .inf and .nan as numbers; JSON Schema accepts neither.
    if (Number.isNaN(value)) return 'NaN (not a number)';
    if (!Number.isFinite(value)) return 'infinity';
    return Number.isInteger(value) ? 'an integer' : 'a number';
  }
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of decodePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

type SchemaNode = Record<string, unknown>;
const isSchemaNode = (node: unknown): node is SchemaNode => node !== null && typeof node === 'object' && !Array.isArray(node);

/**
 * The schema that applies to the value at an instance pointer. Found by
 * walking the data's path, not Ajv's schemaPath, which restarts at every
 * referenced definition in the precompiled validator.
 */
let schemaCache: SchemaNode | undefined;

function schemaForInstance(pointer: string): SchemaNode | undefined {
  const root = (schemaCache ??= buildTeamSchema());
  const deref = (node: unknown): SchemaNode | undefined => {
    if (!isSchemaNode(node)) return undefined;
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    let target: unknown = root;
    for (const segment of decodePointer(ref.slice(1))) target = isSchemaNode(target) ? target[segment] : undefined;
    return isSchemaNode(target) ? target : undefined;
  };
  let node = deref(root);
  for (const segment of decodePointer(pointer)) {
    if (!node) return undefined;
    const properties = node.properties;
    if (isSchemaNode(properties) && Object.prototype.hasOwnProperty.call(properties, segment)) node = deref(properties[segment]);
    else if (node.items !== undefined && /^\d+$/.test(segment)) node = deref(node.items);
    else return undefined;
  }
  return node;
}

const quoteList = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');
/** Text from the file quoted in a message: at most this many characters. */
const MAX_QUOTED = 60;
const short = (text: string) => (text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 3)}...` : text);
const TYPE_WORDS: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', object: 'a mapping', array: 'a list', boolean: 'true or false' };

function suggestId(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64);
}

function inRoleItem(error: ValidationError): boolean {
  return /^\/members\/\d+\/roles\/\d+$/.test(error.instancePath) && error.schemaPath.endsWith('/roles/items/type');
}

/** The one id whose words the value abbreviates, word for word ("sec-analyst" -> "security-analyst"), if there is exactly one. */
function abbreviationOf(value: string, ids: readonly string[]): string | undefined {
  // Bounded as the closest-id search is: a convenience never makes a run slow.
  if (value.length > MAX_SUGGESTION_INPUT || ids.length > MAX_SUGGESTION_CANDIDATES) return undefined;
  const words = asRoleId(value).split('-');
  if (words.length < 2 || words.some((w) => w === '')) return undefined;
  const matches = ids.filter((id) => {
    const parts = id.split('-');
    return parts.length === words.length && parts.every((part, i) => part.startsWith(words[i] as string));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** A member's role that is neither a catalog role nor, where the file has `roles:`, one of its own. */
export function unknownRoleMessage(value: unknown, own: readonly string[] = []): string {
  const quoted = JSON.stringify(short(String(value)));
  // Another name of a catalog role ("soc-analyst", "Sysadmin") says which role it is; a typo gets the closest id.
  const alias = typeof value === 'string' ? ROLE_BY_ALIAS.get(asRoleId(value)) : undefined;
  if (alias) return `unknown role ${quoted}; the catalog calls this role "${alias}": use that id, or declare your own under roles: (secops-team roles lists them)`;
  const candidates = [...CATALOG_ROLE_IDS, ...own];
  const guess = typeof value === 'string' ? (abbreviationOf(value, candidates) ?? closest(value, candidates)) : undefined;
  return `unknown role ${quoted}; ${guess ? `did you mean "${guess}"? ` : ''}${own.length > 0 ? 'declare it under roles:, or use a catalog role' : 'use a catalog role, or declare your own under roles:'} (secops-team roles lists them)`;
}

/** Whether an error comes from checking a member's role id (the catalog's list, or the member schema that also admits own roles). */
function isRoleIdError(error: ValidationError): boolean {
  return error.schemaPath.startsWith('#/$defs/roleId') || error.schemaPath.startsWith('#/$defs/memberRoleId');
}

/** The message for a value that is no role, responsibility, NICE work role or rule id, where `error` checks one of those lists. */
function unknownId(error: ValidationError, value: unknown): string | undefined {
  const list = (ids: readonly string[], noun: string, hint: string) => {
    const guess = typeof value === 'string' ? closest(value, ids) : undefined;
    return `unknown ${noun} ${JSON.stringify(short(String(value)))}; ${guess ? `did you mean "${guess}"? ` : ''}${hint}`;
  };
  if (isRoleIdError(error)) return unknownRoleMessage(value);
  if (error.schemaPath.startsWith('#/$defs/niceId')) return list(NICE_WORK_ROLES.map((r) => r.id), 'NICE work role', 'secops-team roles --nice lists the NICE v2.0.0 work roles');
  if (error.schemaPath.startsWith('#/$defs/responsibilityId')) return list(allResponsibilities().map((d) => d.id), 'responsibility', "secops-team roles <role> lists a role's responsibilities");
  if (error.schemaPath.startsWith('#/$defs/ruleId')) return list(configurableRuleIds(), 'rule', 'secops-team explain lists the rules');
  return undefined;
}

function describeError(error: ValidationError, data: unknown, locator: Locator): Located | undefined {
  const pointer = error.instancePath;
  const where = label(pointer, data);
  const params = error.params;
  const value = valueAt(data, pointer);
  // A member's role item: whatever branch of the id schema failed (catalog list, own-role pattern, type), one unknown-role message.
  if (/^\/members\/\d+\/roles\/\d+$/.test(pointer)) {
    return error.keyword === 'anyOf' || error.keyword === 'enum' || error.keyword === 'not' ? { pointer, anchor: 'value', message: unknownRoleMessage(value) } : undefined;
  }
  const inRoleId = isRoleIdError(error);
  const inNiceId = error.schemaPath.startsWith('#/$defs/niceId');
  const inRuleId = error.schemaPath.startsWith('#/$defs/ruleId');
  const inDutyId = error.schemaPath.startsWith('#/$defs/responsibilityId');
  switch (error.keyword) {
    case 'if':
      return undefined; // reported by the `then` branch's own error
    case 'const':
      // Summarized by the anyOf error, or by the `contains` error for tiers.
      if (inRoleId || inRuleId || inDutyId || inNiceId || error.schemaPath.includes('/contains/')) return undefined;
      return { pointer, anchor: 'value', message: `${where} must be ${JSON.stringify(params.allowedValue)}` };
    case 'anyOf':
    case 'not': {
      const unknown = unknownId(error, value);
      if (unknown) return { pointer, anchor: 'value', message: unknown };
      return { pointer, anchor: 'value', message: `${where} is not valid: ${error.message ?? error.keyword}` };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      if (pointer === '') return { pointer, anchor: 'key', message: `missing required property "${missing}" at the top level${missing === 'version' ? '; add "version: 1"' : ''}` };
      return { pointer, anchor: 'key', message: `missing required property "${missing}" in ${where}` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const at = `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const node = schemaForInstance(pointer);
      // A rule's mapping form keeps its properties in the `else` branch (see schema/build.ts).
      const properties = node?.properties ?? (isSchemaNode(node?.else) ? node.else.properties : undefined);
      const allowed = isSchemaNode(properties) ? Object.keys(properties) : [];
      const guess = closest(name, allowed);
      const hint =
        name === '<<'
          ? '; merge keys are not part of YAML 1.2: write the properties out (anchors and aliases of whole values work)'
          : guess
            ? `; did you mean "${guess}"?`
            : allowed.length > 0
              ? `; allowed here: ${quoteList(allowed)}`
              : '';
      // A long key is not repeated whole, in the message or the pointer: the file may not be a team file at all (a linked secret).
      return { pointer: at, ...(name.length > MAX_QUOTED ? { path: pointer } : {}), anchor: 'key', message: `unknown property ${JSON.stringify(short(name))} in ${where}${hint}` };
    }
    case 'type': {
      // A role that is not text is reported once, by the unknown-role message.
      if (inRoleItem(error) || inRoleId) return undefined;
      const expected = String(params.type);
      let hint = '';
      const written = locator.source(pointer);
      if (/^\/members\/\d+\/provider$/.test(pointer) && typeof value === 'boolean') {
        // provider names the company: `provider: true` is the likely slip.
        hint = '; write the name of the provider company (provider: Sentinel), or leave provider out for a member of staff';
      } else if (expected === 'string' && value !== null && typeof value !== 'object' && written) {
        hint = `; put it in quotes to keep it as written: "${short(written)}"`;
      }
      // "- id:dana" reads as the text "id:dana", not a mapping: the colon needs a space after it.
      if (expected === 'object' && typeof value === 'string' && /^[A-Za-z_][\w.-]*:\S/.test(value)) {
        hint = `; put a space after the colon ("${short(value.replace(':', ': '))}", not "${short(value)}")`;
      }
      if (expected === 'object' && pointer === '') {
        return { pointer, anchor: 'value', message: value === null || value === undefined ? 'the file is empty; a team file starts with "version: 1" (secops-team init writes one)' : `the top level must be a mapping with version, organization and members, not ${kindOf(value)}` };
      }
      if (/^\/rules\/[^/]+$/.test(pointer)) {
        return { pointer, anchor: 'value', message: `${where} must be off, info, warning or error, or a mapping such as {severity: warning}, not ${kindOf(value)}` };
      }
      if (expected === 'integer' && typeof value === 'number' && Number.isFinite(value)) {
        return { pointer, anchor: 'value', message: `${where} must be a whole number, not ${value}` };
      }
      return { pointer, anchor: 'value', message: `${where} must be ${TYPE_WORDS[expected] ?? expected}, not ${kindOf(value)}${hint}` };
    }
    case 'enum': {
      // The build compiles the id lists (anyOf of annotated consts, for editors) as plain enums.
      const unknown = unknownId(error, value);
      if (unknown) return { pointer, anchor: 'value', message: unknown };
      const values: unknown[] = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      // A quoted number ("2") where the schema wants the number: say so, rather than suggest "2".
      if (typeof value === 'string' && value.trim() !== '' && values.includes(Number(value))) {
        return { pointer, anchor: 'value', message: `${where} must be the number ${Number(value)}, not the text ${JSON.stringify(short(value))}; write it without quotes` };
      }
      const allowed = values.map((v) => String(v));
      const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
      return { pointer, anchor: 'value', message: `${where} must be one of ${allowed.join(', ')}${guess ? `; did you mean "${guess}"?` : ''}` };
    }
    case 'minimum':
      return { pointer, anchor: 'value', message: `${where} must be at least ${String(params.limit)}` };
    case 'maximum':
      return { pointer, anchor: 'value', message: `${where} must be at most ${String(params.limit)}` };
    case 'exclusiveMinimum':
      return { pointer, anchor: 'value', message: `${where} must be more than ${String(params.limit)}` };
    case 'minLength':
      return { pointer, anchor: 'value', message: `${where} must not be empty` };
    case 'maxLength':
      if (inRoleId) return undefined;
      return { pointer, anchor: 'value', message: `${where} is too long (at most ${String(params.limit)} characters)` };
    case 'minItems':
      return { pointer, anchor: 'value', message: `${where} must list at least one role` };
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const item = valueAt(data, `${pointer}/${later}`);
      return { pointer: `${pointer}/${later}`, anchor: 'value', message: `${JSON.stringify(short(String(item)))} is listed twice in ${where}; remove the repeat` };
    }
    case 'dependentRequired': {
      const property = String(params.property);
      return { pointer: `${pointer}/${property}`, anchor: 'key', message: `${property} applies to external providers only; add provider to ${where} or remove ${property}` };
    }
    case 'contains': {
      const member = pointer.replace(/\/roles$/, '');
      return { pointer: `${member}/tier`, anchor: 'value', message: `tier applies to security analysts only; add security-analyst to the roles of ${label(member, data)}, or remove tier` };
    }
    case 'pattern': {
      if (inRoleId) return undefined; // summarized by the anyOf error
      if (/^\/roles\/\d+\/id$/.test(pointer)) {
        const example = typeof value === 'string' ? suggestId(value).replace(/[._]/g, '-').replace(/^[^a-z]+/, '') : '';
        return { pointer, anchor: 'value', message: `role id ${JSON.stringify(short(String(value)))} is not valid: use lowercase letters, digits and "-", starting with a letter${example ? ` (for example "${example}")` : ''}` };
      }
      if (/\/(id|approvedBy)$/.test(pointer) || pointer.endsWith('/reportsTo')) {
        const suggestion = typeof value === 'string' ? suggestId(value) : '';
        return {
          pointer,
          anchor: 'value',
          message: `member id ${JSON.stringify(short(String(value)))} is not valid: use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit${suggestion ? ` (for example "${suggestion}")` : ''}`,
        };
      }
      if (pointer.endsWith('/expires')) return { pointer, anchor: 'value', message: `${where} must be a date written YYYY-MM-DD` };
      return { pointer, anchor: 'value', message: `${where} does not match ${String(params.pattern)}` };
    }
    default:
      return { pointer, anchor: 'value', message: `${where} ${error.message ?? `fails ${error.keyword}`}` };
  }
}

export type ValidationResult = { valid: true; team: RawTeam } | { valid: false; findings: Finding[] };

/**
 * A file of thousands of broken members (or not a team file at all) breaks
 * the schema at every item; past this many schema findings the rest are
 * summed up in one, as YAML syntax problems are. It also bounds the work:
 * only listed findings are described and located.
 */
export const MAX_SCHEMA_FINDINGS = 100;

/**
 * The references the schema cannot check in a file with its own roles
 * (`roles:`): each member role is a catalog role or a declared one, and a
 * declared id is neither a catalog id nor declared twice.
 */
function ownRoleProblems(team: RawTeam): Located[] {
  const declared = team.roles;
  if (declared === undefined) return [];
  const problems: Located[] = [];
  const own = new Set<string>();
  declared.forEach((role, i) => {
    const pointer = `/roles/${i}/id`;
    if (isCatalogRoleId(role.id)) {
      problems.push({ pointer, anchor: 'value', message: `own role "${role.id}" has the id of a catalog role; hold the catalog role directly, or give your role an id of its own (for example "our-${role.id}")` });
    } else if (own.has(role.id)) {
      problems.push({ pointer, anchor: 'value', message: `own role "${role.id}" is declared twice; remove the repeat` });
    }
    own.add(role.id);
  });
  const ownIds = [...own].filter((id) => !isCatalogRoleId(id));
  team.members.forEach((member, m) => {
    member.roles.forEach((role, r) => {
      if (!isCatalogRoleId(role) && !own.has(role)) problems.push({ pointer: `/members/${m}/roles/${r}`, anchor: 'value', message: unknownRoleMessage(role, ownIds) });
    });
  });
  return problems;
}

export function validate(data: unknown, locator: Locator): ValidationResult {
  if (validateTeam(data)) {
    const problems = ownRoleProblems(data);
    if (problems.length === 0) return { valid: true, team: data };
    return { valid: false, findings: problems.slice(0, MAX_SCHEMA_FINDINGS).map((p) => ({ ruleId: 'schema', severity: 'error', message: p.message, path: p.pointer, ...locator.locate(p.pointer, p.anchor) })) };
  }
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const errors = validateTeam.errors ?? [];
  let index = 0;
  for (; index < errors.length && findings.length < MAX_SCHEMA_FINDINGS; index++) {
    const error = errors[index];
    if (!error) continue;
    const located = describeError(error, data, locator);
    if (!located) continue;
    const key = `${located.pointer}\u0000${located.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ ruleId: 'schema', severity: 'error', message: located.message, path: located.path ?? located.pointer, ...locator.locate(located.pointer, located.anchor) });
  }
  // What is left is counted, not described: one per value (and per missing or unknown property), as listed ones mostly are.
  const rest = new Set<string>();
  let first: ValidationError | undefined;
  for (; index < errors.length; index++) {
    const error = errors[index];
    if (!error || error.keyword === 'if') continue;
    first ??= error;
    rest.add(`${error.instancePath}\u0000${String(error.params.missingProperty ?? error.params.additionalProperty ?? '')}`);
  }
  if (first && rest.size > 0) {
    findings.push({
      ruleId: 'schema',
      severity: 'error',
      message: `${rest.size} more schema problems from here on are not listed; fix the first ones, or check that the right file was named`,
      path: first.instancePath,
      ...locator.locate(first.instancePath, 'value'),
    });
  }
  return { valid: false, findings };
}
