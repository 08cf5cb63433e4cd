import { isExternal } from '../model/team.js';
import type { Rule } from './types.js';

/** Hours in a week, over a working week: people per continuously staffed seat. */
export const SEAT_HOURS = 168;
export const WORK_WEEK = 40;
export const FTE_FOR_24X7 = 5;

export const monitoringStaffing: Rule = {
  id: 'monitoring-staffing',
  configurable: true,
  stage: 'team',
  severity: { small: 'warning', medium: 'warning', large: 'error', enterprise: 'error' },
  docs: {
    summary: '24x7 monitoring with fewer than 5 FTE of internal security analysts and no external provider.',
    rationale:
      'One seat watched around the clock takes 168 hours a week; at about 40 working hours per person that is 4.2 people before leave, and about 5 once leave and training are counted. With fewer analysts, "24x7" means nights and weekends nobody is watching.',
    authority: [
      { authority: 'staffing arithmetic', note: '168 hours a week / 40 = 4.2 people per continuously staffed seat before leave; about 5 with leave and training' },
      { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'SOC staffing and shift coverage' },
    ],
    fix: 'Staff at least 5 FTE of security analysts, add an external provider holding security-analyst (an MSSP for nights and weekends), or set `monitoring: business-hours` if that is the truth.',
  },
  check({ team }) {
    if (team.organization.monitoring !== '24x7') return [];
    const analysts = team.members.filter((m) => m.roles.includes('security-analyst'));
    if (analysts.some(isExternal)) return [];
    const fte = analysts.reduce((sum, m) => sum + m.fte, 0);
    if (fte >= FTE_FOR_24X7) return [];
    const perSeat = (SEAT_HOURS / WORK_WEEK).toFixed(1);
    const shown = Number.isInteger(fte) ? String(fte) : fte.toFixed(1);
    return [
      {
        pointer: '/organization/monitoring',
        role: 'security-analyst',
        members: analysts.map((m) => m.id),
        message: `monitoring is 24x7 but the team has ${shown} FTE of internal security analysts and no external provider: ${SEAT_HOURS} hours a week / ${WORK_WEEK} working hours = ${perSeat} people per continuously staffed seat before leave, about ${FTE_FOR_24X7} with leave and training`,
      },
    ];
  },
};
