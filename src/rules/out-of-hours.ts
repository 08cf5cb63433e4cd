import { isExternal, type Member } from '../model/team.js';
import { ALERT_MONITORING, BUSINESS_HOURS_A_WEEK, HOURS_A_WEEK, INCIDENT_RESPONSE, MONITORING_HOURS } from './staffing.js';
import { carriersOf, names } from './util.js';
import type { Rule } from './types.js';
import { EXAMPLE_TEAM } from './examples.js';

export const outOfHours: Rule = {
  id: 'out-of-hours',
  configurable: true,
  stage: 'team',
  severity: { small: 'info', medium: 'warning', large: 'error', enterprise: 'error' },
  docs: {
    summary: 'Alerts are watched in business hours (or extended hours) only and nobody responds outside them: an info in small organizations, a warning in medium ones, an error in large and enterprise ones.',
    rationale:
      'Attacks do not keep office hours: ransomware is often set off at night or over a weekend, when a business-hours team finds it only the next working day. A small organization rarely staffs nights itself, and need not: automated containment (isolating a host, disabling an account) or a managed detection and response service covers the gap for a fraction of a shift. From medium size up, an organization is expected to be able to respond around the clock: an on-call rotation of its own behind automated alerting, or a provider that watches and responds out of hours. Extended monitoring (12 hours a day) leaves the other 84 hours of the week open in the same way. Only a provider credited with alert monitoring or incident response closes the gap: an IT service desk that works around the clock does not answer attacks, nor does a provider that works business hours only, on call or not. Where only providers watch at night (around the clock, or off-hours beside a day team), somebody must still act on what they find: a provider credited with incident response out of hours, or an on-call rotation; a provider credited with monitoring alone watches and calls, and nobody answers. Where nobody watches at all, or nobody at night under 24x7 monitoring, missing-role, uncovered-responsibility or monitoring-staffing reports it.',
    authority: [
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'hours of operation, and outsourcing what a small SOC cannot staff' },
      { authority: 'NIST SP 800-61 Rev. 3 (April 2025)', note: 'third parties may carry part of incident response' },
    ],
    fix: 'Automate containment for high-confidence alerts, contract a provider with `hours: off-hours` or `24x7`, or set `response: 24x7-on-call` with a rotation of members marked `onCall: true`.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 120
  soc: outsourced
  monitoring: business-hours
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
    hours: business-hours
    reportsTo: dana
`,
      passes: `${EXAMPLE_TEAM}`,
    },
  },
  check({ team, coverage }) {
    const org = team.organization;
    // With nobody in the team, missing-role says what is wrong: one finding per cause.
    if (team.members.length === 0 || org.response === '24x7-on-call') return [];
    // A provider that works off-hours or around the clock, or is on call outside business hours; one that works
    // business hours only takes no call at night, onCall or not (as on-call-rotation counts it).
    const outOfHours = (m: Member) => isExternal(m) && m.hours !== 'business-hours' && (m.onCall === true || m.hours === 'off-hours' || m.hours === '24x7');
    const watchers = carriersOf(team, coverage, ALERT_MONITORING);
    // Nobody watches at all: missing-role or uncovered-responsibility says so, with the fix.
    if (watchers.length === 0) return [];
    const responders = carriersOf(team, coverage, INCIDENT_RESPONSE);
    const open = HOURS_A_WEEK - BUSINESS_HOURS_A_WEEK;
    // Providers watching outside business hours, with nobody to act on what they find then.
    const nightOnlyWatchedBy = (night: readonly Member[]) =>
      `outside business hours alerts are watched only by ${names(team, night.map((m) => m.id))}, and nobody responds to what ${night.length === 1 ? 'it finds' : 'they find'} then (${open} of the ${HOURS_A_WEEK} hours a week)`;
    let gap: string;
    // The provider watching at night, where one does: the cheapest fix is often to have it respond too.
    let watchingOnly: readonly Member[] = [];
    if (org.monitoring === '24x7') {
      // A provider without hours is taken to cover the whole 24x7 window, as the staffing arithmetic takes it (soc-model asks for its hours).
      const night = watchers.filter((m) => isExternal(m) && (outOfHours(m) || m.hours === undefined));
      // No provider watches at night: the team's own analysts are on shift and respond to what they see, or nobody
      // watches then; monitoring-staffing judges both, with the arithmetic.
      if (night.length === 0) return [];
      if (responders.some((m) => outOfHours(m) || (isExternal(m) && m.hours === undefined))) return [];
      watchingOnly = night;
      gap = watchers.every(isExternal) && night.length === watchers.length && night.every((m) => m.hours !== 'off-hours')
        ? `alerts are watched 24x7 only by ${names(team, watchers.map((m) => m.id))}, and nobody responds to what ${watchers.length === 1 ? 'it finds' : 'they find'} outside business hours (${open} of the ${HOURS_A_WEEK} hours a week)`
        : nightOnlyWatchedBy(night);
    } else {
      // Only a provider that watches alerts or responds to incidents for the team counts: an IT helpdesk working around
      // the clock answers tickets, not attacks. One that responds out of hours is called by what it or the tools see.
      if (responders.some(outOfHours)) return [];
      const night = watchers.filter(outOfHours);
      watchingOnly = night;
      const watched = MONITORING_HOURS[org.monitoring];
      gap =
        night.length > 0
          ? nightOnlyWatchedBy(night)
          : org.monitoring === 'business-hours'
            ? `alerts are watched in business hours only and nobody responds outside them (${open} of the ${HOURS_A_WEEK} hours a week)`
            : `alerts are watched ${watched} hours a week (extended monitoring) and nobody watches or responds in the other ${HOURS_A_WEEK - watched}`;
    }
    return [
      {
        pointer: '/organization/monitoring',
        anchor: 'key',
        message:
          org.size === 'small'
            ? `${gap}: consider automated containment or a managed detection and response service for nights and weekends`
            : `${gap}, which ${org.size === 'medium' ? 'a medium' : org.size === 'large' ? 'a large' : 'an enterprise'} organization cannot leave open: set up a 24x7 on-call rotation (response: 24x7-on-call, members with onCall: true) or ${
                watchingOnly.length > 0
                  ? `contract ${watchingOnly.length === 1 ? 'the provider' : 'a provider'} to respond as well (security-analyst.incident-response in its covers)`
                  : 'contract a provider that monitors or responds with hours: off-hours or 24x7'
              }`,
      },
    ];
  },
};
