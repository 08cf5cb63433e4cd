import type { CoverageEntry } from '../findings.js';
import { isExternal, type Team } from '../model/team.js';
import { alertWatchers, PRODUCTIVE_HOURS_OPTION, staffing } from './staffing.js';
import type { Problem, Rule } from './types.js';
import { carriersOf, entryOf, names } from './util.js';
import { EXAMPLE_MEMBERS } from './examples.js';

export const onCallRotation: Rule<'minimum'> = {
  id: 'on-call-rotation',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'warning', enterprise: 'warning' },
  options: {
    minimum: {
      description: 'People a 24x7 on-call rotation needs (default 8: one site with a primary and a secondary; two sites: 12, six per site).',
      type: 'integer',
      default: 8,
      minimum: 2,
      maximum: 100,
    },
  },
  docs: {
    summary: 'A 24x7 on-call rotation (`response: 24x7-on-call`) with fewer people than it needs to be sustainable and to have a second responder.',
    rationale:
      'Someone who answers incidents at night and at weekends needs time between shifts on call and a second responder to call on. With a primary and a secondary, a single-site rotation needs about eight people so that each is on call a week or so a month; with fewer, one person holds the pager for days, and a weekend incident meets a tired or absent responder. On-call hours never count as monitoring hours: a rotation answers pages, it does not watch alerts. A provider in the rotation brings its own staff and is not counted by heads; where a provider responds out of hours (`hours: off-hours` or `24x7`) and the rotation escalates behind it, a thin rotation is an info, not a warning. Members marked onCall in a team that responds in business hours only are noted, as the file then says two things. A rotation deep enough but with fewer than two people credited with incident response is noted (info): the others can contain an incident (isolate a host, disable an account) but not handle it.',
    authority: [
      { authority: 'Google, Site Reliability Engineering (O\'Reilly, 2016), chapter 11 "Being On-Call"', note: 'eight engineers for a single-site rotation with primary and secondary, six per site for two sites' },
    ],
    fix: 'Add people to the rotation (`onCall: true`), contract out-of-hours response from a provider in the rotation, or, for a two-site follow-the-sun rotation, set the rule\'s `minimum` option to match (six per site).',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
  soc: outsourced
  monitoring: 24x7
  response: 24x7-on-call
members:
  - id: dana
    name: Dana Reyes
    roles: [security-manager]
    onCall: true
  - id: omar
    name: Omar Haddad
    roles: [it-operations-manager]
    onCall: true
  - id: priya
    name: Priya Natarajan
    roles: [system-administrator]
    reportsTo: omar
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    reportsTo: dana
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 120
  soc: outsourced
  monitoring: 24x7
  response: 24x7-on-call
members:
${EXAMPLE_MEMBERS}    onCall: true
`,
    },
  },
  check({ team, coverage, options }) {
    // A provider that works business hours only cannot take a page at night, onCall or not.
    const rotation = team.members.filter((m) => m.onCall === true && !(isExternal(m) && m.hours === 'business-hours'));
    const dayOnly = team.members.filter((m) => m.onCall === true && isExternal(m) && m.hours === 'business-hours');
    const problems: Problem[] = [];
    if (team.organization.response === '24x7-on-call') {
      // A provider answering pages staffs its own rotation: its depth is the contract's, not the file's.
      if (rotation.some(isExternal)) return [];
      const ids = rotation.map((m) => m.id);
      // A provider credited with incident response out of hours answers first: the rotation escalates behind it.
      const provider = entryOf(coverage, 'security-analyst.incident-response')
        ?.members.map((id) => team.memberById.get(id))
        .find((m) => m !== undefined && isExternal(m) && (m.hours === 'off-hours' || m.hours === '24x7'));
      // So does an in-house SOC that staffs every hour of the week: the rotation is its escalation line.
      const nightShift = provider === undefined && team.organization.monitoring === '24x7' && staffedAroundTheClock(team, coverage);
      if (rotation.length >= options.minimum) {
        // Deep enough. Behind a provider or analysts on shift, the rotation escalates; otherwise a page about an
        // intrusion needs someone on it who can handle the incident, not only contain it.
        if (provider || nightShift) return [];
        const responders = new Set(carriersOf(team, coverage, 'security-analyst.incident-response'));
        const handling = rotation.filter((m) => responders.has(m));
        if (handling.length >= 2) return [];
        return [
          {
            pointer: '/organization/response',
            severity: 'info',
            members: ids,
            message: `the 24x7 on-call rotation has ${rotation.length} people, but ${
              handling.length === 0 ? 'none of them is credited with incident response: they can contain an incident but not handle it' : `only ${names(team, handling.map((m) => m.id))} is credited with incident response: the others can contain an incident but not handle it, and nobody covers for ${handling[0]?.name}`
            }; put at least two incident responders on the rotation`,
          },
        ];
      }
      if ((provider || nightShift) && rotation.length > 0) {
        const first = provider ? `${provider.name} responds out of hours` : 'analysts on shift watch and respond around the clock';
        problems.push({
          pointer: '/organization/response',
          severity: 'info',
          members: ids,
          message: `${first}; the internal escalation rotation behind ${provider ? 'it' : 'them'} has ${rotation.length} ${rotation.length === 1 ? 'person' : 'people'} (${names(team, ids)}), and a rotation with a second responder needs about ${options.minimum}: add people, or agree ${provider ? 'with the provider ' : ''}how escalations are handled`,
        });
        return problems;
      }
      problems.push({
        pointer: '/organization/response',
        ...(ids.length > 0 ? { members: ids } : {}),
        message:
          rotation.length === 0
            ? `organization.response is 24x7-on-call but ${dayOnly.length > 0 ? `the only ${dayOnly.length === 1 ? 'member' : 'members'} marked onCall (${names(team, dayOnly.map((m) => m.id))}) ${dayOnly.length === 1 ? 'works' : 'work'} business hours only` : 'no member has onCall: true'}; a rotation needs about ${options.minimum} people: mark who is on call`
            : `the 24x7 on-call rotation has ${rotation.length} ${rotation.length === 1 ? 'person' : 'people'} (${names(team, ids)}); it needs about ${options.minimum} to be sustainable with a second responder: add people or contract out-of-hours response`,
      });
    } else if (rotation.length > 0) {
      const first = rotation[0];
      if (first) {
        problems.push({
          pointer: `/members/${first.index}/onCall`,
          anchor: 'key',
          severity: 'info',
          members: rotation.map((m) => m.id),
          message: `${names(team, rotation.map((m) => m.id))} ${rotation.length === 1 ? 'is' : 'are'} marked onCall but organization.response is business-hours: set organization.response to 24x7-on-call if they answer incidents out of hours, or remove onCall`,
        });
      }
    }
    return problems;
  },
};

/** Whether internal analysts alone give the FTE that 24x7 monitoring at the file's seats needs (docs/staffing.md). */
function staffedAroundTheClock(team: Team, coverage: readonly CoverageEntry[]): boolean {
  const watchers = alertWatchers(team, coverage);
  if (watchers.internal.length === 0) return false;
  const s = staffing(team.organization, { internal: watchers.internal, providers: [] }, Number(PRODUCTIVE_HOURS_OPTION.default));
  return s.shortfallFte <= 0;
}
