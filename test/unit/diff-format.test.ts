import { describe, expect, it } from 'vitest';
import { diffTeams, isComparable } from '../../src/diff/diff.js';
import { DIFF_FORMATTERS } from '../../src/format/diff/index.js';
import { MAX_ROWS } from '../../src/format/diff/markdown.js';
import { checkTeam } from '../../src/lint.js';
import { teamYaml } from '../helpers.js';

function diffOf(before: string, after: string) {
  const a = checkTeam(before, { file: 'before.yaml', today: '2026-06-01' });
  const b = checkTeam(after, { file: 'after.yaml', today: '2026-06-01' });
  if (!isComparable(a) || !isComparable(b)) throw new Error('not comparable');
  return diffTeams(a, b);
}

const HOSTILE = ['a|b <script>x</script>', '@security-team [link](http://e)', 'esc\x1b[2J\u202e', '*bold* _em_ `code`', '# heading'];
const base = ['{id: lead, name: Lead, roles: [security-manager]}', '{id: ops, name: Ops, roles: [it-operations-manager]}'];
const before = teamYaml({ employees: 100 }, base);
const after = teamYaml({ employees: 100 }, [
  ...base,
  ...HOSTILE.map((name, i) => `{id: h${i}, name: ${JSON.stringify(name)}, roles: [security-analyst], title: ${JSON.stringify(`</td>|${name}`)}}`),
]);

describe('diff formats with hostile names', () => {
  const diff = diffOf(before, after);

  it('markdown: no HTML, no broken table, no mention, no control characters', () => {
    const md = DIFF_FORMATTERS.markdown(diff, { color: false });
    expect(md).not.toMatch(/<(?!\/?sub>)/);
    expect(md).not.toMatch(/@(?!&#8288;)/);
    expect(md).not.toMatch(/(?<!&)#(?!&#8288;)[0-9a-z]/);
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    // Every row of the members table has exactly the header's number of cells.
    const rows = md.split('\n').filter((l) => l.startsWith('| ➕ added'));
    expect(rows).toHaveLength(HOSTILE.length);
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    for (const row of rows) expect(cells(row)).toBe(cells('|  | id | name | roles | details |'));
    expect(md).toContain('a\\|b &lt;script&gt;x&lt;/script&gt;');
  });

  it('stylish: control characters escaped', () => {
    const text = DIFF_FORMATTERS.stylish(diff, { color: false });
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(text).toContain('esc\\x1b[2J\\u202e');
  });

  it('stylish: coloured only when asked', () => {
    expect(DIFF_FORMATTERS.stylish(diff, { color: false })).not.toMatch(/\x1b\[/);
    expect(DIFF_FORMATTERS.stylish(diff, { color: true })).toMatch(/\x1b\[/);
    expect(DIFF_FORMATTERS.json(diff, { color: true })).not.toMatch(/\x1b\[/);
  });

  it('json: valid, inert, and the names exactly as written', () => {
    const text = DIFF_FORMATTERS.json(diff, { color: false });
    expect(text).not.toMatch(/[\x7f-\x9f\u202e]/);
    expect(JSON.parse(text).members.added.map((m: { name: string }) => m.name)).toEqual(HOSTILE);
  });
});

describe('markdown diff size', () => {
  it(`cuts each table at ${MAX_ROWS} rows so a comment stays within GitHub's limit`, () => {
    const many = Array.from({ length: MAX_ROWS + 30 }, (_, i) => `{id: m${i}, name: M${i}, roles: [system-administrator]}`);
    const md = DIFF_FORMATTERS.markdown(diffOf(before, teamYaml({ employees: 100 }, [...base, ...many])), { color: false });
    expect(md.split('\n').filter((l) => l.startsWith('| ➕ added'))).toHaveLength(MAX_ROWS);
    expect(md).toContain('…and 30 more; run `secops-team diff` locally for the full list.');
    expect(md.length).toBeLessThan(65_536);
  });

  it('says so when nothing changed', () => {
    const md = DIFF_FORMATTERS.markdown(diffOf(before, before), { color: false });
    expect(md).toContain('no changes to the organization, members, coverage or findings');
    expect(md).toContain('✅ no regression');
  });
});
