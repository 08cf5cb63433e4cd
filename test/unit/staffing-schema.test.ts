import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { buildTeamSchema } from '../../src/schema/build.js';
import { configurableRuleIds } from '../../src/rules/index.js';

const BASE = 'version: 1\norganization:\n  name: Acme\n  employees: 120\n';
const member = '  - {id: ana, name: Ana, roles: [security-analyst]}\n';

function schemaFindings(text: string) {
  return checkTeam(text, { today: '2026-06-01' })
    .findings.filter((f) => f.ruleId === 'schema')
    .map(({ line, column, path, message }) => ({ line, column, path, message }));
}

describe('the rule-options form under rules:', () => {
  const withRules = (rules: string) => `${BASE}members:\n${member}rules:\n${rules}`;

  it.each([
    ['the string form', '  monitoring-staffing: warning\n'],
    ['a mapping with severity and options', '  monitoring-staffing: {severity: warning, productiveHoursPerYear: 1800, tolerance: 0.5}\n'],
    ['a mapping with options only', '  on-call-rotation:\n    minimum: 12\n'],
    ['a mapping with severity only, for a rule without options', '  out-of-hours: {severity: off}\n'],
  ])('accepts %s', (_case, rules) => {
    expect(schemaFindings(withRules(rules))).toEqual([]);
  });

  it.each([
    ['an unknown option, at its key, with a suggestion', '  monitoring-staffing: {severity: warning, tolerence: 1}\n', 8, 44, '/rules/monitoring-staffing/tolerence', 'unknown property "tolerence" in rules.monitoring-staffing; did you mean "tolerance"?'],
    ['an option of another rule', '  soc-model:\n    minimum: 3\n', 9, 5, '/rules/soc-model/minimum', 'unknown property "minimum" in rules.soc-model; allowed here: "severity"'],
    ['an option of the wrong type', '  monitoring-staffing: {tolerance: half}\n', 8, 36, '/rules/monitoring-staffing/tolerance', 'rules.monitoring-staffing.tolerance must be a number, not a string'],
    ['an option out of range', '  monitoring-staffing: {productiveHoursPerYear: 0}\n', 8, 49, '/rules/monitoring-staffing/productiveHoursPerYear', 'rules.monitoring-staffing.productiveHoursPerYear must be at least 100'],
    ['a fractional minimum', '  on-call-rotation: {minimum: 6.5}\n', 8, 31, '/rules/on-call-rotation/minimum', 'rules.on-call-rotation.minimum must be a whole number, not 6.5'],
    ['an unknown severity in the mapping', '  monitoring-staffing: {severity: loud}\n', 8, 35, '/rules/monitoring-staffing/severity', 'rules.monitoring-staffing.severity must be one of off, info, warning, error'],
    ['an unknown severity in the string form', '  monitoring-staffing: loud\n', 8, 24, '/rules/monitoring-staffing', 'rules.monitoring-staffing must be one of off, info, warning, error'],
    ['a number where a setting belongs', '  monitoring-staffing: 3\n', 8, 24, '/rules/monitoring-staffing', 'rules.monitoring-staffing must be off, info, warning or error, or a mapping such as {severity: warning}, not an integer'],
  ])('reports %s', (_case, rules, line, column, path, message) => {
    expect(schemaFindings(withRules(rules))).toEqual([{ line, column, path, message }]);
  });

  it('lets every configurable rule take the mapping form, and declares each option with its default', () => {
    const rules = (buildTeamSchema().properties as Record<string, { properties: Record<string, { else: { properties: Record<string, { default?: number }> } }> }>).rules?.properties ?? {};
    expect(Object.keys(rules).sort()).toEqual(configurableRuleIds().sort());
    for (const id of configurableRuleIds()) expect(rules[id]?.else.properties.severity).toBeDefined();
    expect(rules['monitoring-staffing']?.else.properties.productiveHoursPerYear?.default).toBe(1680);
    expect(rules['monitoring-staffing']?.else.properties.tolerance?.default).toBe(0.5);
    expect(rules['on-call-rotation']?.else.properties.minimum?.default).toBe(8);
  });
});

describe('staffing fields', () => {
  it.each([
    ['extended monitoring, seats and a 24x7 on-call response', `${BASE}  monitoring: extended\n  seats: 2\n  response: 24x7-on-call\nmembers:\n  - {id: ana, name: Ana, roles: [security-analyst], onCall: true}\n`],
    ['a provider with its hours', `${BASE}members:\n  - {id: soc, name: SOC, roles: [security-analyst], provider: MSSP, hours: off-hours}\n`],
  ])('accepts %s', (_case, text) => {
    expect(schemaFindings(text)).toEqual([]);
  });

  it.each([
    ['hours on an internal member, at its key', `${BASE}members:\n  - {id: ana, name: Ana, roles: [security-analyst], hours: 24x7}\n`, 6, 53, '/members/0/hours', 'hours applies to external providers only; add provider to member 1 (ana) or remove hours'],
    ['a tier on a member who is no analyst, at the tier', `${BASE}members:\n  - {id: e1, name: Eve, roles: [security-engineer], tier: 2}\n`, 6, 59, '/members/0/tier', 'tier applies to security analysts only; add security-analyst to the roles of member 1 (e1), or remove tier'],
    ['an unknown hours value', `${BASE}members:\n  - {id: soc, name: SOC, roles: [security-analyst], provider: MSSP, hours: nights}\n`, 6, 76, '/members/0/hours', 'member 1 (soc), hours must be one of business-hours, off-hours, 24x7'],
    ['no seats', `${BASE}  seats: 0\nmembers:\n${member}`, 5, 10, '/organization/seats', 'organization.seats must be at least 1'],
    ['half a seat', `${BASE}  seats: 1.5\nmembers:\n${member}`, 5, 10, '/organization/seats', 'organization.seats must be a whole number, not 1.5'],
    ['an unknown response', `${BASE}  response: 24x7\nmembers:\n${member}`, 5, 13, '/organization/response', 'organization.response must be one of business-hours, 24x7-on-call'],
    ['onCall as text', `${BASE}members:\n  - {id: ana, name: Ana, roles: [security-analyst], onCall: "yes"}\n`, 6, 61, '/members/0/onCall', 'member 1 (ana), onCall must be true or false, not a string'],
  ])('reports %s', (_case, text, line, column, path, message) => {
    expect(schemaFindings(text)).toEqual([{ line, column, path, message }]);
  });
});
