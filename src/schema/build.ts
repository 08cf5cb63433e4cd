/**
 * Builds the team file's JSON Schema (draft 2020-12) from the catalog and the
 * rule registry. `schemas/team.schema.json` is this function's output,
 * committed; a test fails when the two drift apart.
 */
import { MATURITY_LEVELS, MAX_MATURITY, NICE_EDITION, NICE_WORK_ROLES, ROLES, SIZE_BANDS, SIZES, SPECIALISTS } from '../catalog/index.js';
import { ALL_RULES, RULES } from '../rules/index.js';
import type { RuleInfo } from '../rules/types.js';

export const SCHEMA_ID = 'https://unpkg.com/secops-team/schemas/team.schema.json';
export const MEMBER_ID_PATTERN = '^[a-z0-9][a-z0-9._-]*$';
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
export const MAX_EMPLOYEES = 10_000_000;
/** Ids of a team file's own roles: lowercase letters, digits and "-" (no ".", which responsibility ids use). */
export const OWN_ROLE_PATTERN = '^[a-z][a-z0-9-]*$';

type JsonSchema = Record<string, unknown>;

const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'];

/**
 * A rule's entry under `rules:`: a severity, or a mapping of `severity` and
 * the rule's own options. `if`/`then` rather than `anyOf`, so that a wrong
 * option is reported once, at its key or value.
 */
function ruleSettingSchema(rule: RuleInfo): JsonSchema {
  const options = RULES.find((r) => r.id === rule.id)?.options ?? {};
  const names = Object.keys(options);
  return {
    description: `${rule.docs.summary} off turns the rule off; info, warning or error sets the severity of its findings${names.length > 0 ? `; the mapping form also sets ${names.join(', ')}` : ''}.`,
    if: { type: 'string' },
    then: { enum: SEVERITY_SETTINGS },
    else: {
      type: 'object',
      additionalProperties: false,
      properties: {
        severity: { description: 'off, info, warning or error.', enum: SEVERITY_SETTINGS },
        ...Object.fromEntries(Object.entries(options).map(([name, { default: value, ...bounds }]) => [name, { ...bounds, default: value }])),
      },
    },
  };
}

function catalogRoleConsts(): JsonSchema[] {
  return [
    ...ROLES.map((r) => ({ const: r.id, title: r.title, description: r.summary })),
    ...SPECIALISTS.map((s) => ({ const: s.id, title: s.title, description: `Specialist role. ${s.summary}` })),
  ];
}

function sizeDescription(): string {
  return SIZE_BANDS.map((b) => `${b.size}: ${b.min}${b.max === null ? '+' : `–${b.max}`} employees`).join('; ');
}

