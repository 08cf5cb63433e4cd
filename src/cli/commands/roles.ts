import { findRole, ROLES, type Role, citation } from '../../catalog/index.js';
import { escapeControl, safeJson, wrap } from '../../format/text.js';
import { closest } from '../../util/suggest.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';

function roleJson(role: Role) {
  return {
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

export async function runRoles(roleId: string | undefined, options: { format: string }, io: Io): Promise<number> {
  // `table` is the earlier name of `stylish`, and still works.
  if (options.format !== 'stylish' && options.format !== 'table' && options.format !== 'json') {
    throw new CliError(`unknown format ${JSON.stringify(options.format)}; use stylish or json`);
  }
  let role: Role | undefined;
  if (roleId !== undefined) {
    role = findRole(roleId);
    if (!role) {
      const guess = closest(roleId, ROLES.map((r) => r.id));
      throw new CliError(`unknown role ${JSON.stringify(escapeControl(roleId))}${guess ? `; did you mean "${guess}"?` : ''} (secops-team roles lists them)`);
    }
  }
  if (options.format === 'json') {
    io.stdout.write(safeJson(role ? roleJson(role) : ROLES.map(roleJson), 2) + '\n');
    return 0;
  }
  const { default: Table } = await import('cli-table3');
  const width = Math.max(60, Math.min(io.stdout.columns, 160));
  if (!role) {
    const idWidth = 23;
    const dutyWidth = 8;
    const table = new Table({
      head: ['role id', 'title', 'duties', 'NICE work roles'],
      colWidths: [idWidth, Math.floor((width - idWidth - dutyWidth) * 0.45), dutyWidth, Math.floor((width - idWidth - dutyWidth) * 0.55) - 6],
      wordWrap: true,
      style: { head: [], border: [] },
    });
    for (const r of ROLES) table.push([r.id, r.title, String(r.responsibilities.length), r.nice.map((n) => `${n.id} ${n.name}`).join('\n') || '—']);
    io.stdout.write(`${table.toString()}\n\nShow one role with: secops-team roles <role-id>\n`);
    return 0;
  }
  io.stdout.write(renderRole(role, width));
  return 0;
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
