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
  fallbackSource?: Citation;
  lapsesWithoutHolder?: string;
  /** [size, reason]: from which size the duty is expected, and why. */
  expected: readonly [Size, string];
  /** [credited?, reason]: whether a provider holding the role is credited by default. */
  provider: readonly [boolean, string];
  critical?: boolean;
}

interface RoleDefaults {
  source: Citation;
  fallbacks: readonly Fallback[];
  fallbackSource: Citation;
}

function duties(role: RoleId, defaults: RoleDefaults, list: readonly DutyInput[]): Responsibility[] {
  return list.map((d) => ({
    id: `${role}.${d.duty}`,
    role,
    title: d.title,
    summary: d.summary,
    fallbacks: d.fallbacks ?? defaults.fallbacks,
    fallbackSource: d.fallbackSource ?? defaults.fallbackSource,
    ...(d.lapsesWithoutHolder !== undefined ? { lapsesWithoutHolder: d.lapsesWithoutHolder } : {}),
    expectedFrom: d.expected[0],
    expectedReason: d.expected[1],
    providerDefault: d.provider[0],
    providerReason: d.provider[1],
    ...(d.critical ? { critical: true } : {}),
    source: defaults.source,
  }));
}

const SMALL: readonly Size[] = ['small'];

// Without a CISO: with both a CIO and a Security Manager, the CIO keeps the
// executive duties and the Security Manager the operational ones; with only
// one of them, that one takes all five (the order below does both).
const CISO_SOURCE: Citation = {
  authority: 'seed',
  note: 'the CISO "or the more general CIO" defines the security position; without a designated CISO the security manager carries its responsibilities. The split between the two is secops-team\'s inference: the operational duties sit with the operational lead',
};
const cisoExecutive: readonly Fallback[] = [{ role: 'cio' }, { role: 'security-manager' }];
const cisoOperational: readonly Fallback[] = [{ role: 'security-manager' }, { role: 'cio' }];
const managerFallbacks: readonly Fallback[] = [{ role: 'ciso' }, { role: 'cio', sizes: SMALL }];
const securityLead: readonly Fallback[] = [{ role: 'security-manager' }, { role: 'ciso' }, { role: 'cio' }];
const itOpsFallbacks: readonly Fallback[] = [{ role: 'cio' }, { role: 'system-administrator', sizes: SMALL }];
const sysadminFallbacks: readonly Fallback[] = [{ role: 'system-analyst' }, { role: 'it-operations-manager' }];

const BOUGHT = 'commonly bought as a service';
const OWN = 'stays with the organization unless the contract says otherwise (list it in `covers`)';
const VCISO = 'a virtual CISO\'s core duty; NYDFS 23 NYCRR 500.4(a) allows a third party\'s CISO overseen by senior internal staff';
const EVERYONE = 'every organization, however small, needs it';

