import { findResponsibility, type Size } from '../catalog/index.js';
import type { CoverageEntry } from '../findings.js';
import { holders, isExternal, type Member, type Team } from '../model/team.js';
import { providerHoursInWindow } from './staffing.js';
import { sizeTable, type Problem, type Rule } from './types.js';
import { atMember, dutyName, entryOf, list, who } from './util.js';

/** Hands-on duties: two internal holders, or one plus a provider credited with the duty. */
export const HANDS_ON = ['security-analyst.alert-monitoring', 'security-analyst.incident-response'] as const;
/** Leadership duties: the holder of a fallback role counts as the second. */
export const LEADERSHIP = ['security-manager.soc-oversight', 'security-manager.incident-response-plan', 'ciso.executive-reporting'] as const;

const checks = 'alert monitoring and incident response need two internal holders, or one plus a provider credited with the duty; SOC oversight, the incident response plan and executive reporting need a second person, who may be the holder of a fallback role (a CISO above a Security Manager); one finding per person, listing the duties';
const TABLE = sizeTable({
  small: { severity: 'info', checks: 'alert monitoring and incident response with one internal holder and no provider credited with them at all (info); leadership duties are not checked, one lead being the norm at this size' },
  medium: { severity: 'warning', checks },
  large: { severity: 'warning', checks: 'as medium' },
  enterprise: { severity: 'warning', checks: 'as medium' },
});

/**
 * Whether a provider credited with a hands-on duty backs up the internal
 * holder: only when it works some of the business hours in which that person
 * is the one on duty. A provider for nights and weekends (`hours: off-hours`)
 * leaves the day resting on one person.
 */
export function providerBacksUp(provider: Member, _duty: string, team: Team): boolean {
  return isExternal(provider) && providerHoursInWindow(provider.hours, team.organization.monitoring).business > 0;
}

/**
 * Someone other than `only` who would step in for a leadership duty: an
 * internal holder of a later fallback role, or a provider contracted for the
 * duty itself (`covers`). A provider is not a deputy for what it was not
 * bought for: a vCISO does not run the team that oversees the providers.
 */
function leadershipBackup(team: Team, entry: CoverageEntry, only: Member, size: Size): boolean {
  const duty = findResponsibility(entry.responsibility);
  if (!duty) return false;
  const fallbacks = duty.fallbacks.filter((f) => f.sizes === undefined || f.sizes.includes(size));
  const start = entry.status === 'absorbed' ? fallbacks.findIndex((f) => f.role === entry.via) + 1 : 0;
  const steps = (m: Member) => m !== only && (!isExternal(m) || (m.covers?.includes(duty.id) ?? false));
  return fallbacks.slice(start).some((f) => holders(team, f.role).some(steps));
}

export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  configurable: true,
  stage: 'team',
  severity: TABLE.severity,
  docs: {
    summary: 'One person is the only one for a critical duty: alert monitoring, incident response, SOC oversight, the incident response plan or executive reporting (from medium size up); in small organizations, a lone holder of monitoring or response with no provider for it (info).',
    rationale:
      'Alerts and incidents do not wait for holidays, sick days or departures. Hands-on duties need a second internal holder, or a provider credited with the duty (a member with `provider:`; `organization.soc` alone is not a provider). For leadership duties the next in line counts: a lone CISO with a Security Manager below is no single point of failure, nor is a Security Manager with a CISO above. In small organizations one person per duty is the norm, and a managed provider or an incident response retainer the usual remedy: only a lone holder of monitoring or response with no provider for it at all is reported there, as information.',
    authority: [
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'staffing the SOC for continuity of monitoring and response' },
      { authority: 'NIST SP 800-61 Rev. 3 (April 2025)', note: 'incident response roles and responsibilities, including third parties that perform part of it' },
      { authority: 'NIST SP 800-53 Rev. 5 (September 2020)', note: 'CP-2 Contingency Plan: contingency roles and responsibilities, with assigned individuals, for the functions that must go on' },
    ],
    fix: 'Give the duty a second holder (another analyst or engineer, a deputy for the lead), or contract a provider for it (a member with `provider:` whose `covers` lists the duty).',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 640
  soc: in-house
  monitoring: business-hours
members:
  - id: lena
    name: Lena Fischer
    roles: [ciso, security-manager]
  - id: ana
    name: Ana
    roles: [security-analyst, security-engineer]
    reportsTo: lena
  - id: grace
    name: Grace Kim
    roles:
      - it-operations-manager
      - system-administrator
      - system-analyst
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 640
  soc: hybrid
  monitoring: business-hours
