import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECIALIST_IDS } from '../../src/catalog/index.js';
import { diffTeams, isComparable } from '../../src/diff/diff.js';
import type { FileResult } from '../../src/findings.js';
import { matrixMarkdown } from '../../src/format/matrix.js';
import { checkTeam } from '../../src/lint.js';
import { ROOT } from '../helpers.js';

const TODAY = '2026-06-01';
const TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'teams', 'enterprise-specialists.yaml'), 'utf8');

function checked(text: string, file: string) {
  const result = checkTeam(text, { file, today: TODAY });
  if (!isComparable(result)) throw new Error(`${file} is not comparable: ${JSON.stringify(result.findings)}`);
  return result;
}
const entry = (file: FileResult, id: string) => file.coverage.find((e) => e.responsibility === id);

describe('an enterprise team of about forty with specialists and two own roles', () => {
  const result = checked(TEXT, 'enterprise-specialists.yaml');
  const team = result.team;

  it('is the team the fixture says: about forty members, five or more specialists, two own roles', () => {
    expect(team.members.length).toBeGreaterThanOrEqual(38);
    const specialists = new Set(team.members.flatMap((m) => m.roles).filter((r) => (SPECIALIST_IDS as readonly string[]).includes(r)));
    expect(specialists.size).toBeGreaterThanOrEqual(5);
    expect(team.roles?.map((r) => r.id)).toEqual(['grc-lead', 'awareness-lead']);
    expect(team.organization.maturity).toBe(4);
  });

  it('checks clean: the GRC lead covers compliance, the hunters meet the maturity-4 hunting expectation', () => {
    expect(result.findings).toEqual([]);
    expect(entry(result, 'ciso.compliance')).toMatchObject({ status: 'covered', members: ['priya'], via: null });
    expect(entry(result, 'ciso.threat-landscape')).toMatchObject({ status: 'covered', members: ['adaeze', 'zoe'] });
    expect(entry(result, 'security-analyst.security-training')?.members).toContain('quentin');
  });

  it('without the hunters, maturity 4 asks for staff hunting by name of the role', () => {
    const noHunters = checkTeam(TEXT.replaceAll('roles: [security-analyst, threat-hunter]', 'roles: [security-analyst]'), { today: TODAY });
    expect(noHunters.findings.map((f) => [f.ruleId, f.severity, f.role])).toEqual([['maturity-expectations', 'warning', 'threat-hunter']]);
  });

  it('without the GRC lead, compliance is only absorbed (by the CIO)', () => {
    const text = TEXT.replace(/ {2}- id: grc-lead\n(?: {4}.*\n)+/, '').replace(/ {2}- id: priya\n(?: {4}.*\n)+/, '').replace('reportsTo: priya', 'reportsTo: adaeze');
    const after = checked(text, 'after.yaml');
    expect(entry(after, 'ciso.compliance')).toMatchObject({ status: 'absorbed', members: ['robert'], via: 'cio' });
    const diff = diffTeams(result, after);
    expect(diff.coverage.find((c) => c.responsibility === 'ciso.compliance')).toMatchObject({ change: 'worse', before: { status: 'covered' }, after: { status: 'absorbed' } });
    expect(diff.regression).toMatchObject({ regressed: true, worse: ['ciso.compliance'] });
  });

  it("reports a change to an own role's duties as a coverage change", () => {
    const after = checked(TEXT.replace('duties: [security-analyst.security-training]', 'duties: []'), 'after.yaml');
    const change = diffTeams(result, after).coverage.find((c) => c.responsibility === 'security-analyst.security-training');
    expect(change).toMatchObject({ change: 'carriers' });
    expect(change?.before.members).toContain('quentin');
    expect(change?.after.members).not.toContain('quentin');
  });

  it('reports a change of maturity as an organization change, with the findings it brings', () => {
    const diff = diffTeams(result, checked(TEXT.replace('maturity: 4 ', 'maturity: 5 '), 'after.yaml'));
    expect(diff.organization).toEqual([{ field: 'maturity', before: 4, after: 5 }]);
    expect(diff.findings.added.map((f) => [f.ruleId, f.role])).toEqual([]);
  });

  it('shows own and specialist roles by their titles in the matrix', () => {
    const md = matrixMarkdown(result);
    expect(md).toContain('| `ciso.compliance` | covered | priya (as GRC Lead) |');
    expect(md).toMatch(/zoe \(as Threat Intelligence Analyst\)/);
  });
});
