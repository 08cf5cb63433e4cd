import { holders, isExternal, type Member, type Team } from '../model/team.js';
import { sameForAllSizes, type Problem, type Rule } from './types.js';
import { atMember, carriersOf, entryOf, holdsItRole, names, TEAM_WIDE, who } from './util.js';
import { EXAMPLE_TEAM } from './examples.js';
import { absences } from './absence.js';

/** The first internal member up a provider's `reportsTo` chain: who owns the contract. */
function internalOwner(team: Team, provider: Member): Member | undefined {
  const seen = new Set<string>();
  let current = provider.reportsTo === undefined ? undefined : team.memberById.get(provider.reportsTo);
  while (current && !seen.has(current.id)) {
    if (!isExternal(current)) return current;
    seen.add(current.id);
    current = current.reportsTo === undefined ? undefined : team.memberById.get(current.reportsTo);
  }
  return undefined;
}

const LEAD_ROLES: readonly string[] = ['ciso', 'security-manager'];

/**
 * Whether a provider that watches alerts reports to a member of IT staff who
 * holds no security lead's role (and so to someone who runs what it watches).
 */
function ownedByIt(provider: Member, boss: Member | undefined): boss is Member {
  if (!boss || isExternal(boss) || !provider.roles.includes('security-analyst')) return false;
  if (provider.covers !== undefined && !provider.covers.includes('security-analyst.alert-monitoring')) return false;
  return holdsItRole(boss) && !boss.roles.some((r) => LEAD_ROLES.includes(r));
}

/** The internal security leads, in words ('' when there are none): named once, however many providers ask. */
function leadNames(team: Team): string {
  const ids = [...new Set(LEAD_ROLES.flatMap((r) => holders(team, r)))].filter((m) => !isExternal(m)).map((m) => m.id);
  return ids.length > 0 ? names(team, ids) : '';
}

/** Two providers' names, compared without case or surrounding spaces. */
function sameProvider(a: Member, b: Member): boolean {
  return (a.provider ?? '').trim().toLowerCase() === (b.provider ?? '').trim().toLowerCase();
}

const HANDS_ON = ['security-analyst.alert-monitoring', 'security-analyst.incident-response'];

export const externalOversight: Rule = {
  id: 'external-oversight',
  configurable: true,
  stage: 'team',
  severity: sameForAllSizes('warning'),
  docs: {
    summary: 'A provider with no internal owner named by its `reportsTo`, or overseen by someone of the same provider, or outsourced monitoring and response with nobody inside owning incident response.',
    rationale:
      'Outsourcing a function does not outsource accountability. NYDFS 23 NYCRR 500.4(a) allows a third party\'s employee as CISO only when senior internal personnel oversee the provider; NIST SP 800-61 Rev. 3 (April 2025) keeps incident response the organization\'s responsibility when third parties perform part of it, so an outsourced SOC still needs an internal incident owner. Every provider member therefore names its internal owner with `reportsTo`. A provider overseen through someone of the same firm (its own virtual CISO over its managed SOC) is reported too: the firm would judge its own work. A managed SOC owned by a member of IT staff while the team has a security lead is noted (info): its escalations about the systems IT runs go to the people who run them.',
    authority: [
      { authority: 'NYDFS 23 NYCRR 500.4(a), as amended November 2023', note: 'a CISO employed by a third party, overseen by senior internal personnel' },
      { authority: 'NIST SP 800-61 Rev. 3 (April 2025)', note: 'roles and responsibilities, including third parties that perform part of incident response' },
    ],
    fix: 'Set the provider\'s `reportsTo` to the internal member who owns the contract and oversees the work; for outsourced monitoring, give an internal member the incident response plan (a security-manager, or whoever takes its duties).',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
  soc: outsourced
  monitoring: 24x7
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager]
  - id: omar
    name: Omar Haddad
    roles: [it-operations-manager]
  - id: priya
    name: Priya Natarajan
    roles: [system-administrator]
    reportsTo: omar
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
`,
      passes: `${EXAMPLE_TEAM}`,
    },
    sizes: {
      small: 'every provider names an internal owner; outsourced monitoring and response have an internal incident owner',
      medium: 'as small',
      large: 'as small',
      enterprise: 'as small',
    },
  },
  check({ team, coverage }) {
    const problems: Problem[] = [];
    // The internal security leads' names, found when a provider first needs them.
    let leads: string | undefined;
    for (const member of team.members) {
      if (!isExternal(member)) continue;
      if (internalOwner(team, member)) {
        const boss = member.reportsTo === undefined ? undefined : team.memberById.get(member.reportsTo);
        // A managed SOC reporting to the IT staff whose systems it watches, while the team has a security lead.
        const lead = ownedByIt(member, boss) ? (leads ??= leadNames(team)) : '';
        if (lead !== '' && boss) {
          problems.push({
            ...atMember(member),
            severity: 'info',
            role: 'security-analyst',
            members: [member.id, boss.id],
            message: `${who(member)} is owned by ${who(boss)}, who runs systems it watches: let the security lead (${lead}) own the contract and receive its escalations`,
          });
        }
        // Owned through someone of the same provider (its virtual CISO, say): the firm oversees its own work.
        if (boss && boss !== member && isExternal(boss) && sameProvider(boss, member)) {
          const [role] = member.roles;
          problems.push({
            ...atMember(member),
            ...(role !== undefined ? { role } : {}),
            members: [member.id, boss.id],
            message: `${who(member)} is overseen by ${who(boss)}, of the same provider: the firm then judges its own work; let a member of staff own the contract`,
          });
        }
        continue;
      }
      if (member.reportsTo !== undefined && !team.memberById.has(member.reportsTo)) continue; // unknown-member reports it
      const [role] = member.roles;
      problems.push({
        ...atMember(member),
        ...(role !== undefined ? { role } : {}),
        members: [member.id],
        message: `${who(member)} is a provider with no internal owner: set \`reportsTo\` to the internal member who owns the contract and oversees its work`,
      });
    }
    const outsourced = HANDS_ON.filter((id) => entryOf(coverage, id)?.status === 'external');
    // With no security lead on the staff, missing-role's finding says who must own this: one cause, one finding.
    const noLead = absences(team, coverage).some((a) => a.group?.id === 'security-lead');
    if (outsourced.length > 0 && !noLead) {
      const owners = carriersOf(team, coverage, 'security-manager.incident-response-plan').filter((m) => !isExternal(m));
      if (owners.length === 0) {
        const providers = outsourced.flatMap((id) => entryOf(coverage, id)?.members ?? []);
        const first = team.memberById.get(providers[0] ?? '');
        problems.push({
          ...(first ? atMember(first) : TEAM_WIDE),
          responsibility: 'security-manager.incident-response-plan',
          members: [...new Set(providers)],
          message: `${outsourced.join(' and ')} ${outsourced.length === 1 ? 'is' : 'are'} outsourced and no internal member owns the incident response plan (security-manager.incident-response-plan) to receive the provider's reports and decide`,
        });
      }
    }
    return problems;
  },
};
