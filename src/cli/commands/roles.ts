import { CATALOG_ROLE_IDS, findRole, findSpecialist, NICE_EDITION, NICE_WORK_ROLES, ROLES, SPECIALISTS, type Role, type Specialist, citation, findResponsibility } from '../../catalog/index.js';
import type { CustomRoleSummary } from '../../findings.js';
import { escapeControl, safeJson, wrap } from '../../format/text.js';
import { closest } from '../../util/suggest.js';
import { CliError } from '../errors.js';
import { useColor, type Io } from '../io.js';

function roleJson(role: Role) {
  return {
    kind: 'role' as const,
    id: role.id,
    title: role.title,
    aliases: role.aliases,
    summary: role.summary,
    nice: role.nice,
    ecsf: role.ecsf,
    fallbacks: role.fallbackNote,
    source: role.source,
    responsibilities: role.responsibilities.map((d) => ({ id: d.id, title: d.title, summary: d.summary, fallbacks: d.fallbacks, expectedFrom: d.expectedFrom, providerDefault: d.providerDefault })),
  };
}

function specialistJson(s: Specialist) {
  return { kind: 'specialist' as const, id: s.id, title: s.title, aliases: s.aliases, summary: s.summary, nice: s.nice, niceNote: s.niceNote, ecsf: s.ecsf, duties: s.duties, source: s.source };
}

function ownJson(role: CustomRoleSummary) {
  return { kind: 'own' as const, ...role };
}

export interface RolesOptions {
  format: string;
  team?: string;
  nice?: boolean;
  color?: boolean;
}

/** The file's own roles, or undefined (findings written to stderr) when the file does not pass the schema. */
async function ownRoles(path: string, options: RolesOptions, io: Io): Promise<CustomRoleSummary[] | undefined> {
  // Loaded only with --team: listing the catalog needs none of the checking pipeline.
  const [{ readInput, resolveInputs }, { checkBytes, collect }, { stylish }] = await Promise.all([import('../resolve.js'), import('../../lint.js'), import('../../format/stylish.js')]);
  const [source] = await resolveInputs([path], {}, io);
  if (!source) throw new CliError('name a team file after --team');
  const input = await readInput(source, io);
  const file = checkBytes(input.bytes, { file: input.name });
  if (!file.team) {
    io.stderr.write(stylish(collect([file]), { color: useColor(options.color, io) }));
    return undefined;
  }
  return file.team.roles ?? [];
}

export async function runRoles(roleId: string | undefined, options: RolesOptions, io: Io): Promise<number> {
  // `table` is the earlier name of `stylish`, and still works.
  if (options.format !== 'stylish' && options.format !== 'table' && options.format !== 'json') {
    throw new CliError(`unknown format ${JSON.stringify(options.format)}; use stylish or json`);
  }
  if (options.nice) return niceList(options.format, io);
  let own: CustomRoleSummary[] = [];
  if (options.team !== undefined) {
    const found = await ownRoles(options.team, options, io);
    if (!found) return 1;
    own = found;
  }
  let role: Role | Specialist | CustomRoleSummary | undefined;
  if (roleId !== undefined) {
    role = findRole(roleId) ?? findSpecialist(roleId) ?? own.find((r) => r.id === roleId);
    if (!role) {
      const guess = closest(roleId, [...CATALOG_ROLE_IDS, ...own.map((r) => r.id)]);
      throw new CliError(`unknown role ${JSON.stringify(escapeControl(roleId))}${guess ? `; did you mean "${guess}"?` : ''} (secops-team roles lists them${options.team === undefined ? '; --team <file> adds a team file\'s own roles' : ''})`);
    }
  }
  if (options.format === 'json') {
    const json = role ? toJson(role) : [...ROLES.map(roleJson), ...SPECIALISTS.map(specialistJson), ...own.map(ownJson)];
    io.stdout.write(safeJson(json, 2) + '\n');
    return 0;
  }
  const width = Math.max(60, Math.min(io.stdout.columns, 160));
  if (role) {
    io.stdout.write(renderAnyRole(role, width));
    return 0;
  }
  const { default: Table } = await import('cli-table3');
  const idWidth = 31;
  const dutyWidth = 8;
  const table = (rows: string[][]) => {
    const t = new Table({
      head: ['role id', 'title', 'duties', 'NICE work roles'],
      colWidths: [idWidth, Math.floor((width - idWidth - dutyWidth) * 0.45), dutyWidth, Math.floor((width - idWidth - dutyWidth) * 0.55) - 6],
      wordWrap: true,
      style: { head: [], border: [] },
    });
    for (const row of rows) t.push(row);
    return t.toString();
  };
  const niceCell = (list: readonly { id: string; name: string }[]) => list.map((n) => `${n.id} ${n.name}`).join('\n') || '—';
  const out = [
    'Documented roles:',
    table(ROLES.map((r) => [r.id, r.title, String(r.responsibilities.length), niceCell(r.nice)])),
    '',
    'Specialist roles (credited with the documented duties they list; never expected by size):',
    table(SPECIALISTS.map((s) => [s.id, s.title, String(s.duties.length), niceCell(s.nice)])),
  ];
  if (options.team !== undefined) {
    out.push('', `Own roles of ${escapeControl(options.team)}:`);
    out.push(own.length > 0 ? table(own.map((r) => [escapeControl(r.id), escapeControl(r.title), String(r.duties.length), r.nice.map((id) => `${id} ${NICE_WORK_ROLES.find((n) => n.id === id)?.name ?? ''}`).join('\n') || '—'])) : '  none (the file has no roles: section)');
  }
  out.push('', `Show one role with: secops-team roles <role-id>${options.team === undefined ? '; add --team <file> for a team file\'s own roles' : ''}; NICE work roles: secops-team roles --nice`);
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}

