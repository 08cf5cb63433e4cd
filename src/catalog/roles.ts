/**
 * The documented SecOps roles and their responsibilities. Ids are a public
 * contract (users write them in team files and CI settings): never rename one.
 *
 * Sources: the seed article "SecOps roles and responsibilities for your SecOps
 * team" (cited as `seed`), NIST NICE Framework Components v2.0.0, the ENISA
 * European Cybersecurity Skills Framework (ECSF) and MITRE's "11 Strategies of
 * a World-Class Cybersecurity Operations Center" (2022).
 */
import type { Citation, Fallback, Responsibility, Role, RoleId, Size } from './types.js';

const seed = (section: string): Citation => ({ authority: 'seed', note: `SecOps roles article, section "${section}"` });
const inference = (note: string): Citation => ({ authority: 'inference', note });

interface DutyInput {
  duty: string;
  title: string;
  summary: string;
  fallbacks?: readonly Fallback[];
  socProvider?: boolean;
}

function duties(role: RoleId, source: Citation, defaults: readonly Fallback[], list: readonly DutyInput[]): Responsibility[] {
  return list.map((d) => ({
    id: `${role}.${d.duty}`,
    role,
    title: d.title,
    summary: d.summary,
    fallbacks: d.fallbacks ?? defaults,
    ...(d.socProvider ? { socProvider: true } : {}),
    source,
  }));
}

const SMALL: readonly Size[] = ['small'];

const cisoFallbacks: readonly Fallback[] = [{ role: 'cio' }, { role: 'security-manager' }];
const managerFallbacks: readonly Fallback[] = [{ role: 'ciso' }, { role: 'cio', sizes: SMALL }];
const itOpsFallbacks: readonly Fallback[] = [{ role: 'cio' }, { role: 'system-administrator', sizes: SMALL }];
const sysadminFallbacks: readonly Fallback[] = [{ role: 'system-analyst' }, { role: 'it-operations-manager' }];

