import { holders, isExternal } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { carriersOf, TEAM_WIDE } from './util.js';
import { EXAMPLE_MEMBERS } from './examples.js';

/** The example team with its own analysts in business hours instead of the managed SOC, which would take tier 1's escalations. */
const IN_HOUSE_TEAM = `version: 1
organization:
  name: Acme
  employees: 120
  soc: in-house
  monitoring: business-hours
members:
${EXAMPLE_MEMBERS.slice(0, EXAMPLE_MEMBERS.indexOf('  - id: mssp'))}`;

/** secops-team's own default (not a MITRE figure): above about a dozen analysts, tiers are worth having. */
export const TIERING_THRESHOLD = 12;

export const analystTiers: Rule = {
  id: 'analyst-tiers',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'Tiered analysts with nobody at tier 2 or 3, or a large analyst team with no tiers at all.',
    rationale:
      'Tiers route complex incidents to more skilled analysts, as the source describes; tiers with nobody above tier 1 leave escalations with nowhere to go (warning). In-house tier 1 escalating to a provider credited with incident response (a managed SOC\'s tier 2 and 3) is a sound split, and is not reported. Above about a dozen analysts (secops-team\'s own default, not a figure from an authority) a team with no tiers at all is reported as information.',
    authority: [
      { authority: 'seed', note: 'analysts organized by skill level, the more skilled handling complex incidents' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'tiered analysis routes complex incidents to more senior analysts; the dozen-analyst threshold is secops-team\'s own default' },
    ],
    fix: 'Give at least one analyst tier 2 or 3, or add one; for a large untiered team, set `tier:` on each analyst.',
    examples: {
      fails: `${IN_HOUSE_TEAM}  - id: ana
    name: Ana
    roles: [security-analyst]
    tier: 1
    reportsTo: dana
  - id: ben
    name: Ben
    roles: [security-analyst]
    tier: 1
    reportsTo: dana
`,
      passes: `${IN_HOUSE_TEAM}  - id: ana
    name: Ana
    roles: [security-analyst]
    tier: 2
    reportsTo: dana
  - id: ben
    name: Ben
    roles: [security-analyst]
    tier: 1
    reportsTo: ana
`,
    },
  },
  check({ team, coverage }) {
    // The holders of the role, in file order, each once (a member may list a role twice): not a scan of every member.
    const analysts = holders(team, 'security-analyst').filter((m, i, all) => i === 0 || all[i - 1] !== m);
    const tiered = analysts.filter((m) => m.tier !== undefined);
    const problems: Problem[] = [];
    // A provider credited with incident response is where tier 1 escalates to.
    const escalatesToProvider = () => carriersOf(team, coverage, 'security-analyst.incident-response').some(isExternal);
    if (tiered.length >= 2 && !tiered.some((m) => (m.tier ?? 1) >= 2) && !escalatesToProvider()) {
      problems.push({
        ...TEAM_WIDE,
        role: 'security-analyst',
        members: tiered.map((m) => m.id),
        message: `${tiered.length} analysts have tiers, all at tier 1: nobody at tier 2 or 3 to escalate complex incidents to`,
      });
    }
    if (analysts.length > TIERING_THRESHOLD && tiered.length === 0) {
      problems.push({
        ...TEAM_WIDE,
        severity: 'info',
        role: 'security-analyst',
        message: `${analysts.length} security analysts and no tiers: above about ${TIERING_THRESHOLD} analysts, tiering routes complex incidents to the most skilled`,
      });
    }
    return problems;
  },
};
