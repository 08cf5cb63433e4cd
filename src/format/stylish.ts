import { Chalk } from 'chalk';
import type { Finding, Severity } from '../findings.js';
import { escapeControl, plural } from './text.js';
import type { Formatter } from './types.js';

export const stylish: Formatter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lines: string[] = [];
  for (const file of result.files) {
    if (file.findings.length === 0) continue;
    lines.push(c.underline(escapeControl(file.file)));
    const positions = file.findings.map((f: Finding) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    file.findings.forEach((f, i) => {
      const position = c.dim((positions[i] ?? '').padEnd(width));
      lines.push(`  ${position}  ${paint[f.severity](f.severity.padEnd(7))}  ${escapeControl(f.message)}  ${c.dim(f.ruleId)}`);
    });
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
