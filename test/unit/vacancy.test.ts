import { describe, expect, it } from 'vitest';
import { diffTeams, isComparable } from '../../src/diff/diff.js';
import { json } from '../../src/format/json.js';
import { markdown } from '../../src/format/markdown.js';
import { renderReport } from '../../src/format/report/index.js';
import { stylish } from '../../src/format/stylish.js';
import { checkTeam, collect } from '../../src/lint.js';

const TEAM = `version: 1
organization: {name: Acme, employees: 400}
members:
  - {id: kim, name: Kim, roles: [ciso]}
  - {id: lou, name: Lou, roles: [security-manager], reportsTo: kim}
  - {id: an, name: An, roles: [security-analyst], reportsTo: lou}
  - {id: ops, name: Olu, roles: [it-operations-manager]}
  - {id: adm, name: Ada, roles: [system-administrator, system-analyst], reportsTo: ops}
  - {id: eng, name: Eve, roles: [security-engineer], reportsTo: lou}
`;

const WITH_OPEN = `${TEAM}  - {id: an2, name: "To hire: Tier 2 analyst", roles: [security-analyst], reportsTo: lou, vacancy: true}
`;

const messages = (text: string) => checkTeam(text, { today: '2026-06-01' }).findings.map((f) => `${f.ruleId}: ${f.message}`);

describe('open positions (vacancy: true)', () => {
  it('count for nothing: an open analyst position leaves the lone analyst a single point of failure', () => {
    expect(messages(WITH_OPEN)).toEqual(messages(TEAM));
    expect(messages(WITH_OPEN).some((m) => m.startsWith('single-point-of-failure: An (an)'))).toBe(true);
    const filled = WITH_OPEN.replace(', vacancy: true', '');
    expect(messages(filled).some((m) => m.startsWith('single-point-of-failure: An (an)'))).toBe(false);
  });

  it('cover no duty, and the coverage does not name them', () => {
    const result = checkTeam(WITH_OPEN, { today: '2026-06-01' });
    expect(result.coverage.flatMap((e) => e.members)).not.toContain('an2');
  });

  it('lead nobody: a reporting line to an open position does not reach a lead, and is no unknown member', () => {
    const text = `${TEAM}  - {id: boss, name: "To hire: Security Manager", roles: [security-manager], vacancy: true}
  - {id: an3, name: Nia, roles: [security-analyst], reportsTo: boss}
`;
    const found = messages(text);
    expect(found.filter((m) => m.startsWith('unknown-member'))).toEqual([]);
    expect(found.some((m) => m.startsWith('reporting-line') && m.includes('(an3)'))).toBe(true);
  });

  it('still take part in duplicate-id checks', () => {
    const text = `${TEAM}  - {id: an, name: "To hire: analyst", roles: [security-analyst], vacancy: true}\n`;
    expect(messages(text).some((m) => m.startsWith('duplicate-member'))).toBe(true);
  });

  it('are listed in the stylish, JSON and Markdown output', () => {
    const result = collect([checkTeam(WITH_OPEN, { file: 'team.yaml', today: '2026-06-01' })]);
    expect(stylish(result, { color: false })).toContain('open positions (counted in no rule): To hire: Tier 2 analyst (an2: security-analyst)');
    expect(JSON.parse(json(result, { color: false })).files[0].openPositions).toEqual([{ id: 'an2', name: 'To hire: Tier 2 analyst', roles: ['security-analyst'], fte: 1, path: '/members/6', line: 10, column: 5 }]);
    expect(markdown(result, { color: false })).toContain('**Open positions** (counted in no rule): To hire: Tier 2 analyst (an2: `security-analyst`)');
  });

  it('are counted and marked in the HTML report, and add no FTE', () => {
    const file = checkTeam(WITH_OPEN, { file: 'team.yaml', today: '2026-06-01' });
    if (!isComparable(file)) throw new Error('no team');
    const html = renderReport(file, { date: '2026-06-01', version: '0.0.0' });
    expect(html).toContain('<span class="value">1</span><span class="label">open position</span>');
    expect(html).toContain('an2 · open position');
    expect(html).toContain('<span class="value">6</span><span class="label">internal FTE</span>');
  });

  it('show in diff as a coverage change when filled', () => {
    const before = checkTeam(WITH_OPEN, { file: 'before.yaml', today: '2026-06-01' });
    const after = checkTeam(WITH_OPEN.replace(', vacancy: true', ''), { file: 'after.yaml', today: '2026-06-01' });
    if (!isComparable(before) || !isComparable(after)) throw new Error('not comparable');
    const diff = diffTeams(before, after);
    expect(diff.members.changed).toEqual([{ id: 'an2', name: 'To hire: Tier 2 analyst', changes: [{ field: 'vacancy', before: true }] }]);
    expect(diff.coverage.some((c) => c.responsibility === 'security-analyst.alert-monitoring')).toBe(true);
  });
});
