/**
 * The work roles of the NIST NICE Framework Components v2.0.0 (March 2025):
 * 41 roles in five categories (OG oversight and governance, DD design and
 * development, IO implementation and operation, PD protection and defense,
 * IN investigation). Used to check `nice:` in a team file's own roles and
 * listed by `secops-team roles --nice`.
 *
 * Source: NIST, NICE Framework Components v2.0.0, the components JSON
 * published with NIST SP 800-181 Rev. 1 (https://niccs.cisa.gov/workforce-development/nice-framework).
 * Names as NIST writes them; ids are NIST's.
 */
import type { NiceWorkRole } from './types.js';

export const NICE_EDITION = 'NIST NICE Framework Components v2.0.0 (March 2025)';

export const NICE_WORK_ROLES: readonly NiceWorkRole[] = [
  { id: 'OG-WRL-001', name: 'Communications Security (COMSEC) Management' },
  { id: 'OG-WRL-002', name: 'Cybersecurity Policy and Planning' },
  { id: 'OG-WRL-003', name: 'Cybersecurity Workforce Management' },
  { id: 'OG-WRL-004', name: 'Cybersecurity Curriculum Development' },
  { id: 'OG-WRL-005', name: 'Cybersecurity Instruction' },
  { id: 'OG-WRL-006', name: 'Cybersecurity Legal Advice' },
  { id: 'OG-WRL-007', name: 'Executive Cybersecurity Leadership' },
  { id: 'OG-WRL-008', name: 'Privacy Compliance' },
  { id: 'OG-WRL-009', name: 'Product Support Management' },
  { id: 'OG-WRL-010', name: 'Program Management' },
  { id: 'OG-WRL-011', name: 'Secure Project Management' },
  { id: 'OG-WRL-012', name: 'Security Control Assessment' },
  { id: 'OG-WRL-013', name: 'Systems Authorization' },
  { id: 'OG-WRL-014', name: 'Systems Security Management' },
  { id: 'OG-WRL-015', name: 'Technology Portfolio Management' },
  { id: 'OG-WRL-016', name: 'Technology Program Auditing' },
  { id: 'DD-WRL-001', name: 'Cybersecurity Architecture' },
  { id: 'DD-WRL-002', name: 'Enterprise Architecture' },
  { id: 'DD-WRL-003', name: 'Secure Software Development' },
  { id: 'DD-WRL-004', name: 'Secure Systems Development' },
  { id: 'DD-WRL-005', name: 'Software Security Assessment' },
  { id: 'DD-WRL-006', name: 'Systems Requirements Planning' },
  { id: 'DD-WRL-007', name: 'Systems Testing and Evaluation' },
  { id: 'DD-WRL-008', name: 'Technology Research and Development' },
  { id: 'DD-WRL-009', name: 'Operational Technology (OT) Cybersecurity Engineering' },
  { id: 'IO-WRL-001', name: 'Data Analysis' },
  { id: 'IO-WRL-002', name: 'Database Administration' },
  { id: 'IO-WRL-003', name: 'Knowledge Management' },
  { id: 'IO-WRL-004', name: 'Network Operations' },
  { id: 'IO-WRL-005', name: 'Systems Administration' },
  { id: 'IO-WRL-006', name: 'Systems Security Analysis' },
  { id: 'IO-WRL-007', name: 'Technical Support' },
  { id: 'PD-WRL-001', name: 'Defensive Cybersecurity' },
  { id: 'PD-WRL-002', name: 'Digital Forensics' },
  { id: 'PD-WRL-003', name: 'Incident Response' },
  { id: 'PD-WRL-004', name: 'Infrastructure Support' },
  { id: 'PD-WRL-005', name: 'Insider Threat Analysis' },
  { id: 'PD-WRL-006', name: 'Threat Analysis' },
  { id: 'PD-WRL-007', name: 'Vulnerability Analysis' },
  { id: 'IN-WRL-001', name: 'Cybercrime Investigation' },
  { id: 'IN-WRL-002', name: 'Digital Evidence Analysis' },
];

const byId = new Map(NICE_WORK_ROLES.map((r) => [r.id, r]));

export function findNiceWorkRole(id: string): NiceWorkRole | undefined {
  return byId.get(id);
}
