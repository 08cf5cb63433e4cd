/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
 * annotation per finding, shown on the pull request's diff.
 *
 * The runner reads a workflow command from any line that starts with `::`.
 * Every line this formatter prints starts with a command it chose, and text
 * from a team file is escaped so that it can neither end the annotation early
 * nor put a line break in it (which would let it start a command of its own).
 */
import type { Severity } from '../findings.js';
import { relativePath } from './location.js';
import { escapeControl, escapeWorkflowData as escapeData, escapeWorkflowProperty as escapeProperty } from './escape.js';
import { plural } from './text.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message, and a property value: see ./escape.ts. */
export { escapeWorkflowData as escapeData, escapeWorkflowProperty as escapeProperty } from './escape.js';

export const github: Formatter = (result, options) => {
  const lines: string[] = [];
  for (const file of result.files) {
    const path = escapeControl(relativePath(file.file, options.cwd));
    for (const f of file.findings) {
      const properties: [string, string | number][] = [
        ['file', path],
        ['line', f.line],
        ['endLine', f.endLine],
      ];
      // GitHub takes columns only for a range on one line.
      if (f.endLine === f.line) properties.push(['col', f.column], ['endColumn', f.endColumn]);
      properties.push(['title', escapeControl(f.ruleId)]);
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${COMMAND[f.severity]} ${list}::${escapeData(escapeControl(f.message))}`);
    }
  }
  const { errors, warnings, infos, files } = result.summary;
  lines.push(`secops-team: ${plural(errors + warnings + infos, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(files, 'file')}`);
  return lines.join('\n') + '\n';
};
