/**
 * Bounded work on hostile input, as properties: member lists, nesting and
 * names at random sizes. The number of findings and the size of every
 * output grow at most linearly with the input; nesting past the limit is
 * refused with one finding; and the command line keeps its invariants (exit
 * 0, 1 or 2, no stack trace, inert output, no input overwritten). In
 * `npm test` a fixed seed and few runs; `npm run fuzz` runs many more.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { FORMATTERS } from '../../src/format/index.js';
import { checkTeam, collect } from '../../src/lint.js';
import { MAX_NESTING_DEPTH } from '../../src/load/depth.js';
import { MAX_SCHEMA_FINDINGS } from '../../src/validate/validate.js';
import { memoryIo, STACK_TRACE } from '../helpers.js';
import { outputProblems } from '../robustness.js';

const RUNS = Math.max(10, Math.floor(Number(process.env.FUZZ_RUNS ?? 200) / 5));
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
const settings = { numRuns: RUNS, seed: SEED };
const TIMEOUT = Math.max(60_000, RUNS * 2_000);

const HEAD = 'version: 1\norganization:\n  name: Acme\n  employees: 800\nmembers:\n';
const ROLES = ['ciso', 'security-manager', 'security-analyst', 'security-engineer', 'it-operations-manager', 'system-administrator', 'cisco', 42];

/** Names as an attacker would pick them: controls, bidi, fillers, markup, workflow commands, placeholders. */
const hostileName = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    '%%{init: {"theme":"dark"}}%%',
    'click m0 href "javascript:alert(1)"',
    '::error::pwned',
    '##[error]pwned',
    '\u001b]0;title\u0007',
    'a\u202eb',
    '\u3164',
    '\ufffe',
    '{0}',
    '$$x$$',
    'www.evil.example',
    'GH-7 #7 @octocat',
    '<script>alert(1)</script>',
    '`code` | pipe',
  ),
);

type Member = { kind: 'empty' } | { kind: 'member'; name: string; role: string | number; reportsTo: number | undefined } | { kind: 'broken'; key: string };

