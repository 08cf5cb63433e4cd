/**
 * Property-based tests of the pipeline on random and broken input. In
 * `npm test` they run with a fixed seed and few runs; `npm run fuzz` runs
 * many more (FUZZ_RUNS), and FUZZ_SEED replays a reported failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROLE_IDS } from '../../src/catalog/index.js';
import { run } from '../../src/cli/main.js';
import { json } from '../../src/format/json.js';
import { checkBytes, checkTeam, collect } from '../../src/lint.js';
import { decodeText } from '../../src/load/load.js';
import { memoryIo, ROOT, STACK_TRACE } from '../helpers.js';
import { formatProblems, isDocumentedOutput, positionProblems, shapeProblems } from '../robustness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);
const settings = { numRuns: RUNS, seed: SEED };
const TIMEOUT = Math.max(30_000, RUNS * 200);

// ── Inputs ────────────────────────────────────────────────────────────────

const TEMPLATES = readdirSync(join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(ROOT, 'templates', f)));

/** Words a team file uses, and words YAML treats specially. */
const KEYS = ['version', 'organization', 'name', 'employees', 'size', 'soc', 'monitoring', 'members', 'id', 'roles', 'title', 'reportsTo', 'tier', 'fte', 'provider', 'exceptions', 'rules', 'rule', 'reason', 'target', 'approvedBy', 'expires', '__proto__', 'constructor', '<<', 'x'];
const SCALARS = [
  ...ROLE_IDS, 'cisco', '1', '0', '-1', '0123', '0x1F', '0o17', '1e9', '.inf', '-.inf', '.nan', 'yes', 'no', 'on', 'off', 'true', 'null', '~', '', '2024-01-01', '12:30:00',
  '"quoted"', "'single'", '"\\e]0;pwned\\a"', '"\\u202e"', '"::error::pwned"', '"##[error]pwned"', '!!str 1', '!foo x', '!!js/function "f"', '&a dana', '*a', '|', '>', '-', '?', ':', '[', '{', '#c', '%YAML 1.1', '---', '...',
  'small', 'medium', 'large', 'enterprise', 'in-house', '24x7', 'dana', 'lee', 'Dana', 'dana ', 'x'.repeat(300),
];

type Node = { scalar: string } | { seq: Node[]; flow: boolean } | { map: [string, Node][]; flow: boolean };

const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ scalar: fc.oneof(fc.constantFrom(...SCALARS), fc.string({ unit: 'binary', maxLength: 12 })) }),
    fc.record({ seq: fc.array(tie('node'), { maxLength: 4 }), flow: fc.boolean() }),
    fc.record({ map: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('node')), { maxLength: 5 }), flow: fc.boolean() }),
  ),
}));

function render(n: Node, indent: number, inFlow = false): string {
  if ('scalar' in n) return n.scalar;
  const pad = ' '.repeat(indent);
  if ('seq' in n) {
    if (n.flow || inFlow || n.seq.length === 0) return `[${n.seq.map((i) => render(i, 0, true)).join(', ')}]`;
    return '\n' + n.seq.map((i) => `${pad}- ${render(i, indent + 2).replace(/^\n\s*/, '')}`).join('\n');
  }
  if (n.flow || inFlow || n.map.length === 0) return `{${n.map.map(([k, v]) => `${k}: ${render(v, 0, true)}`).join(', ')}}`;
  return '\n' + n.map.map(([k, v]) => `${pad}${k}: ${render(v, indent + 2)}`).join('\n');
}

/** Random YAML-like documents: mostly a mapping at the top, as a team file has. */
const yamlLike = fc.oneof(
  node.map((n) => render(n, 0).replace(/^\n/, '') + '\n'),
  fc.array(fc.tuple(fc.constantFrom(...KEYS), node), { maxLength: 6 }).map((entries) => entries.map(([k, v]) => `${k}: ${render(v, 2)}`).join('\n') + '\n'),
);

/** Random teams that parse and mostly pass the schema, so the rules run: duplicates, loops, unknown references. */
const rarely = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 9, arbitrary: usual }, { weight: 1, arbitrary: odd });
const ids = rarely(fc.constantFrom('dana', 'lee', 'kim', 'ana', 'ben', 'carl'), fc.constantFrom('Dana', 'nobody', 'x y'));
const team = fc
  .record({
    version: rarely(fc.constant(1), fc.constant(2)),
    organization: fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), employees: rarely(fc.integer({ min: 1, max: 20_000 }), fc.constant(0)) }),
    members: fc.array(
      fc.record(
        {
          id: ids,
          name: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
          roles: fc.uniqueArray(rarely(fc.constantFrom(...ROLE_IDS), fc.constant('cisco')), { minLength: 1, maxLength: 3 }),
          reportsTo: ids,
          fte: rarely(fc.constant(0.5), fc.constant(1.5)),
        },
        { requiredKeys: ['id', 'name', 'roles'] },
      ),
      { maxLength: 8 },
    ),
  })
  .chain((t) => fc.constantFrom('block', 'flow').map((style) => stringify(t, style === 'flow' ? { collectionStyle: 'flow' } : {})));