export function buildTeamSchema(): JsonSchema {
  const configurable = ALL_RULES.filter((r) => r.configurable);
  const ruleIdSchema: JsonSchema =
    configurable.length > 0
      ? { anyOf: configurable.map((r) => ({ const: r.id, description: r.docs.summary })) }
      : { not: {} };

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'secops-team team file',
    description: 'A security-operations team: the organization, its members and their roles. Checked by `secops-team check`.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'organization', 'members'],
    properties: {
      version: { description: 'Format version of this file. Always 1.', const: 1 },
      organization: {
        description: 'The organization the team serves.',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'employees'],
        properties: {
          name: { description: 'Name of the organization.', type: 'string', minLength: 1, maxLength: 200 },
          employees: { description: 'Number of employees; sets the size when `size` is absent.', type: 'integer', minimum: 1, maximum: MAX_EMPLOYEES },
          size: { description: `Organization size; derived from employees when absent (${sizeDescription()}). It sets which roles are expected and how loud each gap is.`, enum: [...SIZES] },
          soc: {
            description: 'Who runs the security operations center: in-house, outsourced (an MSSP), hybrid, or none (default).',
            enum: ['in-house', 'outsourced', 'hybrid', 'none'],
          },
          monitoring: {
            description: 'Hours during which alerts are watched: business-hours (default, 40 hours a week), extended (12 hours a day, 7 days: 84) or 24x7 (168).',
            enum: ['business-hours', 'extended', '24x7'],
          },
          seats: { description: 'Analysts on duty at once during monitoring hours (default 1).', type: 'integer', minimum: 1, maximum: 1000 },
          response: {
            description: 'Who answers incidents outside monitoring hours: business-hours (default: nobody) or 24x7-on-call (members with onCall: true).',
            enum: ['business-hours', '24x7-on-call'],
          },
          maturity: {
            description: `How mature the security operations are, on the SOC-CMM / CMMI scale: ${MATURITY_LEVELS.map((l) => `${l.level} ${l.name}`).join(', ')}. Absent: not judged. Sets what the maturity-expectations rule asks for (secops-team explain maturity-expectations).`,
            type: 'integer',
            minimum: 0,
            maximum: MAX_MATURITY,
            // Editors complete values from `enum`, `const` or `examples`, never from a range: the levels as examples
            // (an annotation, which validation ignores) make the YAML language server offer them.
            examples: MATURITY_LEVELS.map((l) => l.level),
          },
          scope: {
            description: 'What the file describes: security-and-it (default), the security function with IT operations; or security, the security function only (a security division), where the IT roles are not expected and their duties do not apply.',
            enum: ['security-and-it', 'security'],
          },
        },
      },
      roles: {
        description: 'The organization\'s own roles: each is credited with exactly the catalog responsibilities it lists in `duties`. Members hold them like catalog roles.',
        type: 'array',
        items: { $ref: '#/$defs/ownRole' },
      },
      members: {
        description: 'The people (and external services) on the team, each with the roles they hold.',
        type: 'array',
        items: { $ref: '#/$defs/member' },
      },
      exceptions: {
        description: 'Accepted findings: each suppresses the findings of one rule, optionally for one role, responsibility or member, until it expires.',
        type: 'array',
        items: { $ref: '#/$defs/exception' },
      },
      rules: {
        description: 'Rule settings: turn a rule off or change the severity of its findings (`rule: warning`), or set its options too (`rule: {severity: warning, option: value}`).',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(configurable.map((r) => [r.id, ruleSettingSchema(r)])),
      },
    },
    // Without a `roles:` section a member's role must be a catalog id (so an editor flags a misspelled one);
    // with it, the member schema also admits ids of the file's own roles, which `check` resolves.
    if: { type: 'object', properties: { roles: true }, required: ['roles'] },
    else: {
      type: 'object',
      properties: { members: { type: 'array', items: { type: 'object', properties: { roles: { type: 'array', items: { $ref: '#/$defs/roleId' } } } } } },
    },
    $defs: {
      roleId: {
        description: 'A role id from the catalog (`secops-team roles` lists them).',
        anyOf: catalogRoleConsts(),
      },
      memberRoleId: {
        description: 'A role id from the catalog (`secops-team roles` lists them), or one declared under `roles:`.',
        // The catalog's list by reference, so that validators compile it as one enum (scripts/build.mjs).
        anyOf: [{ $ref: '#/$defs/roleId' }, { type: 'string', pattern: OWN_ROLE_PATTERN, maxLength: 64, description: 'A role declared in this file\'s `roles:` section.' }],
      },
      niceId: {
        description: `A work role id of the ${NICE_EDITION} (\`secops-team roles --nice\` lists them).`,
        anyOf: NICE_WORK_ROLES.map((r) => ({ const: r.id, title: r.name, description: r.name })),
      },
      ownRole: {
        description: 'A role of this organization, credited with the listed catalog responsibilities.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'duties'],
        properties: {
          id: { description: 'Id that members list in `roles`: lowercase letters, digits and "-"; not a catalog role id.', type: 'string', pattern: OWN_ROLE_PATTERN, maxLength: 64 },
          title: { description: 'Title shown in reports.', type: 'string', minLength: 1, maxLength: 200 },
          description: { description: 'What the role does, free text.', type: 'string', maxLength: 1000 },
          duties: {
            description: 'Catalog responsibility ids a holder is credited with (`secops-team roles <role>` lists them); a member\'s `covers` can narrow them.',
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', $ref: '#/$defs/responsibilityId' },
          },
          nice: {
            description: `Closest work roles of the ${NICE_EDITION}, for reference.`,
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', $ref: '#/$defs/niceId' },
          },
        },
      },
      responsibilityId: {
        description: 'A responsibility id from the catalog, `<role>.<duty>` (`secops-team roles <role>` lists them).',
        anyOf: ROLES.flatMap((r) => r.responsibilities.map((d) => ({ const: d.id, description: d.summary }))),
      },
      ruleId: { description: 'A rule id (`secops-team explain <id>` explains it).', ...ruleIdSchema },
      member: {
        description: 'A person or an external service holding one or more roles.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'roles'],
        properties: {
          id: { description: 'Unique id used in reporting lines and exceptions: lowercase letters, digits, ".", "_" and "-".', type: 'string', pattern: MEMBER_ID_PATTERN, maxLength: 64 },
          name: { description: 'Full name of the person, or of the service.', type: 'string', minLength: 1, maxLength: 200 },
          roles: {
            description: 'Role ids this member holds; one person may hold several.',
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            // The type lets validators check uniqueness in linear time; without it, Ajv compares every pair.
            items: { type: 'string', $ref: '#/$defs/memberRoleId' },
          },
          title: { description: 'Job title, free text.', type: 'string', maxLength: 200 },
          reportsTo: { description: 'Id of the member this one reports to.', type: 'string', maxLength: 64 },
          tier: { description: 'Analyst tier: 1 triage, 2 investigation, 3 advanced response and hunting. Security analysts only.', enum: [1, 2, 3] },
          fte: { description: 'Share of a full-time position given to these roles, above 0 and at most 1 (default 1).', type: 'number', exclusiveMinimum: 0, maximum: 1 },
          provider: { description: 'Name of the external provider (vCISO, MSSP): marks the member as external.', type: 'string', minLength: 1, maxLength: 200 },
          covers: {
            description: 'Responsibility ids of this member\'s roles that it is credited with (a provider\'s contract, or a narrower share of a role). Without it, an internal member is credited with every duty of its roles, a provider with the duties commonly bought (`secops-team explain <responsibility>` says which).',
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', $ref: '#/$defs/responsibilityId' },
          },
          hours: {
            description: "Providers only: the monitoring hours the provider covers at every seat: business-hours (40 a week), off-hours (the 128 outside them) or 24x7. Without it, the organization's monitoring hours are assumed.",
            enum: ['business-hours', 'off-hours', '24x7'],
          },
          onCall: { description: 'In the incident on-call rotation (with organization.response: 24x7-on-call).', type: 'boolean' },
          vacancy: {
            description: 'An open position: approved but not yet filled (name it, e.g. "To hire: Tier 2 analyst"). It is listed in every output but covers no duty, leads nobody and is nobody\'s single point of failure.',
            type: 'boolean',
          },
        },
        dependentRequired: { hours: ['provider'] },
        if: { properties: { tier: true }, required: ['tier'] },
        then: { properties: { roles: { type: 'array', contains: { const: 'security-analyst' } } } },
      },
      exception: {
        description: 'An accepted finding, with its reason and owner.',
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { $ref: '#/$defs/ruleId' },
          target: { description: 'A role, responsibility or member id: narrows the exception to findings about it.', type: 'string', minLength: 1, maxLength: 100 },
          reason: { description: 'Why the finding is accepted.', type: 'string', minLength: 1, maxLength: 1000 },
          approvedBy: { description: 'Id of the member who accepted it.', type: 'string', maxLength: 64 },
          expires: { description: 'Date (YYYY-MM-DD) after which the exception no longer applies.', type: 'string', pattern: DATE_PATTERN },
        },
      },
    },
  };
}

/** The schema as committed: two-space JSON with a final newline. */
export function renderTeamSchema(): string {
  return JSON.stringify(buildTeamSchema(), null, 2) + '\n';
}
