/**
 * What a team that declares its maturity (`organization.maturity`) is expected
 * to have, by size: secops-team's own defaults. The scale is the 0-5 CMMI
 * scale that SOC-CMM uses; the capabilities are those no other rule checks
 * (tiering, the incident plan and deputies have their own rules).
 *
 * One number simplifies: SOC-CMM scores maturity per domain and capability,
 * not for a whole SOC, and NIST CSF 2.0 tiers describe how risk is governed,
 * not maturity levels. The table reads the single number as "the level the
 * team claims for its operations as a whole".
 */
import type { Severity } from '../findings.js';
import type { Citation, Size, SpecialistId } from './types.js';

export const MATURITY_LEVELS: readonly { level: number; name: string }[] = [
  { level: 0, name: 'none' },
  { level: 1, name: 'initial' },
  { level: 2, name: 'managed' },
  { level: 3, name: 'defined' },
  { level: 4, name: 'quantitatively managed' },
  { level: 5, name: 'optimizing' },
];

export const MAX_MATURITY = 5;

export function maturityName(level: number): string {
  return MATURITY_LEVELS.find((l) => l.level === level)?.name ?? String(level);
}

/** How a capability is met. */
export type CapabilityTest =
  /** A member holds one of these specialist roles (`internal`: a member of staff, not a provider). */
  | { kind: 'specialist'; anyOf: readonly SpecialistId[]; internal: boolean }
  /** A documented duty is covered by a member of staff (not absorbed, not only external). */
  | { kind: 'duty'; responsibility: string };

export interface MaturityExpectation {
  /** Stable id of the capability, in findings and docs. */
  id: string;
  /** The capability, in a few words. */
  label: string;
  /** From which declared maturity level it is expected. */
  from: number;
  /** Severity of its absence by size; a size left out is not checked. */
  severity: Readonly<Partial<Record<Size, Severity>>>;
  test: CapabilityTest;
  /** The role a finding names: who would carry the capability. */
  role: string;
  /** What a finding asks for, after "add ". */
  fix: string;
  reason: string;
}

export const MATURITY_AUTHORITIES: readonly Citation[] = [
  { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'Strategy 10, measure performance to improve performance; Strategy 11, turn up the volume by expanding SOC functionality (threat hunting, threat intelligence, detection engineering)' },
  { authority: 'SOC-CMM (Rob van Os), 2016 and later versions', note: 'scores SOC capability and maturity per domain on the CMMI scale, 0 to 5' },
  { authority: 'NIST CSF 2.0 (2024)', note: 'tiers 1 to 4 characterize how cybersecurity risk is governed and managed; they are not maturity levels, and the tool does not read them as such' },
];

export const MATURITY_EXPECTATIONS: readonly MaturityExpectation[] = [
  {
    id: 'threat-hunting-or-intelligence',
    label: 'a threat-hunting or threat-intelligence capability',
    from: 3,
    severity: { large: 'info', enterprise: 'warning' },
    test: { kind: 'specialist', anyOf: ['threat-hunter', 'threat-intelligence-analyst'], internal: false },
    role: 'threat-hunter',
    fix: 'a member (or a provider) holding threat-hunter or threat-intelligence-analyst',
    reason: 'a defined SOC of this size looks for threats beyond its alerts (MITRE 2022, Strategy 11)',
  },
  {
    id: 'threat-hunting',
    label: 'threat hunting held by a named member of staff',
    from: 4,
    severity: { medium: 'info', large: 'warning', enterprise: 'warning' },
    test: { kind: 'specialist', anyOf: ['threat-hunter'], internal: true },
    role: 'threat-hunter',
    fix: 'a member of staff holding threat-hunter',
    reason: 'a quantitatively managed SOC hunts on purpose, with people who own it',
  },
  {
    id: 'detection-engineering',
    label: 'detection engineering held by a named member of staff',
    from: 4,
    severity: { medium: 'info', large: 'warning', enterprise: 'warning' },
    test: { kind: 'specialist', anyOf: ['detection-engineer'], internal: true },
    role: 'detection-engineer',
    fix: 'a member of staff holding detection-engineer',
    reason: 'measured detection needs people who write, test and tune the detections',
  },
  {
    id: 'performance-measurement',
    label: 'the SOC\'s performance measured and improved by its manager',
    from: 4,
    severity: { large: 'warning', enterprise: 'warning' },
    test: { kind: 'duty', responsibility: 'security-manager.automation-optimization' },
    role: 'security-manager',
    fix: 'a Security Manager of staff credited with security-manager.automation-optimization (analysing and optimising security operations)',
    reason: 'level 4 is "quantitatively managed": somebody measures the SOC (MITRE 2022, Strategy 10)',
  },
  {
    id: 'threat-intelligence',
    label: 'a threat-intelligence capability',
    from: 5,
    severity: { large: 'info', enterprise: 'warning' },
    test: { kind: 'specialist', anyOf: ['threat-intelligence-analyst'], internal: false },
    role: 'threat-intelligence-analyst',
    fix: 'a member (or a provider) holding threat-intelligence-analyst',
    reason: 'an optimizing SOC steers its improvement by the threats it faces (MITRE 2022, Strategy 11)',
  },
];

/** An enterprise declaring this maturity or less gets one info that its maturity lags its size. */
export const MATURITY_LAG = { size: 'enterprise' as Size, atMost: 1, severity: 'info' as Severity };
