import { isExternal } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { atMember, carriersOf, who } from './util.js';

const CRITICAL = ['security-analyst.alert-monitoring', 'security-analyst.incident-response'] as const;

export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'In a medium or larger organization, alert monitoring or incident response rests on one internal person and no provider.',
    rationale:
      'Alerts and incidents do not wait for holidays, sick days or departures. When one person is the only one who watches alerts or answers incidents, their absence stops detection and response. Small organizations are exempt: there it is the norm, and an MSSP is the usual remedy.',
    authority: [
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'staffing the SOC for continuity of monitoring and response' },
      { authority: 'NIST NICE Framework v2.0.0', note: 'PD-WRL-001 Defensive Cybersecurity, PD-WRL-003 Incident Response' },
    ],
    fix: 'Give the duty a second holder (another analyst or engineer), or contract an external provider (a member with `provider:` holding security-analyst, or `soc: hybrid`).',
  },
  check({ team, coverage }) {
    if (team.organization.size === 'small') return [];
    if (team.organization.soc === 'outsourced' || team.organization.soc === 'hybrid') return [];
    const problems: Problem[] = [];
    for (const duty of CRITICAL) {
      const carriers = carriersOf(team, coverage, duty);
      const internal = carriers.filter((m) => !isExternal(m));
      const [only] = internal;
      if (internal.length !== 1 || carriers.length !== 1 || !only) continue;
      problems.push({
        ...atMember(only),
        responsibility: duty,
        role: 'security-analyst',
        members: [only.id],
        message: `${duty} rests on one person, ${who(only)}, with no second holder or external provider`,
      });
    }
    return problems;
  },
};