const member: fc.Arbitrary<Member> = fc.oneof(
  fc.constant<Member>({ kind: 'empty' }),
  fc.record({ kind: fc.constant('member' as const), name: hostileName, role: fc.constantFrom(...ROLES), reportsTo: fc.option(fc.nat({ max: 400 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('broken' as const), key: fc.string({ minLength: 1, maxLength: 80 }) }),
);

function teamText(members: readonly Member[]): string {
  const lines = [HEAD.trimEnd()];
  if (members.length === 0) lines[0] += ' []';
  members.forEach((m, i) => {
    if (m.kind === 'empty') lines.push('  - {}');
    else if (m.kind === 'broken') lines.push(`  - ${JSON.stringify(m.key)}: 1`);
    else {
      lines.push(`  - id: m${i}`, `    name: ${JSON.stringify(m.name)}`, `    roles: [${JSON.stringify(m.role)}]`);
      if (m.reportsTo !== undefined) lines.push(`    reportsTo: m${m.reportsTo}`);
    }
  });
  return lines.join('\n') + '\n';
}

const FORMAT_NAMES = Object.keys(FORMATTERS) as (keyof typeof FORMATTERS)[];

/** Findings and bytes of every format for one team. */
function measure(text: string): { findings: number; output: number } {
  const result = checkTeam(text, { today: '2026-06-01' });
  const all = collect([result]);
  let output = 0;
  for (const name of FORMAT_NAMES) {
    const out = FORMATTERS[name](all, { color: false });
    output = Math.max(output, Buffer.byteLength(out));
    expect(outputProblems(out), name).toEqual([]);
  }
  return { findings: result.findings.length + result.suppressed.length, output };
}

describe('bounded work', () => {
  it(
    'findings and output grow at most linearly with the member list (and schema findings stop at the cap)',
    () => {
      let longest = 0;
      fc.assert(
        fc.property(fc.array(member, { minLength: 1, maxLength: 300, size: 'max' }), fc.boolean(), (drawn, valid) => {
          longest = Math.max(longest, drawn.length);
          // Half the runs keep only well-formed members, so that every rule runs on them.
          const members = valid ? drawn.map((m, i): Member => (m.kind === 'member' ? { ...m, role: 'security-analyst' } : { kind: 'member', name: `Member ${i}`, role: 'security-analyst', reportsTo: undefined })) : drawn;
          const text = teamText(members);
          const once = measure(text);
          const twice = measure(teamText([...members, ...members]));
          const bytes = Buffer.byteLength(text);
          // Linear in the input: a fixed amount per byte, plus the coverage tables every team gets.
          expect(once.findings).toBeLessThanOrEqual(4 * members.length + 200);
          expect(once.output).toBeLessThanOrEqual(200 * bytes + 200_000);
          // Twice the members: at most about twice the work.
          expect(twice.findings).toBeLessThanOrEqual(2 * once.findings + 4 * members.length + 200);
          expect(twice.output).toBeLessThanOrEqual(2 * once.output + 200 * bytes + 200_000);
          const schema = checkTeam(text).findings.filter((f) => f.ruleId === 'schema').length;
          expect(schema).toBeLessThanOrEqual(MAX_SCHEMA_FINDINGS + 1);
        }),
        settings,
      );
      // Sizes reached past the schema cap.
      expect(longest).toBeGreaterThan(MAX_SCHEMA_FINDINGS);
    },
    TIMEOUT,
  );

  it(
    'refuses nesting past the limit with one finding at its place, and only then',
    () => {
      const opener = fc.constantFrom('[', '{a: ', '[{b: ');
      const seen = { refused: 0, read: 0 };
      fc.assert(
        fc.property(fc.array(opener, { minLength: 1, maxLength: 220, size: 'max' }), fc.boolean(), (openers, closed) => {
          // `members:` is at the second level (the top mapping is the first).
          const levels = 1 + openers.reduce((sum, o) => sum + (o === '[{b: ' ? 2 : 1), 0);
          const closers = closed ? [...openers].reverse().map((o) => (o === '[' ? ']' : o === '{a: ' ? '}' : '}]')).join('') : '';
          const text = `${HEAD.replace('members:\n', 'members: ')}${openers.join('')}1${closers}\n`;
          const findings = checkTeam(text).findings;
          const deep = findings.filter((f) => f.message.includes(`more than ${MAX_NESTING_DEPTH} levels deep`));
          if (levels > MAX_NESTING_DEPTH) {
            expect(findings).toHaveLength(1);
            expect(deep).toHaveLength(1);
            expect(deep[0]?.line).toBe(5);
            seen.refused++;
          } else {
            expect(deep).toHaveLength(0);
            seen.read++;
          }
        }),
        settings,
      );
      // Both sides of the limit were tried.
      expect(seen.refused).toBeGreaterThan(0);
      expect(seen.read).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});

describe('command-line invariants on random hostile teams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'exit 0, 1 or 2, no trace, inert output, and never a report over the input',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(member, { minLength: 1, maxLength: 40 }), fc.constantFrom(...FORMAT_NAMES), async (members, format) => {
          const text = teamText(members);
          const file = join(dir, 'team.yaml');
          writeFileSync(file, text);
          const io = memoryIo(['check', 'team.yaml', '-f', format], { cwd: dir });
          const status = await run(io);
          expect([0, 1]).toContain(status);
          expect(io.out() + io.err()).not.toMatch(STACK_TRACE);
          expect(outputProblems(io.out())).toEqual([]);
          const onto = memoryIo(['check', 'team.yaml', '-f', format, '-o', 'team.yaml'], { cwd: dir });
          expect(await run(onto)).toBe(2);
          expect(onto.err().split('\n')).toHaveLength(2);
          expect(readFileSync(file, 'utf8')).toBe(text);
        }),
        { ...settings, numRuns: Math.max(10, Math.floor(RUNS / 2)) },
      );
    },
    TIMEOUT,
  );
});