export const ROLES: readonly Role[] = [
  {
    id: 'ciso',
    title: 'Chief Information Security Officer',
    aliases: ['CISO'],
    summary: 'Owns the security posture of the whole organization: strategy, policy, compliance and the voice of security at executive level.',
    nice: [{ id: 'OG-WRL-007', name: 'Executive Cybersecurity Leadership' }],
    ecsf: ['Chief Information Security Officer (CISO)'],
    fallbackNote: 'Without a CISO, a CIO and a Security Manager share the duties (the CIO strategy, executive reporting and compliance; the Security Manager prevention, detection and response and the threat landscape); either one alone takes all five.',
    area: 'security',
    expectedRole: {
      from: 'large',
      reason: 'from 1,000 employees a CISO of its own is expected: the SOC is a function of its own that needs an executive owner',
      authority: { authority: 'MITRE, 11 Strategies of a World-Class Cybersecurity Operations Center (2022)', note: 'distributed SOCs for 1,000 to 10,000 employees, with an executive owner of the security program' },
    },
    source: seed('Chief Information Security Officer (CISO)'),
    responsibilities: duties('ciso', { source: seed('Chief Information Security Officer (CISO)'), fallbacks: cisoExecutive, fallbackSource: CISO_SOURCE }, [
      { duty: 'strategy', title: 'Security strategy', summary: 'Sets the security strategy and the policies and procedures that protect infrastructure and data.', expected: ['small', EVERYONE], provider: [true, VCISO] },
      { duty: 'executive-reporting', title: 'Executive reporting', summary: 'Speaks for security to the C-suite: its interests, activities and needs.', expected: ['small', 'leadership must hear about security at any size'], provider: [true, VCISO] },
      { duty: 'compliance', title: 'Compliance oversight', summary: 'Oversees compliance obligations and the extra policies they call for.', expected: ['small', 'legal and contractual obligations apply at any size'], provider: [true, VCISO] },
      { duty: 'prevention-detection-response', title: 'Prevention, detection and response', summary: 'Makes sure the strategy prevents incidents as well as detecting and answering them.', fallbacks: cisoOperational, expected: ['small', EVERYONE], provider: [true, VCISO] },
      { duty: 'threat-landscape', title: 'Threat landscape', summary: 'Knows the threats the organization faces in depth and keeps that knowledge current.', fallbacks: cisoOperational, expected: ['small', 'priorities follow the threats, at any size'], provider: [true, VCISO] },
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
    area: 'it',
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
    fallbackNote: 'Without a Security Manager the CISO takes these duties; in small organizations the CIO may instead. Reporting to the CISO then does not apply.',
    area: 'security',
    source: seed('Security Manager'),
    responsibilities: duties('security-manager', {
      source: seed('Security Manager'),
      fallbacks: managerFallbacks,
      fallbackSource: inference('from the SecOps roles article\'s "if your company doesn\'t have a dedicated SOC" and MITRE (2022): in smaller SOCs lead functions fall to the lead "as an additional duty"'),
    }, [
      { duty: 'soc-oversight', title: 'SOC oversight', summary: 'Runs the SOC, or the security team where there is no dedicated SOC.', expected: ['small', 'somebody must run the security work, even a team of one'], provider: [false, 'running the team that oversees providers cannot itself be outsourced'] },
      { duty: 'vision', title: 'Team vision', summary: 'Sets the direction for hiring, the technology stack and security processes.', expected: ['medium', 'a direction for hiring and tooling matters once there is a team to grow'], provider: [false, OWN] },
      { duty: 'incident-response-plan', title: 'Incident response plan', summary: 'Establishes and maintains the incident response plan.', expected: ['small', 'every organization needs to know what it does in an incident'], provider: [false, 'NIST SP 800-61 Rev. 3 (April 2025) keeps incident response the organization\'s own responsibility'] },
      { duty: 'vulnerability-management', title: 'Vulnerability management', summary: 'Establishes the vulnerability management program.', expected: ['small', 'unpatched systems are the commonest way in, at any size'], provider: [true, 'vulnerability scanning and management programs are commonly bought'] },
      { duty: 'hiring', title: 'Hiring', summary: 'Hires the security staff the team needs.', expected: ['medium', 'a small organization rarely hires security staff of its own'], provider: [false, OWN] },
      { duty: 'report-to-ciso', title: 'Reporting to the CISO', summary: 'Tells the CISO what security and technology the team needs.', fallbacks: [], fallbackSource: inference('the duty is the Security Manager\'s own line to the CISO: without a Security Manager, or when the Security Manager carries the CISO\'s duties, there is nobody to report to'), lapsesWithoutHolder: 'without a Security Manager there is no report to the CISO to make', expected: ['small', 'wherever a Security Manager and a CISO-duty holder are different people'], provider: [false, OWN] },
      { duty: 'automation-optimization', title: 'Automation and orchestration', summary: 'Analyses and improves orchestration and automation in security operations.', expected: ['large', 'orchestration pays off at SOC scale, not in a small or medium security team'], provider: [false, OWN] },
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
    fallbackNote: 'Partly absorbed: security analysts take security systems and vulnerability mitigation, system administrators infrastructure troubleshooting, the security lead incident communication; evaluations, documentation and tool orchestration stay open.',
    area: 'security',
    source: seed('Security Engineer'),
    responsibilities: duties('security-engineer', { source: seed('Security Engineer'), fallbacks: [], fallbackSource: inference('partial: no other role builds and documents security systems') }, [
      { duty: 'security-systems', title: 'Security systems', summary: 'Creates, implements and monitors the security systems.', fallbacks: [{ role: 'security-analyst' }, { role: 'system-administrator', sizes: SMALL }], fallbackSource: inference('analysts who choose and implement security measures also run the tools they use; in a small organization the system administrator runs the security tools and patches'), expected: ['small', 'even a small firm runs a firewall, endpoint protection and backups'], provider: [true, 'engineering services are ' + BOUGHT] },
      { duty: 'tool-automation', title: 'Tool automation', summary: 'Builds orchestration and automation between security tools.', expected: ['large', 'orchestration between security tools is worth it only with several tools and a SOC to run them'], provider: [true, 'engineering services are ' + BOUGHT] },
      { duty: 'infrastructure-troubleshooting', title: 'Infrastructure troubleshooting', summary: 'Troubleshoots the infrastructure the security systems run on.', fallbacks: [{ role: 'system-administrator' }, { role: 'it-operations-manager' }], fallbackSource: inference('system administrators troubleshoot the same infrastructure; without one, whoever runs IT operations'), expected: ['small', 'the systems break at any size'], provider: [true, 'engineering services are ' + BOUGHT] },
      { duty: 'vulnerability-mitigation', title: 'Vulnerability mitigation', summary: 'Develops ways to mitigate security vulnerabilities.', fallbacks: [{ role: 'security-analyst' }, { role: 'system-administrator', sizes: SMALL }], fallbackSource: inference('analysts plan and implement preventive and security measures; in a small organization the system administrator runs the security tools and patches'), expected: ['small', 'known vulnerabilities need a fix or a workaround at any size'], provider: [true, 'engineering services are ' + BOUGHT] },
      { duty: 'incident-communication', title: 'Incident communication', summary: 'Keeps the team and the right staff informed about security incidents.', fallbacks: securityLead, fallbackSource: inference('telling staff about an incident falls to whoever leads security: the Security Manager, then the CISO, then a CIO who holds the security position'), expected: ['small', 'people must hear about an incident that affects them, at any size'], provider: [false, 'telling your own staff stays with you'] },
      { duty: 'evaluation-reports', title: 'Evaluations and recommendations', summary: 'Reports on evaluations and recommends improvements.', expected: ['medium', 'formal evaluations of the security systems come with a security team of several people'], provider: [true, 'assessments are ' + BOUGHT] },
      { duty: 'system-documentation', title: 'System documentation', summary: 'Documents the protocols and procedures of the security systems built.', expected: ['medium', 'documentation of self-built security systems matters once there are several builders'], provider: [true, 'a provider documents what it builds'] },
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
    fallbackNote: 'Partly absorbed: security engineers take alert monitoring and incident response; the Security Manager, then the CISO, takes measures, plans and training; the holder of IT operations continuity takes disaster recovery. A provider carries only what it is credited with.',
    area: 'security',
    source: seed('Security Analyst'),
    responsibilities: duties('security-analyst', { source: seed('Security Analyst'), fallbacks: securityLead, fallbackSource: inference('planning and training fall to whoever leads security: the Security Manager, then the CISO, then a CIO who holds the security position') }, [
      { duty: 'preventive-measures', title: 'Preventive measures', summary: 'Plans preventive measures and procedures.', expected: ['small', EVERYONE], provider: [false, OWN] },
      { duty: 'threat-response-plan', title: 'Threat response plan', summary: 'Plans how the team responds to threats.', expected: ['small', 'every organization needs to know how it answers a threat'], provider: [false, 'your response plan is yours: NIST SP 800-61 Rev. 3 (April 2025) keeps incident response an organizational responsibility'] },
      { duty: 'security-measures', title: 'Security measures', summary: 'Establishes and implements security measures.', expected: ['small', EVERYONE], provider: [false, OWN] },
      { duty: 'alert-monitoring', title: 'Alert monitoring', summary: 'Watches and triages security alerts.', fallbacks: [{ role: 'security-engineer' }, { role: 'security-manager', sizes: SMALL }, { role: 'ciso', sizes: SMALL }], fallbackSource: inference('engineers who run the security systems can watch their alerts; in a small organization the security lead does it as an additional duty (MITRE, 11 Strategies, 2022)'), expected: ['small', 'somebody must see the alerts, at any size'], provider: [true, 'monitoring is the core of a managed SOC (MSSP)'], critical: true },
      { duty: 'incident-response', title: 'Incident response', summary: 'Investigates and responds to security incidents, from malware to breaches.', fallbacks: [{ role: 'security-engineer' }, { role: 'security-manager', sizes: SMALL }, { role: 'ciso', sizes: SMALL }], fallbackSource: inference('engineers who run the security systems can investigate what they raise; in a small organization the security lead does it as an additional duty (MITRE, 11 Strategies, 2022)'), expected: ['small', 'incidents happen at any size'], provider: [true, 'incident handling is commonly bought (MSSP, MDR, retainer)'], critical: true },
      { duty: 'security-training', title: 'Security training', summary: 'Trains staff on information and network security procedures.', expected: ['small', 'staff must be trained at any size'], provider: [false, 'training your own staff is not credited to a provider unless its contract says so'] },
      { duty: 'disaster-recovery', title: 'Disaster recovery plans', summary: 'Creates disaster recovery plans.', fallbacks: [{ role: 'it-operations-manager' }, { role: 'cio' }, { role: 'system-administrator', sizes: SMALL }], fallbackSource: inference('disaster recovery sits with IT operations continuity (restoring after outages, back-ups): the holder of it-operations-manager.continuity'), expected: ['small', 'backups must be restorable at any size'], provider: [false, 'your disaster recovery is not credited to a provider unless its contract says so'] },
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
    area: 'it',
    source: seed('IT Operations Manager'),
    responsibilities: duties('it-operations-manager', { source: seed('IT Operations Manager'), fallbacks: itOpsFallbacks, fallbackSource: inference('the CIO oversees IT operations; in small organizations the system administrator runs them') }, [
      { duty: 'lead-technicians', title: 'Lead technicians', summary: 'Manages and guides the IT technicians.', expected: ['medium', 'a small organization has few technicians to lead'], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'systems-monitoring', title: 'Systems monitoring', summary: 'Monitors networks, servers and error logs for performance problems and irregularities.', expected: ['small', 'systems need watching at any size'], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'procedures', title: 'Procedures and policies', summary: 'Develops the department\'s procedures and policies.', expected: ['small', 'IT needs written procedures at any size'], provider: [false, OWN] },
      { duty: 'installations-upgrades', title: 'Installations and upgrades', summary: 'Oversees installations and upgrades.', expected: ['small', 'systems are installed and upgraded at any size'], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'vendor-contracts', title: 'Vendor contracts', summary: 'Negotiates contracts with vendors.', expected: ['small', 'every organization buys IT'], provider: [false, 'a provider does not negotiate its own contract for you'] },
      { duty: 'help-desk-escalations', title: 'Help desk escalations', summary: 'Resolves issues escalated from the help desk.', expected: ['small', 'users need help at any size'], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'continuity', title: 'Continuity', summary: 'Schedules workloads, restores systems after outages and keeps data backed up.', expected: ['small', 'backups and restores matter at any size'], provider: [false, 'your continuity is not credited to a provider unless its contract says so'] },
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
    area: 'it',
    source: seed('System Administrator'),
    responsibilities: duties('system-administrator', { source: seed('System Administrator'), fallbacks: sysadminFallbacks, fallbackSource: inference('overlap of installing, maintaining and troubleshooting systems') }, [
      { duty: 'install-update', title: 'Install and update', summary: 'Installs and updates hardware and software.', expected: ['small', EVERYONE], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'configure-systems', title: 'Configure systems', summary: 'Maintains and configures network servers and computer systems.', expected: ['small', EVERYONE], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'automation', title: 'Automation', summary: 'Brings automated procedures and processes into operations.', expected: ['medium', 'automation pays off with a fleet of systems'], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'diagnostics', title: 'Diagnostics', summary: 'Runs diagnostics and troubleshoots errors.', expected: ['small', EVERYONE], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'help-desk', title: 'Help desk', summary: 'Leads the help desk.', expected: ['small', 'users need help at any size'], provider: [true, 'help desks are ' + BOUGHT] },
      { duty: 'training-documentation', title: 'Training and documentation', summary: 'Trains staff on new IT infrastructure and documents it.', expected: ['small', 'staff must learn the systems they use'], provider: [false, 'training your own staff is not credited to a provider unless its contract says so'] },
    ]),
  },
  {
    id: 'system-analyst',
    title: 'System Analyst',
    aliases: ['Systems Analyst'],
    summary: 'Studies how IT systems serve the organization, researches new technology and keeps systems reviewed and backed up.',
    nice: [{ id: 'IO-WRL-006', name: 'Systems Security Analysis' }],
    ecsf: [],
    fallbackNote: 'Absorbed: the system administrator takes systems care, automation analysis and back-ups, the IT Operations Manager technology research.',
    area: 'it',
    source: seed('System Analysts'),
    responsibilities: duties('system-analyst', { source: seed('System Analysts'), fallbacks: [{ role: 'system-administrator' }, { role: 'it-operations-manager' }], fallbackSource: inference('overlap: administrators install, maintain, automate and back up the same systems; without one, whoever runs IT operations') }, [
      { duty: 'systems-care', title: 'Systems care', summary: 'Installs, maintains and troubleshoots information systems.', expected: ['small', EVERYONE], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'technology-research', title: 'Technology research', summary: 'Researches new technology and recommends it with its costs and benefits.', fallbacks: [{ role: 'it-operations-manager' }, { role: 'cio' }], fallbackSource: inference('choosing technology is part of running IT operations'), expected: ['medium', 'formal technology research comes with an IT department of its own'], provider: [false, OWN] },
      { duty: 'automation-analysis', title: 'Automation analysis', summary: 'Monitors current systems and analyses their automation.', expected: ['large', 'analysing automation across systems pays off at scale'], provider: [true, 'managed IT services are ' + BOUGHT] },
      { duty: 'backup-review', title: 'Review and back-up', summary: 'Reviews and backs up systems regularly.', expected: ['small', 'backups matter at any size'], provider: [false, 'your backups are not credited to a provider unless its contract says so'] },
    ]),
  },
];
