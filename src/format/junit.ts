/**
 * JUnit XML for CI test reports (GitLab, Jenkins, Azure Pipelines): one
 * `testsuite` per file, one `testcase` per check that ran on it, and a
 * `failure` for each error or warning finding of that check. Info findings
 * and findings accepted by an exception go to the test case's `system-out`.
 */
import type { FileResult, Finding } from '../findings.js';
import { relativePath } from './location.js';
import { escapeXml } from './escape.js';
import type { Formatter } from './types.js';
import { append } from '../util/arrays.js';

/** Text that is safe in XML content and attribute values. */
export const xmlText = escapeXml;

/** The checks that ran on a file, as the pipeline recorded them; rules named by findings are always included. */
export function checksRun(file: FileResult): string[] {
  const ids = [...file.checks];
  for (const f of [...file.findings, ...file.suppressed]) if (!ids.includes(f.ruleId)) ids.push(f.ruleId);
  return ids;
}

function line(path: string, f: Finding): string {
  return `${path}:${f.line}:${f.column}: ${f.severity}: ${f.message} (${f.ruleId})`;
}

export const junit: Formatter = (result, options) => {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of result.files) {
    const path = relativePath(file.file, options.cwd);
    const cases: string[] = [];
    let suiteFailures = 0;
    const ids = checksRun(file);
    for (const id of ids) {
      const findings = file.findings.filter((f) => f.ruleId === id);
      const failing = findings.filter((f) => f.severity !== 'info');
      const notes = [
        ...findings.filter((f) => f.severity === 'info').map((f) => line(path, f)),
        ...file.suppressed.filter((f) => f.ruleId === id).map((f) => `${line(path, f)} [accepted by an exception: ${f.suppression.reason}]`),
      ];
      const open = `    <testcase name="${xmlText(id)}" classname="${xmlText(path)}" file="${xmlText(path)}"`;
      if (failing.length === 0 && notes.length === 0) {
        cases.push(`${open}/>`);
        continue;
      }
      if (failing.length > 0) suiteFailures++;
      cases.push(`${open}>`);
      for (const f of failing) {
        cases.push(`      <failure type="${f.severity}" message="${xmlText(f.message)}">${xmlText(line(path, f))}</failure>`);
      }
      if (notes.length > 0) cases.push(`      <system-out>${notes.map(xmlText).join('\n')}</system-out>`);
      cases.push('    </testcase>');
    }
    tests += ids.length;
    failures += suiteFailures;
    append(suites, [`  <testsuite name="${xmlText(path)}" tests="${ids.length}" failures="${suiteFailures}" errors="0" skipped="0">`, ...cases, '  </testsuite>']);
  }
  append(out, [`<testsuites name="secops-team" tests="${tests}" failures="${failures}" errors="0">`, ...suites, '</testsuites>']);
  return out.join('\n') + '\n';
};
