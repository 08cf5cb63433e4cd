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
      'Attacks do not keep office hours: ransomware is often set off at night or over a weekend, when a business-hours team finds it only the next working day. A small organization rarely staffs nights itself, and need not: automated containment (isolating a host, disabling an account) or a managed detection and response service covers the gap for a fraction of a shift. From medium size up, an organization is expected to be able to respond around the clock: an on-call rotation of its own behind automated alerting, or a provider that watches and responds out of hours. Extended monitoring (12 hours a day) leaves the other 84 hours of the week open in the same way. Only a provider credited with alert monitoring or incident response closes the gap: an IT service desk that works around the clock does not answer attacks, nor does a provider that works business hours only, on call or not. Where only providers watch 24x7, somebody must still act on what they find at night: a provider credited with incident response out of hours, or an on-call rotation.',
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
    const responders = carriersOf(team, coverage, INCIDENT_RESPONSE);
    let gap: string;
    if (org.monitoring === '24x7') {
      // Analysts of the team's own on shift respond to what they see (monitoring-staffing judges the shifts); nobody
      // watching at all is uncovered-responsibility's finding. Left: providers watch around the clock, and nobody acts on
      // what they find at night.
      // A provider without hours is taken to cover the whole 24x7 window, as the staffing arithmetic takes it (soc-model asks for its hours).
      if (watchers.length === 0 || watchers.some((m) => !isExternal(m)) || responders.some((m) => outOfHours(m) || (isExternal(m) && m.hours === undefined))) return [];
      gap = `alerts are watched 24x7 only by ${names(team, watchers.map((m) => m.id))}, and nobody responds to what ${watchers.length === 1 ? 'it finds' : 'they find'} outside business hours (${HOURS_A_WEEK - BUSINESS_HOURS_A_WEEK} of the ${HOURS_A_WEEK} hours a week)`;
    } else {
      // Only a provider that watches alerts or responds to incidents for the team counts: an IT helpdesk working around
      // the clock answers tickets, not attacks.
      if ([...watchers, ...responders].some(outOfHours)) return [];
      const watched = MONITORING_HOURS[org.monitoring];
      const open = HOURS_A_WEEK - watched;
      gap =
        org.monitoring === 'business-hours'
          ? `alerts are watched in business hours only and nobody responds outside them (${open} of the ${HOURS_A_WEEK} hours a week)`
          : `alerts are watched ${watched} hours a week (extended monitoring) and nobody watches or responds in the other ${open}`;
    }
    return [
      {
        pointer: '/organization/monitoring',
        anchor: 'key',
        message:
          org.size === 'small'
            ? `${gap}: consider automated containment or a managed detection and response service for nights and weekends`
            : `${gap}, which ${org.size === 'medium' ? 'a medium' : org.size === 'large' ? 'a large' : 'an enterprise'} organization cannot leave open: set up a 24x7 on-call rotation (response: 24x7-on-call, members with onCall: true) or contract a provider that monitors or responds with hours: off-hours or 24x7`,
      },
    ];
  },
};
