import { Chalk } from 'chalk';
import { coverageCounts } from '../coverage/coverage.js';
import type { FileResult, Severity } from '../findings.js';
import { escapeControl, plural } from './text.js';
import type { Formatter } from './types.js';

function coverageLine(file: FileResult): string | undefined {
  if (file.coverage.length === 0) return undefined;
  const c = coverageCounts(file.coverage);
  const na = c['not-applicable'] > 0 ? `, ${c['not-applicable']} not applicable` : '';
  return `coverage: ${c.covered} covered, ${c.absorbed} absorbed, ${c.external} external, ${c.uncovered} uncovered${na} (of ${file.coverage.length} duties)`;
}

export const stylish: Formatter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lines: string[] = [];
  for (const file of result.files) {
    const coverage = coverageLine(file);
    if (file.findings.length === 0 && coverage === undefined) continue;
    lines.push(c.underline(escapeControl(file.file)));
    const positions = file.findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(0, ...positions.map((p) => p.length));
    file.findings.forEach((f, i) => {
      const position = c.dim((positions[i] ?? '').padEnd(width));
      lines.push(`  ${position}  ${paint[f.severity](f.severity.padEnd(7))}  ${escapeControl(f.message)}  ${c.dim(f.ruleId)}`);
    });
    if (coverage) lines.push(`  ${c.dim(coverage)}`);
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
