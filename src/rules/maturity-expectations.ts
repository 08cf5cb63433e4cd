import { findSpecialist, MATURITY_AUTHORITIES, MATURITY_EXPECTATIONS, MATURITY_LAG, maturityName, type MaturityExpectation, type Size } from '../catalog/index.js';
import type { CoverageEntry } from '../findings.js';
import { isExternal, type Team } from '../model/team.js';
import { sizeTable, type Problem, type Rule } from './types.js';
import { entryOf } from './util.js';

const SIZES_IN_ORDER: readonly Size[] = ['small', 'medium', 'large', 'enterprise'];

/** What the table asks at one size, in words, for `explain` and the rule docs. */
function checksAt(size: Size): string | null {
  const rows = MATURITY_EXPECTATIONS.filter((e) => e.severity[size] !== undefined).map((e) => `from maturity ${e.from}, ${e.label} (${e.severity[size]})`);
  if (MATURITY_LAG.size === size) rows.push(`maturity ${MATURITY_LAG.atMost} or less: one note that maturity lags size (${MATURITY_LAG.severity})`);
  return rows.length > 0 ? rows.join('; ') : null;
}

function rowAt(size: Size) {
  const checks = checksAt(size);
  if (checks === null) return null;
  const severities = MATURITY_EXPECTATIONS.map((e) => e.severity[size]).filter((s) => s !== undefined);
  return { severity: severities.includes('warning') ? ('warning' as const) : ('info' as const), checks };
}

const TABLE = sizeTable({ small: rowAt('small'), medium: rowAt('medium'), large: rowAt('large'), enterprise: rowAt('enterprise') });

/** The table as lines, for `explain`. */
function tableLines(): string[] {
  return MATURITY_EXPECTATIONS.map((e) => {
    const where = SIZES_IN_ORDER.filter((s) => e.severity[s] !== undefined).map((s) => `${s} ${e.severity[s]}`).join(', ');
    return `${e.id}: from maturity ${e.from} (${maturityName(e.from)}), ${e.label}; met by ${e.fix}; ${where}. Why: ${e.reason}.`;
  }).concat(`maturity-lags-size: an ${MATURITY_LAG.size} declaring maturity ${MATURITY_LAG.atMost} or less gets one ${MATURITY_LAG.severity}.`);
}

function met(expectation: MaturityExpectation, team: Team, coverage: readonly CoverageEntry[]): boolean {
  const test = expectation.test;
  if (test.kind === 'duty') return entryOf(coverage, test.responsibility)?.status === 'covered';
  return test.anyOf.some((role) => (team.byRole.get(role) ?? []).some((m) => !test.internal || !isExternal(m)));
}

/** Whether meeting `stricter` necessarily meets `looser`: every role that meets it also meets the looser one. */
function fixAlsoMeets(stricter: MaturityExpectation, looser: MaturityExpectation): boolean {
  const a = stricter.test;
  const b = looser.test;
  if (a.kind !== 'specialist' || b.kind !== 'specialist' || stricter.from <= looser.from) return false;
  return a.anyOf.every((role) => b.anyOf.includes(role)) && (a.internal || !b.internal);
}

const AT_MATURITY = { pointer: '/organization/maturity', anchor: 'value' } as const;

export const maturityExpectations: Rule = {
  id: 'maturity-expectations',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'A declared `organization.maturity` asks for capabilities the team does not show: threat hunting, detection engineering, threat intelligence, measured performance.',
    rationale:
      'Teams differ with size and maturity, and a team that says it runs a defined or measured SOC should show the capabilities that come with it. Only capabilities no other rule checks are asked for (tiering, the incident plan and deputies have their own rules), and only where the file declares `organization.maturity`: without it, nothing is judged, and an enterprise is told so in one info, since its SOC is the one most expected to have these capabilities. The table is secops-team\'s own default, grounded in MITRE\'s strategies for measuring and expanding a SOC. The single number simplifies: SOC-CMM scores maturity per domain and capability, not for a whole SOC, and NIST CSF tiers are not maturity levels. Specialist roles count when a member holds them (a provider where the table allows); performance counts as measured when a Security Manager of staff is credited with analysing and optimising security operations.',
    authority: MATURITY_AUTHORITIES,
    fix: 'Give the capability to a member (the message names the role: `secops-team roles <role>` describes it), lower `organization.maturity` to the level the team really works at, or record an exception with its reason.',
    sizes: TABLE.sizes,
    details: tableLines(),
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 4000
  maturity: 4
members:
  - id: dana
    name: Dana Reyes
    roles: [ciso]
  - id: lee
    name: Lee Park
    roles: [security-manager]
    reportsTo: dana
  - id: ravi
    name: Ravi Shah
    roles: [security-analyst]
    reportsTo: lee
  - id: omar
    name: Omar Haddad
    roles: [system-administrator]
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 4000
  maturity: 4
members:
  - id: dana
    name: Dana Reyes
    roles: [ciso]
  - id: lee
    name: Lee Park
    roles: [security-manager]
    reportsTo: dana
  - id: ravi
    name: Ravi Shah
    roles: [security-analyst, threat-hunter]
    reportsTo: lee
  - id: mia
    name: Mia Roth
    roles: [detection-engineer]
    reportsTo: lee
  - id: omar
    name: Omar Haddad
    roles: [system-administrator]
`,
    },
  },
  check({ team, coverage }) {
    const { maturity, size } = team.organization;
    if (maturity === undefined) {
      // An enterprise SOC is judged on the capabilities its level expects: without a level, say that nothing was judged.
      if (size !== 'enterprise') return [];
      return [
        {
          pointer: '/organization',
          anchor: 'key',
          severity: 'info',
          message: 'organization.maturity is not set, so the capabilities an enterprise SOC is expected to have at its level (threat hunting or intelligence, detection engineering, measured performance) are not judged: set the SOC-CMM level it works at, 0 to 5',
        },
      ];
    }
    const problems: Problem[] = [];
    const level = `maturity ${maturity} (${maturityName(maturity)})`;
    if (size === MATURITY_LAG.size && maturity <= MATURITY_LAG.atMost) {
      problems.push({ ...AT_MATURITY, severity: MATURITY_LAG.severity, message: `${level} lags the organization's size (${size}): a SOC serving an enterprise usually runs managed, repeatable processes; plan the steps up, or check that the level is the one the team works at` });
    }
    const unmet = MATURITY_EXPECTATIONS.filter((e) => e.severity[size] !== undefined && maturity >= e.from && !met(e, team, coverage));
    for (const expectation of unmet) {
      const severity = expectation.severity[size];
      // One finding per cause: a stricter unmet expectation whose fix also meets this one (a staff hunter is a hunting capability) stands for both.
      if (severity === undefined || unmet.some((other) => other !== expectation && fixAlsoMeets(other, expectation))) continue;
      const title = findSpecialist(expectation.role)?.title;
      problems.push({
        ...AT_MATURITY,
        severity,
        role: expectation.role,
        ...(expectation.test.kind === 'duty' ? { responsibility: expectation.test.responsibility } : {}),
        message: `${level} in ${size === 'enterprise' ? 'an' : 'a'} ${size} organization expects ${expectation.label}${title ? ` (${title})` : ''}: add ${expectation.fix}, or lower organization.maturity`,
      });
    }
    return problems;
  },
};
