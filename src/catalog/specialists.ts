/**
 * Specialist roles: the roles larger security teams staff beyond the seven
 * documented ones. A specialist has no duties of its own; a member holding it
 * is credited with the documented duties listed here (its `covers` can narrow
 * them). No rule expects a specialist by size; `maturity-expectations` may
 * ask for some at a declared maturity.
 *
 * NICE ids are NIST NICE Framework Components v2.0.0 work roles (checked
 * against NIST's components JSON: see src/catalog/nice.ts); ECSF profiles are
 * those of the ENISA European Cybersecurity Skills Framework (2022).
 */
import { findNiceWorkRole } from './nice.js';
import type { Citation, NiceWorkRole, Specialist } from './types.js';

const practice = (note: string): Citation => ({ authority: 'secops-team', note });

function nice(...ids: string[]): NiceWorkRole[] {
  return ids.map((id) => {
    const role = findNiceWorkRole(id);
    if (!role) throw new Error(`${id} is not a NICE v2.0.0 work role`);
    return role;
  });
}

const NO_NICE = (what: string) => `NICE v2.0.0 has no work role for ${what}`;

export const SPECIALISTS: readonly Specialist[] = [
  {
    id: 'threat-hunter',
    title: 'Threat Hunter',
    aliases: ['Cyber Threat Hunter', 'Hunt Analyst'],
    summary: 'Searches the environment for attackers that the alerts missed, from hypotheses about how an intruder would behave, and turns what it finds into investigations.',
    duties: ['security-analyst.incident-response'],
    nice: [],
    niceNote: `${NO_NICE('threat hunting')}; the nearest, Defensive Cybersecurity (PD-WRL-001), is already the Security Analyst's`,
    ecsf: [],
    area: 'security',
    source: practice('a hunting capability is what SOC maturity models ask of a measured SOC (SOC-CMM; MITRE, 11 Strategies, 2022, Strategy 11)'),
  },
  {
    id: 'threat-intelligence-analyst',
    title: 'Threat Intelligence Analyst',
    aliases: ['CTI Analyst', 'Cyber Threat Intelligence Specialist'],
    summary: 'Collects and analyses intelligence on the adversaries and campaigns that matter to the organization, and keeps the team and its leaders informed of the threat landscape.',
    duties: ['ciso.threat-landscape'],
    nice: nice('PD-WRL-006'),
    niceNote: 'Threat Analysis',
    ecsf: ['Cyber Threat Intelligence Specialist'],
    area: 'security',
    source: practice('the threat landscape the CISO must know is what an intelligence function supplies'),
  },
  {
    id: 'incident-responder',
    title: 'Incident Responder',
    aliases: ['DFIR Analyst', 'Digital Forensics and Incident Response', 'CSIRT Member', 'Forensic Analyst'],
    summary: 'Handles confirmed incidents from containment to recovery, collects and examines digital evidence, and keeps the people affected informed.',
    duties: ['security-analyst.incident-response', 'security-analyst.threat-response-plan', 'security-engineer.incident-communication'],
    nice: nice('PD-WRL-003', 'PD-WRL-002'),
    niceNote: 'Incident Response; Digital Forensics',
    ecsf: ['Cyber Incident Responder', 'Digital Forensics Investigator'],
    area: 'security',
    source: practice('digital forensics and incident response (DFIR) as a team of its own in larger SOCs'),
  },
  {
    id: 'detection-engineer',
    title: 'Detection Engineer',
    aliases: ['Detection and Response Engineer', 'SIEM Content Engineer', 'Use Case Engineer'],
    summary: 'Writes, tests and tunes the detections the SOC runs on, and automates the work between the security tools that carry them.',
    duties: ['security-engineer.security-systems', 'security-engineer.tool-automation'],
    nice: [],
    niceNote: `${NO_NICE('detection engineering')}`,
    ecsf: [],
    area: 'security',
    source: practice('detection engineering as its own function in a measured SOC (SOC-CMM; MITRE, 11 Strategies, 2022, Strategy 11)'),
  },
  {
    id: 'vulnerability-analyst',
    title: 'Vulnerability Analyst',
    aliases: ['Vulnerability Management Analyst', 'Vulnerability Assessor'],
    summary: 'Scans and assesses systems for weaknesses, ranks them by risk and follows the fixes through with the owners.',
    duties: ['security-engineer.vulnerability-mitigation', 'security-engineer.evaluation-reports'],
    nice: nice('PD-WRL-007'),
    niceNote: 'Vulnerability Analysis',
    ecsf: [],
    area: 'security',
    source: practice('the hands-on side of the vulnerability management program the Security Manager establishes'),
  },
  {
    id: 'penetration-tester',
    title: 'Penetration Tester',
    aliases: ['Pentester', 'Ethical Hacker', 'Red Team Operator', 'Red Teamer'],
    summary: 'Attacks the organization\'s own systems, with permission, to show which weaknesses can really be exploited; as a red team, plays a whole adversary against the defenders.',
    duties: ['security-engineer.evaluation-reports'],
    nice: nice('PD-WRL-007'),
    niceNote: `Vulnerability Analysis, which covers penetration testing; ${NO_NICE('red teams')}`,
    ecsf: ['Penetration Tester'],
    area: 'security',
    source: practice('offensive testing as an evaluation of the security systems'),
  },
  {
    id: 'grc-analyst',
    title: 'GRC Analyst',
    aliases: ['Governance, Risk and Compliance Analyst', 'GRC Lead', 'Compliance Analyst', 'Security Risk Analyst'],
    summary: 'Keeps the security policies, risk register and compliance obligations up to date, prepares audits and tracks the controls that answer them.',
    duties: ['ciso.compliance', 'security-analyst.security-training'],
    nice: nice('OG-WRL-002', 'OG-WRL-012'),
    niceNote: 'Cybersecurity Policy and Planning; Security Control Assessment',
    ecsf: ['Cyber Legal, Policy and Compliance Officer', 'Cybersecurity Risk Manager'],
    area: 'security',
    source: practice('governance, risk and compliance work delegated from the CISO\'s compliance oversight, with awareness training'),
  },
  {
    id: 'application-security-engineer',
    title: 'Application Security Engineer',
    aliases: ['AppSec Engineer', 'Product Security Engineer', 'PSIRT Engineer', 'DevSecOps Engineer'],
    summary: 'Secures the software the organization builds or ships: design reviews, code and dependency scanning, and the answer to vulnerabilities reported in its products (PSIRT).',
    duties: ['security-engineer.vulnerability-mitigation', 'security-engineer.evaluation-reports'],
    nice: nice('DD-WRL-003', 'DD-WRL-005'),
    niceNote: 'Secure Software Development; Software Security Assessment',
    ecsf: [],
    area: 'security',
    source: practice('application and product security as an engineering specialty'),
  },
  {
    id: 'cloud-security-engineer',
    title: 'Cloud Security Engineer',
    aliases: ['Cloud Security Architect', 'CSPM Engineer'],
    summary: 'Builds and runs the security controls of the organization\'s cloud platforms: identity, network, configuration and logging there.',
    duties: ['security-engineer.security-systems', 'security-engineer.infrastructure-troubleshooting', 'security-engineer.vulnerability-mitigation'],
    nice: [],
    niceNote: `${NO_NICE('cloud security')}`,
    ecsf: ['Cybersecurity Implementer'],
    area: 'security',
    source: practice('the Security Engineer\'s systems work, on cloud platforms'),
  },
  {
    id: 'ot-security-engineer',
    title: 'OT Security Engineer',
    aliases: ['ICS Security Engineer', 'Industrial Cybersecurity Engineer'],
    summary: 'Protects operational technology (industrial control systems, plants, devices), where safety and uptime come before patching.',
    duties: ['security-engineer.security-systems', 'security-engineer.vulnerability-mitigation'],
    nice: nice('DD-WRL-009'),
    niceNote: 'Operational Technology (OT) Cybersecurity Engineering',
    ecsf: ['Cybersecurity Implementer'],
    area: 'security',
    source: practice('the Security Engineer\'s systems work, on operational technology'),
  },
  {
    id: 'iam-engineer',
    title: 'IAM Engineer',
    aliases: ['Identity and Access Management Engineer', 'Identity Engineer', 'PAM Engineer'],
    summary: 'Runs identity and access management: directories, single sign-on, multi-factor authentication, privileged access and access reviews.',
    duties: ['security-engineer.security-systems', 'security-analyst.security-measures'],
    nice: [],
    niceNote: `${NO_NICE('identity and access management')}`,
    ecsf: [],
    area: 'security',
    source: practice('identity systems and access measures as an engineering specialty'),
  },
  {
    id: 'privacy-officer',
    title: 'Privacy Officer',
    aliases: ['Data Protection Officer', 'DPO', 'Chief Privacy Officer'],
    summary: 'Oversees the handling of personal data and the organization\'s privacy obligations, and advises on them.',
    duties: ['ciso.compliance'],
    nice: nice('OG-WRL-008'),
    niceNote: 'Privacy Compliance',
    ecsf: ['Cyber Legal, Policy and Compliance Officer'],
    area: 'security',
    source: practice('privacy obligations are among the compliance obligations the CISO oversees'),
  },
];