type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'reindent'; at: number; indent: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert-bytes'; at: number; bytes: Uint8Array }
  | { kind: 'replace-char'; at: number; char: string };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: position }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: position, with: position }),
  fc.record({ kind: fc.constant('reindent' as const), at: position, indent: fc.constantFrom('', ' ', '   ', '      ', '\t', ' \t', '          ') }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('replace-char' as const), at: position, char: fc.constantFrom(':', '-', '[', ']', '{', '}', '"', "'", '&', '*', '!', '|', '>', '#', '%', '@', '`', ',', '?', '\t', '\n', '\r', '\0', '\x1b', '\u202e', '\ufeff') }),
);

function mutate(original: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = original;
  for (const m of mutations) {
    const lines = bytes.toString('latin1').split('\n');
    const line = (at: number) => Math.min(lines.length - 1, Math.floor(at * lines.length));
    const offset = (at: number) => Math.floor(at * bytes.length);
    switch (m.kind) {
      case 'delete-line':
        lines.splice(line(m.at), 1);
        break;
      case 'duplicate-line':
        lines.splice(line(m.at), 0, lines[line(m.at)] ?? '');
        break;
      case 'swap-lines': {
        const [a, b] = [line(m.at), line(m.with)];
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        break;
      }
      case 'reindent': {
        const i = line(m.at);
        lines[i] = m.indent + (lines[i] ?? '').trimStart();
        break;
      }
      case 'truncate':
        bytes = bytes.subarray(0, offset(m.at));
        continue;
      case 'insert-bytes':
        bytes = Buffer.concat([bytes.subarray(0, offset(m.at)), m.bytes, bytes.subarray(offset(m.at))]);
        continue;
      case 'replace-char': {
        const at = offset(m.at);
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.char), bytes.subarray(at + 1)]);
        continue;
      }
    }
    bytes = Buffer.from(lines.join('\n'), 'latin1');
  }
  return bytes;
}

const mutatedTemplate = fc.tuple(fc.constantFrom(...TEMPLATES), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([t, ms]) => mutate(t, ms));

/** Every kind of input, as bytes. */
const anyInput = fc.oneof(
  yamlLike.map((t) => Buffer.from(t)),
  team.map((t) => Buffer.from(t)),
  mutatedTemplate,
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s)),
);

// ── Properties ────────────────────────────────────────────────────────────

function problemsOf(bytes: Buffer): string[] {
  const result = checkBytes(bytes, { file: 'fuzz.yaml', today: '2026-06-01' });
  const all = collect([result]);
  return [...positionProblems(decodeText(bytes).text, result.findings), ...shapeProblems(JSON.parse(json(all, { color: false }))), ...formatProblems(all, ROOT)];
}

describe('fuzzing the pipeline', () => {
  it.each([
    ['random YAML-like documents', yamlLike.map((t) => Buffer.from(t))],
    ['random teams (block and flow style)', team.map((t) => Buffer.from(t))],
    ['mutated templates (deleted, repeated, swapped and re-indented lines, truncation, random bytes)', mutatedTemplate],
    ['random bytes', fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b))],
  ] as const)('never throws, keeps positions inside the file, the JSON shape and every format safe: %s', { timeout: TIMEOUT }, (_what, input) => {
    fc.assert(
      fc.property(input, (bytes) => {
        expect(problemsOf(bytes)).toEqual([]);
      }),
      settings,
    );
  });

  it('never throws on text given as a string, lone surrogates included', { timeout: TIMEOUT }, () => {
    const text = fc.oneof(yamlLike, fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom('\ud800', '\udfff', 'a: ', '\n', '- ', '"'), { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (t) => {
        const result = checkTeam(t);
        expect(positionProblems(t.replace(/^\ufeff/, ''), result.findings)).toEqual([]);
      }),
      settings,
    );
  });

  it('exits 1 exactly when there are error findings, 0 otherwise, with the JSON on stdout and nothing on stderr', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, async (bytes) => {
        const io = memoryIo(['check', '-', '--format', 'json', '--stdin-filename', 'fuzz.yaml'], { stdin: bytes });
        const code = await run(io);
        expect(io.err()).not.toMatch(STACK_TRACE);
        expect(io.err()).toBe('');
        const output: unknown = JSON.parse(io.out());
        expect(shapeProblems(output)).toEqual([]);
        expect(isDocumentedOutput(output) && code === (output.summary.errors > 0 ? 1 : 0)).toBe(true);
      }),
      settings,
    );
  });
});