function toJson(role: Role | Specialist | CustomRoleSummary) {
  if (findRole(role.id) === role) return roleJson(role as Role);
  if (findSpecialist(role.id) === role) return specialistJson(role as Specialist);
  return ownJson(role as CustomRoleSummary);
}

function renderAnyRole(role: Role | Specialist | CustomRoleSummary, width: number): string {
  if (findRole(role.id) === role) return renderRole(role as Role, width);
  if (findSpecialist(role.id) === role) return renderSpecialist(role as Specialist, width);
  return renderOwnRole(role as CustomRoleSummary, width);
}

async function niceList(format: string, io: Io): Promise<number> {
  if (format === 'json') {
    io.stdout.write(safeJson({ edition: NICE_EDITION, workRoles: NICE_WORK_ROLES }, 2) + '\n');
    return 0;
  }
  const lines = [`Work roles of the ${NICE_EDITION}, for \`nice:\` in a team file's own roles:`, ''];
  for (const r of NICE_WORK_ROLES) lines.push(`  ${r.id}  ${r.name}`);
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function dutyLines(duties: readonly string[], width: number): string[] {
  return duties.map((id) => wrap(`${id}: ${findResponsibility(id)?.summary ?? ''}`, width, '  '));
}

/** A specialist in detail: what `roles <id>` and `explain <id>` print. */
export function renderSpecialist(s: Specialist, width: number): string {
  return [
    `${s.title} (${s.id}), specialist role`,
    ...(s.aliases.length > 0 ? [wrap(`Also called: ${s.aliases.join(', ')}`, width)] : []),
    '',
    wrap(s.summary, width),
    '',
    wrap(`NICE Framework v2.0.0: ${s.nice.length > 0 ? s.nice.map((n) => `${n.id} ${n.name}`).join('; ') : s.niceNote}`, width),
    wrap(`ENISA ECSF profile: ${s.ecsf.join('; ') || 'no direct profile'}`, width),
    wrap('Never expected by size alone; maturity-expectations may ask for it at a declared maturity.', width),
    wrap(`Source: ${citation(s.source)}`, width),
    '',
    'A holder is credited with (its covers can narrow them):',
    ...dutyLines(s.duties, width),
  ].join('\n') + '\n';
}

/** One of the file's own roles in detail. Its text comes from the file: escaped. */
function renderOwnRole(role: CustomRoleSummary, width: number): string {
  return [
    `${escapeControl(role.title)} (${escapeControl(role.id)}), the team file's own role`,
    ...(role.description !== undefined ? ['', wrap(escapeControl(role.description), width)] : []),
    '',
    wrap(`NICE Framework v2.0.0: ${role.nice.map((id) => `${id} ${NICE_WORK_ROLES.find((n) => n.id === id)?.name ?? ''}`).join('; ') || 'none given'}`, width),
    '',
    role.duties.length > 0 ? 'A holder is credited with (its covers can narrow them):' : 'It lists no duties: its holders are credited with nothing.',
    ...dutyLines(role.duties, width),
  ].join('\n') + '\n';
}

/** One role in detail: what `roles <id>` and `explain <role-id>` print. */
export function renderRole(role: Role, width: number): string {
  const out = [
    wrap(`${role.title} (${role.id})`, width),
    ...(role.aliases.length > 0 ? [wrap(`Also called: ${role.aliases.join(', ')}`, width)] : []),
    '',
    wrap(role.summary, width),
    '',
    wrap(`NICE Framework v2.0.0: ${role.nice.map((n) => `${n.id} ${n.name}`).join('; ') || 'no direct work role'}`, width),
    wrap(`ENISA ECSF profile: ${role.ecsf.join('; ') || 'no direct profile'}`, width),
    wrap(`When vacant: ${role.fallbackNote}`, width),
    wrap(`Source: ${citation(role.source)}`, width),
  ];
  const specialists = SPECIALISTS.filter((s) => s.duties.some((d) => d.startsWith(`${role.id}.`)));
  if (specialists.length > 0) out.push(wrap(`Specialists credited with some of its duties: ${specialists.map((s) => s.id).join(', ')}`, width));
  if (role.responsibilities.length > 0) {
    out.push('', 'Responsibilities:');
    for (const d of role.responsibilities) {
      const fallbacks = d.fallbacks.map((f) => f.role + (f.sizes ? ` (${f.sizes.join(', ')} only)` : '')).join(', then ');
      out.push(`  ${d.id}`, wrap(d.summary, width, '      '));
      out.push(wrap(`Taken over by: ${fallbacks || (d.lapsesWithoutHolder ? 'nobody; it does not apply' : 'nobody')}. Expected from ${d.expectedFrom} size. A provider is ${d.providerDefault ? '' : 'not '}credited with it by default.`, width, '      '));
    }
  }
  return out.join('\n') + '\n';
}
