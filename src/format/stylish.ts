import { palette } from './palette.js';
import { coverageCounts } from '../coverage/coverage.js';
import type { FileResult, Severity } from '../findings.js';
import { wrap as wrapLines } from '../util/wrap.js';
import { escapeControl, plural, wrap } from './text.js';
import type { Formatter } from './types.js';
import { maxOf } from '../util/arrays.js';

function coverageLine(file: FileResult): string | undefined {
  if (file.coverage.length === 0) return undefined;
  const c = coverageCounts(file.coverage);
  const na = c['not-applicable'] > 0 ? `, ${c['not-applicable']} not applicable` : '';
  return `coverage: ${c.covered} covered, ${c.absorbed} absorbed, ${c.external} external, ${c.uncovered} uncovered${na} (of ${file.coverage.length} duties)`;
}

export const stylish: Formatter = (result, options) => {
  const c = palette(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lines: string[] = [];
  for (const file of result.files) {
    const coverage = coverageLine(file);
    if (file.findings.length === 0 && coverage === undefined) continue;
    lines.push(c.underline(escapeControl(file.file)));
    const positions = file.findings.map((f) => `${f.line}:${f.column}`);
    const width = maxOf([0, ...positions.map((p) => p.length)]);
    const indent = ' '.repeat(2 + width + 2 + 7 + 2);
    file.findings.forEach((f, i) => {
      const position = c.dim((positions[i] ?? '').padEnd(width));
      const head = `  ${position}  ${paint[f.severity](f.severity.padEnd(7))}  `;
      const message = escapeControl(f.message);
      if (options.width === undefined) {
        lines.push(`${head}${message}  ${c.dim(f.ruleId)}`);
        return;
      }
      // Wrap under the message column; the rule id ends the last line when it fits.
      const room = Math.max(20, options.width - indent.length - 1);
      const body = wrapLines(message, room);
      const last = body.length - 1;
      if ((body[last] ?? '').length + 2 + f.ruleId.length <= room) body[last] = `${body[last] ?? ''}  ${c.dim(f.ruleId)}`;
      else body.push(c.dim(f.ruleId));
      body.forEach((text, n) => lines.push(`${n === 0 ? head : indent}${text}`));
    });
    if (coverage) lines.push(c.dim(options.width === undefined ? `  ${coverage}` : wrap(coverage, options.width - 1, '  ')));
    if (file.openPositions) {
      const open = `open positions (counted in no rule): ${file.openPositions.map((p) => `${escapeControl(p.name)} (${escapeControl(p.id)}: ${p.roles.join(', ')})`).join('; ')}`;
      lines.push(options.width === undefined ? `  ${open}` : wrap(open, options.width - 1, '  '));
    }
    if (file.suppressed.length > 0) lines.push(`  ${c.dim(`${plural(file.suppressed.length, 'finding')} suppressed by exceptions`)}`);
    lines.push('');
  }
  const { errors, warnings, infos, files } = result.summary;
  const total = errors + warnings + infos;
  const counts = `(${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})`;
  if (total === 0) {
    lines.push(c.green(`✔ ${plural(files, 'file')} checked: no problems`));
  } else {
    const mark = errors > 0 ? c.red.bold('✖') : warnings > 0 ? c.yellow.bold('⚠') : c.blue.bold('ℹ');
    lines.push(`${mark} ${plural(total, 'problem')} ${counts} in ${plural(files, 'file')}`);
  }
  return lines.join('\n') + '\n';
};
