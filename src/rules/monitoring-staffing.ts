import type { Monitoring } from '../model/team.js';
import { ALERT_MONITORING, alertWatchers, fte, PRODUCTIVE_HOURS_OPTION, staffing, weekdayFallback, type Staffing } from './staffing.js';
import type { Rule } from './types.js';

const WINDOW_WORDS: Readonly<Record<Monitoring, string>> = {
  'business-hours': 'business-hours monitoring',
  extended: 'extended monitoring (12 hours a day, 7 days)',
  '24x7': '24x7',
};

/** The part of the window no provider covers, and the contract that would close the gap. */
function openHours(s: Staffing, internalCoversBusinessHours: boolean): { gap: string; contract: string } {
  const businessOpen = s.covered.business < s.window.business;
  const offOpen = s.covered.off < s.window.off;
  if (offOpen && (!businessOpen || internalCoversBusinessHours)) {
    return { gap: businessOpen ? 'no provider covers off-hours' : 'providers cover business hours only', contract: 'contract off-hours monitoring' };
  }
  if (offOpen) return { gap: 'no provider covers any of these hours', contract: 'contract monitoring from a provider' };
  return { gap: 'no provider covers business hours', contract: 'contract business-hours monitoring' };
}

export const monitoringStaffing: Rule<'productiveHoursPerYear' | 'tolerance'> = {
  id: 'monitoring-staffing',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'error', enterprise: 'error' },
  options: {
    productiveHoursPerYear: PRODUCTIVE_HOURS_OPTION,
    tolerance: { description: 'Shortfalls under this many FTE are not reported (default 0.5).', type: 'number', default: 0.5, minimum: 0, maximum: 100 },
  },
  docs: {
    summary: 'The monitoring hours and seats need more internal FTE than the members credited with alert monitoring give, after the hours providers cover.',
    rationale:
      'Every monitoring hour at every seat needs someone watching. At about 1,680 productive hours a year (32.3 a week) per person, one seat watched 24x7 takes about 5.2 FTE, an extended 84-hour week 2.6, and business hours 1.2. Providers take the hours they are contracted for; the rest falls to internal staff credited with alert monitoring, each counted by FTE split across the roles they hold. A shortfall means hours when nobody is watching. A small organization whose file does not set `monitoring` gets an info, not a warning: business hours are then only assumed, and few small organizations watch alerts themselves.',
    authority: [
      { authority: 'secops-team', note: 'staffing arithmetic: monitoring hours a week x seats, less provider hours, / (1,680 productive hours a year / 52); see docs/staffing.md' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'staffing shifts for the hours the SOC promises to watch' },
    ],
    fix: 'Add internal analysts (or FTE), contract a provider for the hours that are open (`hours: off-hours` for nights and weekends), lower `seats`, or set `monitoring` to the hours that are really watched.',
    examples: {
      fails: `version: 1
organization:
  name: Acme
  employees: 640
  soc: in-house
  monitoring: 24x7
  seats: 1
members:
  - id: lena
    name: Lena Fischer
    roles: [ciso, security-manager]
  - id: ana
    name: Ana
    roles: [security-analyst]
    reportsTo: lena
  - id: ben
    name: Ben
    roles: [security-analyst]
    reportsTo: lena
  - id: grace
    name: Grace Kim
    roles:
      - it-operations-manager
      - system-administrator
`,
      passes: `version: 1
organization:
  name: Acme
  employees: 640
  soc: in-house
  monitoring: business-hours
  seats: 1
members:
  - id: lena
    name: Lena Fischer
    roles: [ciso, security-manager]
  - id: ana
    name: Ana
    roles: [security-analyst]
    reportsTo: lena
  - id: ben
    name: Ben
    roles: [security-analyst]
    reportsTo: lena
  - id: grace
    name: Grace Kim
    roles:
      - it-operations-manager
      - system-administrator
`,
    },
  },
  check({ team, coverage, options }) {
    const watchers = alertWatchers(team, coverage);
    // Nobody credited at all is uncovered-responsibility's finding; a declared
    // outsourced or hybrid SOC without a provider is soc-model's.
    if (watchers.internal.length + watchers.providers.length === 0) return [];
    const soc = team.organization.soc;
    if ((soc === 'outsourced' || soc === 'hybrid') && watchers.providers.length === 0) return [];
    // Only off-hours providers and nobody internal: the internal holders of a fallback role carry the working week
    // (engineers for analysts), and are counted; without them, uncovered-responsibility reports the open working week.
    const offHoursOnly = watchers.internal.length === 0 && watchers.providers.every((m) => m.hours === 'off-hours');
    const fallback = offHoursOnly ? weekdayFallback(team, ALERT_MONITORING) : undefined;
    if (offHoursOnly && !fallback) return [];
    const counted = fallback ? { ...watchers, internal: fallback.members } : watchers;

    const s = staffing(team.organization, counted, options.productiveHoursPerYear);
    if (s.shortfallFte < options.tolerance || s.shortfallFte <= 0) return [];

    const businessNeed = (s.window.business - s.covered.business) * s.seats / s.productiveHoursAWeek;
    const { gap, contract } = openHours(s, s.internalFte + options.tolerance > businessNeed);
    const seats = `${s.seats} ${s.seats === 1 ? 'seat' : 'seats'}`;
    // Every figure with its arithmetic: hours a week x seats, less what providers cover, over one FTE's productive hours a week.
    const hours = s.window.business + s.window.off;
    const productive = s.productiveHoursAWeek.toFixed(1);
    const arithmetic =
      s.providerHours > 0
        ? `(${hours} h a week × ${seats} − ${s.providerHours} seat-hours providers cover) ÷ ${productive} productive h a week per FTE`
        : `${hours} h a week × ${seats} ÷ ${productive} productive h a week per FTE`;
    const via = fallback?.role ?? (watchers.entry?.status === 'absorbed' ? watchers.entry.via : undefined);
    const who = via ? `${via} holders` : 'internal analysts';
    const large = team.organization.size === 'large' || team.organization.size === 'enterprise';
    // A small organization that does not say how it watches alerts is told, not warned: few run a SOC of their own.
    const assumed = team.organization.monitoringAssumed === true && team.organization.size === 'small';
    return [
      {
        pointer: '/organization/monitoring',
        anchor: 'key',
        role: 'security-analyst',
        members: [...counted.internal, ...counted.providers].map((m) => m.id),
        ...(large && s.shortfallFte < 1 ? { severity: 'warning' as const } : assumed ? { severity: 'info' as const } : {}),
        staffing: { neededFte: s.neededFte, internalFte: s.internalFte, providerHours: s.providerHours, shortfallFte: s.shortfallFte },
        message: `${assumed ? 'organization.monitoring is not set, so business hours are assumed: ' : ''}${WINDOW_WORDS[team.organization.monitoring]} with ${seats} needs about ${fte(s.neededFte)} FTE (${arithmetic}); ${who} give ${fte(s.internalFte)} and ${gap}: short about ${fte(s.neededFte)} − ${fte(s.internalFte)} = ${fte(s.shortfallFte)} FTE, or ${contract}`,
      },
    ];
  },
};
