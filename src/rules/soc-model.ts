import { alertWatchers, PRODUCTIVE_HOURS_OPTION, staffing } from './staffing.js';
import type { Problem, Rule } from './types.js';
import { atMember, names, who } from './util.js';
import { EXAMPLE_MEMBERS, EXAMPLE_TEAM } from './examples.js';

export const socModel: Rule = {
  id: 'soc-model',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'The declared SOC model (`organization.soc`) does not match who the team credits with alert monitoring, or a provider does not state its hours.',
    rationale:
      'An outsourced or hybrid SOC is a contract with a provider; a file that declares one without a provider credited with alert monitoring describes a SOC that is not there. A team that calls itself in-house while providers watch most of the hours misleads whoever reads it, as does an outsourced SOC whose own analysts watch alerts too (a hybrid one). And a provider whose hours are not stated is assumed to watch all of them, which is often not what the contract says.',
    authority: [
      { authority: 'NIST SP 800-61 Rev. 3 (April 2025)', note: 'incident response stays an organizational responsibility when third parties do part of it' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'SOC models: in-house, outsourced and hybrid' },
      { authority: 'secops-team', note: 'staffing arithmetic: provider hours within the monitoring window; see docs/staffing.md' },
    ],
    fix: 'Add the provider as a member (`provider:`, `roles: [security-analyst]`, `hours:`), or set `soc` to the model the team really runs; give every monitoring provider its `hours`.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
  soc: in-house
  monitoring: 24x7
members:
${EXAMPLE_MEMBERS}`,
      passes: `${EXAMPLE_TEAM}`,
    },
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    const watchers = alertWatchers(team, coverage);
    const soc = team.organization.soc;
    if ((soc === 'outsourced' || soc === 'hybrid') && watchers.providers.length === 0) {
      problems.push({
        pointer: '/organization/soc',
        role: 'security-analyst',
        message: `organization.soc is ${soc} but no provider is credited with alert monitoring: add the provider as a member with provider, security-analyst and its hours, or set soc to ${watchers.internal.length > 0 ? 'in-house' : 'none'}`,
      });
    }
    if (soc === 'outsourced' && watchers.providers.length > 0 && watchers.internal.length > 0) {
      problems.push({
        pointer: '/organization/soc',
        severity: 'info',
        role: 'security-analyst',
        members: watchers.internal.map((m) => m.id),
        message: `organization.soc is outsourced but ${names(team, watchers.internal.map((m) => m.id))} of the team ${watchers.internal.length === 1 ? 'watches' : 'watch'} alerts too: set soc to hybrid`,
      });
    }
    // Judged on the providers whose hours the file states: one without hours gets the info below, one finding for one cause.
    const stated = watchers.providers.filter((m) => m.hours !== undefined);
    if (soc === 'in-house' && stated.length > 0) {
      const s = staffing(team.organization, { internal: watchers.internal, providers: stated }, PRODUCTIVE_HOURS_OPTION.default);
      const total = (s.window.business + s.window.off) * s.seats;
      if (s.providerHours * 2 > total) {
        problems.push({
          pointer: '/organization/soc',
          severity: 'info',
          role: 'security-analyst',
          members: stated.map((m) => m.id),
          message: `organization.soc is in-house but providers cover ${s.providerHours} of the ${total} monitoring seat-hours a week: set soc to hybrid or outsourced`,
        });
      }
    }
    for (const provider of watchers.providers) {
      if (provider.hours !== undefined) continue;
      problems.push({
        ...atMember(provider),
        severity: 'info',
        role: 'security-analyst',
        members: [provider.id],
        message: `${who(provider)} is credited with alert monitoring but its hours are not stated, so it is assumed to cover all ${team.organization.monitoring} monitoring hours: add hours (business-hours, off-hours or 24x7) as the contract says`,
      });
    }
    return problems;
  },
};
