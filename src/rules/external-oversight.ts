import { isExternal, holders } from '../model/team.js';
import type { Problem, Rule } from './types.js';
import { atMember, carriersOf, TEAM_WIDE, who } from './util.js';

export const externalOversight: Rule = {
  id: 'external-oversight',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  docs: {
    summary: 'An outsourced CISO or SOC with nobody inside the organization overseeing it.',
    rationale:
      'Outsourcing a function does not outsource accountability. NYDFS 23 NYCRR 500.4(a) allows a third party\'s employee as CISO only when a senior internal person oversees the provider; NIST SP 800-61 has a managed security provider report incidents to the organization\'s own incident team, so an outsourced SOC still needs an internal incident owner.',
    authority: [
      { authority: 'NYDFS 23 NYCRR 500.4(a)', note: 'a CISO employed by a third party, overseen by senior internal personnel' },
      { authority: 'NIST SP 800-61', note: 'the MSSP reports incidents to the organization\'s own incident response team' },
    ],
    fix: 'Name an internal member who oversees the provider: a cio or security-manager for an external CISO; a security-manager, or someone carrying incident response, for an outsourced SOC.',
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    const internal = (role: 'cio' | 'security-manager' | 'ciso') => holders(team, role).some((m) => !isExternal(m));

    const cisos = holders(team, 'ciso');
    const [firstCiso] = cisos;
    if (firstCiso && cisos.every(isExternal) && !internal('cio') && !internal('security-manager')) {
      problems.push({
        ...atMember(firstCiso),
        role: 'ciso',
        members: cisos.map((m) => m.id),
        message: `the CISO is external (${cisos.map(who).join(', ')}) and no internal cio or security-manager oversees the provider`,
      });
    }

    const analysts = holders(team, 'security-analyst');
    const outsourcedSoc = team.organization.soc === 'outsourced' || team.organization.soc === 'hybrid';
    const analysisOnlyExternal = analysts.length > 0 ? analysts.every(isExternal) : outsourcedSoc;
    const incidentOwners = carriersOf(team, coverage, 'security-manager.incident-response-plan').filter((m) => !isExternal(m));
    if (analysisOnlyExternal && !internal('security-manager') && incidentOwners.length === 0) {
      const [firstAnalyst] = analysts;
      problems.push({
        ...(firstAnalyst ? atMember(firstAnalyst) : TEAM_WIDE),
        role: 'security-analyst',
        members: analysts.map((m) => m.id),
        message: 'security analysis is outsourced and no internal member owns incident response (a security-manager, or whoever carries security-manager.incident-response-plan) to receive the provider\'s reports',
      });
    }
    return problems;
  },
};
