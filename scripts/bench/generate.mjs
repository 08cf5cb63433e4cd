// Generates valid team files of any number of members for the benchmark.
// Deterministic: the same size and options give the same text, so runs compare.
// The files look like real ones: comments, flow and block lists, quoted and
// accented names, reporting trees three to five levels deep, analyst tiers,
// part-time members, people of a provider, and exceptions with reasons.

const FIRST = ['Dana', 'Lee', 'Aisha', 'Tomás', 'Grace', 'Ravi', 'Mei', 'Jonas', 'Sam', 'Lena', 'Chloé', 'Kwame', 'Yuki', 'Omar', 'Ingrid', 'Mateo'];
const LAST = ['Reyes', 'Okafor', 'Bello', 'Ortega', 'Kim', 'Menon', 'Chen', 'Berg', "O'Neill", 'Fischer', 'Dubois', 'Mensah', 'Sato', 'Haddad', 'Larsen', 'Núñez'];

/** The schema's largest `organization.employees`. */
const MAX_EMPLOYEES = 10_000_000;

// Below the CISO and the CIO, departments of up to ten teams, each under a
// head; a team is a lead and nine people. Security teams (Security Managers,
// analysts of every tier, engineers) alternate with IT operations teams (IT
// Operations Managers, administrators, system analysts). In every third team
// two people report to a senior colleague instead of the lead: the deepest
// chains are member → senior → lead → head → CISO or CIO (five levels).
const TEAM = 10;
const DEPARTMENT = 10;
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

/** `organization.employees` for a team of this many members: twelve per member, within the schema. */
export function employeesFor(members) {
  return Math.min(MAX_EMPLOYEES, Math.max(members * 12, 50));
}

function id(i) {
  return `m${String(i).padStart(6, '0')}`;
}

/** The member's fields, in order, as [key, value written in flow or block form]. */
function fields(i, size) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const name = last.includes("'") ? `"${first} ${last}"` : `${first} ${last}`;
  if (i === 0) return [['id', id(i)], ['name', name], ['title', 'Chief Information Security Officer'], ['roles', ['ciso']]];
  if (i === 1) return [['id', id(i)], ['name', name], ['title', 'Chief Information Officer'], ['roles', ['cio']]];
  const team = Math.floor((i - 2) / TEAM);
  const security = team % 2 === 0;
  const lead = 2 + team * TEAM;
  // A department's head is the lead of its first team; small teams have no departments.
  const department = Math.floor(team / DEPARTMENT);
  const head = 2 + department * DEPARTMENT * TEAM + (security ? 0 : TEAM);
  const deep = size > 4 * TEAM * DEPARTMENT;
  const top = security ? 0 : 1;
  if (i === lead) {
    const [role, title] = security ? ['security-manager', 'Security Manager'] : ['it-operations-manager', 'IT Operations Manager'];
    const boss = deep && i !== head && head < size ? head : top;
    return [['id', id(i)], ['name', name], ['title', title], ['roles', [role]], ['reportsTo', id(boss)]];
  }
  const [role, title] = (security ? SECURITY_STAFF : IT_STAFF)[i % 3];
  // In every third team, the last two report to the one before them.
  const offset = i - lead;
  const senior = team % 3 === 0 && offset >= 8 && lead + 7 < size ? lead + 7 : lead;
  const out = [['id', id(i)], ['name', name], ['title', `'${title}'`], ['roles', [role]], ['reportsTo', id(senior)]];
  if (role === 'security-analyst') out.push(['tier', String(1 + (i % 3))]);
  if (i % 11 === 0) out.push(['fte', '0.5']);
  if (i % 13 === 0 && role === 'security-analyst') out.push(['provider', '"Bastion MSSP"']);
  return out;
}

function blockMember(i, size) {
  const lines = [];
  fields(i, size).forEach(([key, value], n) => {
    const lead = n === 0 ? '  - ' : '    ';
    if (Array.isArray(value)) {
      if (i % 2 === 0) lines.push(`${lead}${key}: [${value.join(', ')}]`);
      else lines.push(`${lead}${key}:`, ...value.map((v) => `      - ${v}`));
    } else lines.push(`${lead}${key}: ${value}${key === 'provider' ? '   # an external analyst' : ''}`);
  });
  return lines;
}

function flowMember(i, size) {
  const parts = fields(i, size).map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : value}`);
  return [`  - {${parts.join(', ')}}`];
}

/**
 * The text of a valid team file with `members` members (at least 2).
 * Options: `marker` starts it with `---`; `blockScalar` writes one
 * exception's reason as a literal block scalar; `flow` writes each member on
 * one line in flow style; `change` removes 1 % of the members and retitles
 * another 1 %, as the "after" side of a diff.
 */
export function generateTeam(members, options = {}) {
  if (!Number.isInteger(members) || members < 2) throw new RangeError('a generated team needs at least 2 members');
  const lines = [
    ...(options.marker ? ['---'] : []),
    '# yaml-language-server: $schema=../schemas/team.schema.json',
    `# A generated team of ${members} members for the benchmark.`,
    'version: 1',
    '',
    'organization:',
    `  name: Generated Org ${members}`,
    `  employees: ${employeesFor(members)}`,
    '  soc: hybrid',
    '  monitoring: 24x7',
    '',
    'members:',
  ];
  const waived = [];
  for (let i = 0; i < members; i++) {
    const [, , , roles] = fields(i, members);
    const staff = i >= 2 && (i - 2) % TEAM > 0 && (i - 2) % TEAM < 7;
    if (options.change && staff && i % 100 === 53) continue;
    if (i % 50 === 0) lines.push(`  # members ${i + 1} to ${Math.min(i + 50, members)}`);
    let member = options.flow ? flowMember(i, members) : blockMember(i, members);
    if (options.change && staff && i % 100 === 54) member = member.map((line) => line.replace(/title: '([^']*)'/, "title: 'Senior $1'"));
    lines.push(...member);
    lines.push('');
    if (i % 13 === 0 && i % 2 === 0 && roles?.[1]?.[0] === 'security-analyst' && fields(i, members).some(([k]) => k === 'provider')) waived.push(i);
  }
  // Providers' analysts whose hours the contract does not state: waived, with a reason, until the renewal.
  lines.push('exceptions:');
  if (waived.length === 0) lines[lines.length - 1] = 'exceptions: []';
  waived.forEach((i, n) => {
    lines.push('  - rule: soc-model', `    target: ${id(i)}`);
    if (options.blockScalar && n === 0) lines.push('    reason: |', '      The provider states hours per contract, not per analyst;', '      the renewal in 2027 will name them.');
    else lines.push("    reason: 'hours are set by the provider contract, renewed yearly'");
    lines.push(`    approvedBy: ${id(0)}`, "    expires: '2099-12-31'");
  });
  lines.push('');
  return lines.join('\n');
}
