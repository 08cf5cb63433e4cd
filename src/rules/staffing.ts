/**
 * The staffing arithmetic that monitoring-staffing, soc-model and
 * out-of-hours share (docs/staffing.md explains it with a worked example).
 * Monitoring hours a week x seats, less the seat-hours providers cover within
 * them, over the productive hours a week of one FTE, is the internal FTE the
 * monitoring needs.
 */
import type { CoverageEntry, StaffingFigures } from '../findings.js';
import { findResponsibility } from '../catalog/index.js';
import { takesOver } from '../coverage/coverage.js';
import { holders, isExternal, type Member, type Monitoring, type Organization, type ProviderHours, type Team } from '../model/team.js';
import type { RuleOption } from './types.js';
import { carriersOf } from './util.js';

export const ALERT_MONITORING = 'security-analyst.alert-monitoring';
export const INCIDENT_RESPONSE = 'security-analyst.incident-response';
export const HOURS_A_WEEK = 168;
export const BUSINESS_HOURS_A_WEEK = 40;
export const WEEKS_A_YEAR = 52;

/** Hours a week each monitoring setting asks to be watched. */
export const MONITORING_HOURS: Readonly<Record<Monitoring, number>> = { 'business-hours': 40, extended: 84, '24x7': 168 };

/** Options every rule that does the arithmetic reads. */
export const PRODUCTIVE_HOURS_OPTION: RuleOption = {
  description: 'Productive hours a year of one FTE, after leave, training and sickness (default 1,680: about 32.3 a week).',
  type: 'number',
  default: 1680,
  minimum: 100,
  maximum: 8760,
};

/** Hours a week within the monitoring window, split at the edge of business hours. */
export interface HoursSplit {
  business: number;
  off: number;
}

/** The monitoring window: business hours are always inside it; `extended` adds 44 off-hours, `24x7` all 128. */
export function monitoringWindow(monitoring: Monitoring): HoursSplit {
  return { business: BUSINESS_HOURS_A_WEEK, off: MONITORING_HOURS[monitoring] - BUSINESS_HOURS_A_WEEK };
}

/**
 * The hours of the monitoring window a provider covers at every seat. Without
 * `hours`, it is taken to cover the whole window. This is the figure other
 * rules read when they count a provider only for the hours it covers.
 */
export function providerHoursInWindow(hours: ProviderHours | undefined, monitoring: Monitoring): HoursSplit {
  const window = monitoringWindow(monitoring);
  switch (hours) {
    case 'business-hours':
      return { business: window.business, off: 0 };
    case 'off-hours':
      return { business: 0, off: window.off };
    default:
      return window;
  }
}

/** Members credited with alert monitoring by the coverage: internal watchers and providers. */
export interface Watchers {
  entry: CoverageEntry | undefined;
  internal: Member[];
  providers: Member[];
}

export function alertWatchers(team: Team, coverage: readonly CoverageEntry[]): Watchers {
  const credited = carriersOf(team, coverage, ALERT_MONITORING);
  return {
    entry: coverage.find((e) => e.responsibility === ALERT_MONITORING),
    internal: credited.filter((m) => !isExternal(m)),
    providers: credited.filter(isExternal),
  };
}

/** A person's share of monitoring: their FTE split evenly across the roles they hold. */
export function monitoringShare(member: Member): number {
  return member.fte / Math.max(1, member.roles.length);
}

const tenth = (value: number) => Math.round(value * 10) / 10;

export interface Staffing extends StaffingFigures {
  window: HoursSplit;
  /** Hours of the window, per seat, that at least one provider covers. */
  covered: HoursSplit;
  seats: number;
  productiveHoursAWeek: number;
}

/** The arithmetic for one team; FTE rounded to a tenth, the shortfall from the rounded figures. */
export function staffing(organization: Organization, watchers: Pick<Watchers, 'internal' | 'providers'>, productiveHoursPerYear: number): Staffing {
  const window = monitoringWindow(organization.monitoring);
  const covered: HoursSplit = { business: 0, off: 0 };
  for (const provider of watchers.providers) {
    const hours = providerHoursInWindow(provider.hours, organization.monitoring);
    covered.business = Math.max(covered.business, hours.business);
    covered.off = Math.max(covered.off, hours.off);
  }
  const seats = organization.seats;
  const productiveHoursAWeek = productiveHoursPerYear / WEEKS_A_YEAR;
  const providerHours = (covered.business + covered.off) * seats;
  const openSeatHours = (window.business + window.off) * seats - providerHours;
  const neededFte = tenth(openSeatHours / productiveHoursAWeek);
  const internalFte = tenth(watchers.internal.reduce((sum, m) => sum + monitoringShare(m), 0));
  return { window, covered, seats, productiveHoursAWeek, neededFte, internalFte, providerHours, shortfallFte: tenth(neededFte - internalFte) };
}

/** An FTE figure as the messages write it: always one decimal. */
export function fte(value: number): string {
  return value.toFixed(1);
}

/**
 * Where only providers that work off-hours are credited with a duty, the internal holders of its first fallback role
 * (applicable at the team's size) that would take it over: they carry the working week, as they would carry the whole
 * duty without the provider. Empty when there are none.
 */
export function weekdayFallback(team: Team, duty: string): { role: string; members: Member[] } | undefined {
  const size = team.organization.size;
  for (const fallback of findResponsibility(duty)?.fallbacks ?? []) {
    if (fallback.sizes !== undefined && !fallback.sizes.includes(size)) continue;
    const members = holders(team, fallback.role).filter((m) => takesOver(m, team));
    if (members.length > 0) return { role: fallback.role, members };
  }
  return undefined;
}