members:
  - id: lena
    name: Lena Fischer
    roles: [ciso, security-manager]
  - id: ana
    name: Ana
    roles: [security-analyst, security-engineer]
    reportsTo: lena
  - id: kai
    name: Kai Lund
    roles: [security-manager]
    reportsTo: lena
  - id: mdr
    name: Watchtower MDR
    roles: [security-analyst]
    provider: Watchtower
    hours: 24x7
    reportsTo: lena
  - id: grace
    name: Grace Kim
    roles:
      - it-operations-manager
      - system-administrator
      - system-analyst
`,
    },
    sizes: TABLE.sizes,
  },
  check({ team, coverage }) {
    const size = team.organization.size;
    if (TABLE.sizes[size] === undefined) return [];
    // Per person: the duties they alone carry, and the off-hours providers credited with some of them (name -> those duties).
    const perPerson = new Map<Member, { handsOn: string[]; lead: string[]; offHours: Map<string, string[]> }>();
    const add = (member: Member, duty: string, kind: 'handsOn' | 'lead', offHours: readonly Member[] = []) => {
      const p = perPerson.get(member) ?? { handsOn: [], lead: [], offHours: new Map<string, string[]>() };
      p[kind].push(duty);
      for (const m of offHours) p.offHours.set(m.name, [...(p.offHours.get(m.name) ?? []), duty]);
      perPerson.set(member, p);
    };
    const carriers = (entry: CoverageEntry) => entry.members.map((id) => team.memberById.get(id)).filter((m): m is Member => m !== undefined);
    for (const id of HANDS_ON) {
      const entry = entryOf(coverage, id);
      // A duty only absorbed from a role nobody holds is absorbed-duties' finding (or missing-role's): one cause, one finding.
      if (entry?.status !== 'covered') continue;
      // The first internal carrier, and whether there is a second: a large team's list has thousands.
      let only: Member | undefined;
      let internal = 0;
      for (const carrier of entry.members) {
        const m = team.memberById.get(carrier);
        if (m === undefined || isExternal(m)) continue;
        if (internal++ === 0) only = m;
        else break;
      }
      if (internal !== 1 || !only) continue;
      const people = carriers(entry);
      // In a small organization any provider for the duty is the usual remedy, whatever its hours.
      if (size === 'small' ? people.some(isExternal) : people.some((m) => isExternal(m) && providerBacksUp(m, id, team))) continue;
      // A provider credited with the duty that works off-hours only is no second holder in the working week: named, not ignored.
      add(only, id, 'handsOn', people.filter(isExternal));
    }
    for (const id of size === 'small' ? [] : LEADERSHIP) {
      const entry = entryOf(coverage, id);
      if (!entry || (entry.status !== 'covered' && entry.status !== 'absorbed')) continue;
      // absorbed-duties reports the vacant role whose duties these are (a warning at the sizes checked here): hiring for it is the one fix.
      if (entry.status === 'absorbed') continue;
      // The one carrier, if there is only one.
      let only: Member | undefined;
      let people = 0;
      for (const carrier of entry.members) {
        const m = team.memberById.get(carrier);
        if (m === undefined) continue;
        if (people++ === 0) only = m;
        else break;
      }
      if (people !== 1 || !only || isExternal(only)) continue;
      if (leadershipBackup(team, entry, only, size)) continue;
      add(only, id, 'lead');
    }
    const problems: Problem[] = [];
    for (const [member, { handsOn, lead, offHours }] of perPerson) {
      const duties = [...handsOn, ...lead];
      const them = handsOn.length === 1 ? 'it' : 'them';
      // Each provider with what it is credited with, where that is not all of them: a watch-only contract says so.
      const partly = [...offHours.values()].some((d) => d.length < handsOn.length);
      const named = [...offHours].map(([name, d]) => (partly ? `${name} (credited with ${list(d.map(dutyName))} only)` : name));
      const providers =
        offHours.size === 0
          ? `no provider credited with ${them}`
          : `${list(named)}${partly ? '' : `, credited with ${them},`} ${offHours.size === 1 ? 'works' : 'work'} off-hours only`;
      const reasons = [
        ...(handsOn.length > 0 ? [`${list(handsOn)}, with no second internal holder and ${providers}`] : []),
        ...(lead.length > 0 ? [`${list(lead)}, with nobody in a fallback role to step in`] : []),
      ];
      problems.push({
        ...atMember(member),
        members: [member.id],
        responsibilities: duties,
        ...(duties.length === 1 ? { responsibility: duties[0] } : {}),
        message: `${who(member)}${member.fte < 1 ? `, working ${member.fte} FTE,` : ''} is the only one for ${reasons.join('; and for ')}${size === 'small' ? '; at this size a managed detection and response service or an incident response retainer is the usual second' : ''}`,
      });
    }
    return problems;
  },
};
