// Generates valid team files of any number of members for the benchmark.
// Deterministic: the same size gives the same text, so runs compare.
// The files look like real ones (comments, flow and block lists, quoted and
// accented names, reporting lines, tiers, part-time and external people) so
// that the parsers do the work a real file asks of them.

const FIRST = ['Dana', 'Lee', 'Aisha', 'Tomás', 'Grace', 'Ravi', 'Mei', 'Jonas', 'Sam', 'Lena', 'Chloé', 'Kwame', 'Yuki', 'Omar', 'Ingrid', 'Mateo'];
const LAST = ['Reyes', 'Okafor', 'Bello', 'Ortega', 'Kim', 'Menon', 'Chen', 'Berg', "O'Neill", 'Fischer', 'Dubois', 'Mensah', 'Sato', 'Haddad', 'Larsen', 'Núñez'];

// Below the CISO and the CIO, teams of ten: a lead and nine people. Security
// teams (a Security Manager reporting to the CISO; analysts of every tier and
// engineers) alternate with IT operations teams (an IT Operations Manager
// reporting to the CIO; administrators and system analysts).
const TEAM = 10;
const SECURITY_STAFF = [
  ['security-analyst', 'Security Analyst'],
  ['security-analyst', 'Security Analyst'],
  ['security-engineer', 'Security Engineer'],
];
const IT_STAFF = [
  ['system-administrator', 'Systems Administrator'],
  ['system-administrator', 'Systems Administrator'],
  ['system-analyst', 'Systems Analyst'],
];

function id(i) {
  return `m${String(i).padStart(6, '0')}`;
}

function member(i) {
  const lines = [];
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const name = last.includes("'") ? `"${first} ${last}"` : `${first} ${last}`;
  if (i === 0) {
    lines.push(`  - id: ${id(i)}`, `    name: ${name}`, '    title: Chief Information Security Officer', '    roles: [ciso]');
    return lines;
  }
  if (i === 1) {
    lines.push(`  - id: ${id(i)}`, `    name: ${name}`, '    title: Chief Information Officer', '    roles:', '      - cio');
    return lines;
  }
  const team = Math.floor((i - 2) / TEAM);
  const security = team % 2 === 0;
  const lead = 2 + team * TEAM;
  if (i === lead) {
    const [role, title, boss] = security ? ['security-manager', 'Security Manager', 0] : ['it-operations-manager', 'IT Operations Manager', 1];
    lines.push(`  - id: ${id(i)}`, `    name: ${name}`, `    title: ${title}`, `    roles: [${role}]`, `    reportsTo: ${id(boss)}`);
    return lines;
  }
  const [role, title] = (security ? SECURITY_STAFF : IT_STAFF)[i % 3];
  lines.push(`  - id: ${id(i)}`, `    name: ${name}`, `    title: '${title}'`);
  if (i % 2 === 0) lines.push(`    roles: [${role}]`);
  else lines.push('    roles:', `      - ${role}`);
  lines.push(`    reportsTo: ${id(lead)}`);
  if (role === 'security-analyst') lines.push(`    tier: ${1 + (i % 3)}`);
  if (i % 11 === 0) lines.push('    fte: 0.5');
  if (i % 13 === 0 && role === 'security-analyst') lines.push('    provider: "Bastion MSSP"   # an external analyst');
  return lines;
}

/** The text of a valid team file with `members` members (at least 2). */
export function generateTeam(members) {
  if (!Number.isInteger(members) || members < 2) throw new RangeError('a generated team needs at least 2 members');
  const lines = [
    '# yaml-language-server: $schema=../schemas/team.schema.json',
    `# A generated team of ${members} members for the benchmark.`,
    'version: 1',
    '',
    'organization:',
    `  name: Generated Org ${members}`,
    `  employees: ${Math.max(members * 12, 50)}`,
    '  soc: in-house',
    '  monitoring: 24x7',
    '',
    'members:',
  ];
  for (let i = 0; i < members; i++) {
    if (i % 50 === 0) lines.push(`  # members ${i + 1} to ${Math.min(i + 50, members)}`);
    lines.push(...member(i));
    lines.push('');
  }
  return lines.join('\n');
}