export const ROLES: readonly Role[] = [
  {
    id: 'ciso',
    title: 'Chief Information Security Officer',
    aliases: ['CISO'],
    summary: 'Owns the security posture of the whole organization: strategy, policy, compliance and the voice of security at executive level.',
    nice: [{ id: 'OG-WRL-007', name: 'Executive Cybersecurity Leadership' }],
    ecsf: ['Chief Information Security Officer (CISO)'],
    fallbackNote: 'Without a CISO the CIO takes these duties; without either, the Security Manager does.',
    source: seed('Chief Information Security Officer (CISO)'),
    responsibilities: duties('ciso', seed('Chief Information Security Officer (CISO)'), cisoFallbacks, [
      { duty: 'strategy', title: 'Security strategy', summary: 'Sets the security strategy and the policies and procedures that protect infrastructure and data.' },
      { duty: 'executive-reporting', title: 'Executive reporting', summary: 'Speaks for security to the C-suite: its interests, activities and needs.' },
      { duty: 'compliance', title: 'Compliance oversight', summary: 'Oversees compliance obligations and the extra policies they call for.' },
      { duty: 'prevention-detection-response', title: 'Prevention, detection and response', summary: 'Makes sure the strategy prevents incidents as well as detecting and answering them.' },
      { duty: 'threat-landscape', title: 'Threat landscape', summary: 'Knows the threats the organization faces in depth and keeps that knowledge current.' },
    ]),
  },
  {
    id: 'cio',
    title: 'Chief Information Officer',
    aliases: ['CIO'],
    summary: 'The executive over information technology; may define the security position where there is no CISO.',
    nice: [],
    ecsf: [],
    fallbackNote: 'The CIO has no duties of its own in this catalog; it takes over the CISO\'s duties, and in small organizations the Security Manager\'s and IT Operations Manager\'s.',
    source: seed('Chief Information Security Officer (CISO)'),
    responsibilities: [],
  },
  {
    id: 'security-manager',
    title: 'Security Manager',
    aliases: ['Security Director', 'SecOps Lead', 'SOC Manager'],
    summary: 'Leads the security team or SOC day to day: people, processes, tools and the incident response plan.',
    nice: [{ id: 'OG-WRL-014', name: 'Systems Security Management' }],
    ecsf: [],
    fallbackNote: 'Without a Security Manager the CISO takes these duties; in small organizations the CIO may instead.',
    source: seed('Security Manager'),
    responsibilities: duties('security-manager', seed('Security Manager'), managerFallbacks, [
      { duty: 'soc-oversight', title: 'SOC oversight', summary: 'Runs the SOC, or the security team where there is no dedicated SOC.' },
      { duty: 'vision', title: 'Team vision', summary: 'Sets the direction for hiring, the technology stack and security processes.' },
      { duty: 'incident-response-plan', title: 'Incident response plan', summary: 'Establishes and maintains the incident response plan.' },
      { duty: 'vulnerability-management', title: 'Vulnerability management', summary: 'Establishes the vulnerability management program.' },
      { duty: 'hiring', title: 'Hiring', summary: 'Hires the security staff the team needs.' },
      { duty: 'report-to-ciso', title: 'Reporting to the CISO', summary: 'Tells the CISO what security and technology the team needs.' },
      { duty: 'automation-optimization', title: 'Automation and orchestration', summary: 'Analyses and improves orchestration and automation in security operations.' },
    ]),
  },
  {
    id: 'security-engineer',
    title: 'Security Engineer',
    aliases: ['Security Architect', 'Security Device Engineer', 'SIEM Engineer', 'Endpoint Security Engineer'],
    summary: 'Designs, builds and runs the security systems and architecture, and documents how they work.',
    nice: [
      { id: 'PD-WRL-004', name: 'Infrastructure Support' },
      { id: 'DD-WRL-001', name: 'Cybersecurity Architecture' },
    ],
    ecsf: ['Cybersecurity Implementer', 'Cybersecurity Architect'],
    fallbackNote: 'Partly absorbed: security analysts take security systems and vulnerability mitigation, system administrators take infrastructure troubleshooting; the rest stays open.',
    source: seed('Security Engineer'),
    responsibilities: duties('security-engineer', seed('Security Engineer'), [], [
      { duty: 'security-systems', title: 'Security systems', summary: 'Creates, implements and monitors the security systems.', fallbacks: [{ role: 'security-analyst' }] },
      { duty: 'tool-automation', title: 'Tool automation', summary: 'Builds orchestration and automation between security tools.' },
      { duty: 'infrastructure-troubleshooting', title: 'Infrastructure troubleshooting', summary: 'Troubleshoots the infrastructure the security systems run on.', fallbacks: [{ role: 'system-administrator' }] },
      { duty: 'vulnerability-mitigation', title: 'Vulnerability mitigation', summary: 'Develops ways to mitigate security vulnerabilities.', fallbacks: [{ role: 'security-analyst' }] },
      { duty: 'incident-communication', title: 'Incident communication', summary: 'Keeps the team and the right staff informed about security incidents.' },
      { duty: 'evaluation-reports', title: 'Evaluations and recommendations', summary: 'Reports on evaluations and recommends improvements.' },
      { duty: 'system-documentation', title: 'System documentation', summary: 'Documents the protocols and procedures of the security systems built.' },
    ]),
  },
  {
    id: 'security-analyst',
    title: 'Security Analyst',
    aliases: ['SOC Analyst', 'Tier 1 Analyst', 'Tier 2 Analyst', 'Tier 3 Analyst'],
    summary: 'Detects, investigates and responds to security incidents, and helps choose and put in place preventive measures; often organized in tiers.',
    nice: [
      { id: 'PD-WRL-001', name: 'Defensive Cybersecurity' },
      { id: 'PD-WRL-003', name: 'Incident Response' },
    ],
    ecsf: ['Cyber Incident Responder'],
    fallbackNote: 'Partly absorbed: security engineers take alert monitoring and incident response; an outsourced or hybrid SOC carries monitoring and response; the rest stays open.',
    source: seed('Security Analyst'),
    responsibilities: duties('security-analyst', seed('Security Analyst'), [], [
      { duty: 'preventive-measures', title: 'Preventive measures', summary: 'Plans preventive measures and procedures.' },
      { duty: 'threat-response-plan', title: 'Threat response plan', summary: 'Plans how the team responds to threats.' },
      { duty: 'security-measures', title: 'Security measures', summary: 'Establishes and implements security measures.' },
      { duty: 'alert-monitoring', title: 'Alert monitoring', summary: 'Watches and triages security alerts.', fallbacks: [{ role: 'security-engineer' }], socProvider: true },
      { duty: 'incident-response', title: 'Incident response', summary: 'Investigates and responds to security incidents, from malware to breaches.', fallbacks: [{ role: 'security-engineer' }], socProvider: true },
      { duty: 'security-training', title: 'Security training', summary: 'Trains staff on information and network security procedures.' },
      { duty: 'disaster-recovery', title: 'Disaster recovery plans', summary: 'Creates disaster recovery plans.' },
    ]),
  },
  {
    id: 'it-operations-manager',
    title: 'IT Operations Manager',
    aliases: ['IT Ops Manager', 'Head of IT Operations'],
    summary: 'Runs the IT department day to day: technicians, monitoring of systems, maintenance, continuity and vendors.',
    nice: [],
    ecsf: [],
    fallbackNote: 'Without an IT Operations Manager the CIO takes these duties; in small organizations the system administrator may instead.',
    source: seed('IT Operations Manager'),
    responsibilities: duties('it-operations-manager', seed('IT Operations Manager'), itOpsFallbacks, [
      { duty: 'lead-technicians', title: 'Lead technicians', summary: 'Manages and guides the IT technicians.' },
      { duty: 'systems-monitoring', title: 'Systems monitoring', summary: 'Monitors networks, servers and error logs for performance problems and irregularities.' },
      { duty: 'procedures', title: 'Procedures and policies', summary: 'Develops the department\'s procedures and policies.' },
      { duty: 'installations-upgrades', title: 'Installations and upgrades', summary: 'Oversees installations and upgrades.' },
      { duty: 'vendor-contracts', title: 'Vendor contracts', summary: 'Negotiates contracts with vendors.' },
      { duty: 'help-desk-escalations', title: 'Help desk escalations', summary: 'Resolves issues escalated from the help desk.' },
      { duty: 'continuity', title: 'Continuity', summary: 'Schedules workloads, restores systems after outages and keeps data backed up.' },
    ]),
  },
  {
    id: 'system-administrator',
    title: 'System Administrator',
    aliases: ['Sysadmin'],
    summary: 'Installs, configures and maintains servers and computer systems so that they run reliably.',
    nice: [{ id: 'IO-WRL-005', name: 'Systems Administration' }],
    ecsf: [],
    fallbackNote: 'Without a system administrator the system analyst takes these duties, then the IT Operations Manager.',
    source: seed('System Administrator'),
    responsibilities: duties('system-administrator', { authority: 'seed', note: 'SecOps roles article, section "System Administrator"; fallbacks inferred from the overlap of installing, maintaining and troubleshooting systems' }, sysadminFallbacks, [
      { duty: 'install-update', title: 'Install and update', summary: 'Installs and updates hardware and software.' },
      { duty: 'configure-systems', title: 'Configure systems', summary: 'Maintains and configures network servers and computer systems.' },
      { duty: 'automation', title: 'Automation', summary: 'Brings automated procedures and processes into operations.' },
      { duty: 'diagnostics', title: 'Diagnostics', summary: 'Runs diagnostics and troubleshoots errors.' },
      { duty: 'help-desk', title: 'Help desk', summary: 'Leads the help desk.' },
      { duty: 'training-documentation', title: 'Training and documentation', summary: 'Trains staff on new IT infrastructure and documents it.' },
    ]),
  },
  {
    id: 'system-analyst',
    title: 'System Analyst',
    aliases: ['Systems Analyst'],
    summary: 'Studies how IT systems serve the organization, researches new technology and keeps systems reviewed and backed up.',
    nice: [{ id: 'IO-WRL-006', name: 'Systems Security Analysis' }],
    ecsf: [],
    fallbackNote: 'Partly absorbed: the system administrator takes systems care and back-ups, the IT Operations Manager takes technology research.',
    source: seed('System Analysts'),
    responsibilities: duties('system-analyst', seed('System Analysts'), [], [
      { duty: 'systems-care', title: 'Systems care', summary: 'Installs, maintains and troubleshoots information systems.', fallbacks: [{ role: 'system-administrator' }] },
      { duty: 'technology-research', title: 'Technology research', summary: 'Researches new technology and recommends it with its costs and benefits.', fallbacks: [{ role: 'it-operations-manager' }] },
      { duty: 'automation-analysis', title: 'Automation analysis', summary: 'Monitors current systems and analyses their automation.' },
      { duty: 'backup-review', title: 'Review and back-up', summary: 'Reviews and backs up systems regularly.', fallbacks: [{ role: 'system-administrator' }] },
    ]),
  },
];

/** Fallbacks whose source is an inference rather than the seed's own words. */
export const FALLBACK_SOURCES: Readonly<Record<RoleId, Citation>> = {
  ciso: { authority: 'seed', note: 'the CISO "or the more general CIO"; without a designated CISO the Security Manager carries its responsibilities' },
  cio: { authority: 'seed', note: 'the CIO is named as the alternative owner of the security position' },
  'security-manager': inference('from the seed\'s "if your company doesn\'t have a dedicated SOC" and MITRE\'s lead functions taken "as an additional duty" in small SOCs'),
  'security-engineer': inference('partial: analysts share measures and mitigation, administrators share infrastructure troubleshooting'),
  'security-analyst': inference('partial: engineers share monitoring and incident handling; an MSSP may carry monitoring and response'),
  'it-operations-manager': inference('the CIO oversees IT operations; in small organizations the system administrator runs them'),
  'system-administrator': inference('overlap of installing, maintaining and troubleshooting systems'),
  'system-analyst': inference('overlap: administrators care for and back up systems, IT operations researches technology'),
};
