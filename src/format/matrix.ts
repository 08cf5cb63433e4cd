/**
 * The coverage matrix of one team: responsibilities down, status and who
 * across. Pure renderers; the `matrix` command writes their output.
 */
import { findResponsibility } from '../catalog/index.js';
import type { CoverageEntry, FileResult } from '../findings.js';
import { csvCell, escapeControl, escapeMarkdown, safeJson } from './text.js';

/** `stylish` is the table for people, as in every command; `table`, its earlier name, still works. */
export const MATRIX_FORMATS = ['stylish', 'json', 'markdown', 'csv'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export function matrixFormat(name: string): MatrixFormat | undefined {
  if (name === 'table') return 'stylish';
  return (MATRIX_FORMATS as readonly string[]).includes(name) ? (name as MatrixFormat) : undefined;
}

export function carriers(entry: CoverageEntry): string {
  if (entry.members.length === 0) return entry.status === 'external' ? 'SOC provider' : '';
  return entry.members.join(', ') + (entry.via ? ` (via ${entry.via})` : '');
}

export function matrixJson(file: FileResult): string {
  return safeJson({ file: file.file, coverage: file.coverage }, 2) + '\n';
}

export function matrixCsv(file: FileResult): string {
  const rows = [['responsibility', 'role', 'title', 'status', 'members', 'via']];
  for (const e of file.coverage) {
    rows.push([e.responsibility, e.role, findResponsibility(e.responsibility)?.title ?? '', e.status, e.members.join(' '), e.via ?? '']);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function matrixMarkdown(file: FileResult): string {
  const lines = ['| responsibility | status | who |', '| --- | --- | --- |'];
  for (const e of file.coverage) {
    lines.push(`| \`${e.responsibility}\` | ${e.status} | ${escapeMarkdown(carriers(e))} |`);
  }
  return lines.join('\n') + '\n';
}

/** Rows for a terminal table; the command lays them out with cli-table3. */
export function matrixRows(file: FileResult): string[][] {
  return file.coverage.map((e) => [e.responsibility, e.status, escapeControl(carriers(e))]);
}
