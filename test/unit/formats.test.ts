import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { CheckResult, FileResult } from '../../src/findings.js';
import { FORMATTERS, type FormatName } from '../../src/format/index.js';
import { escapeData, escapeProperty } from '../../src/format/github.js';
import { checksRun } from '../../src/format/junit.js';
import { codeSpan, MAX_CHART_MEMBERS, md, mermaidText, reportingChart } from '../../src/format/markdown.js';
import { defaultSeverity } from '../../src/format/sarif.js';
import { escapeControl } from '../../src/format/text.js';
import { collect, checkTeam } from '../../src/lint.js';
import { PACKAGE } from '../../src/meta.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { ROOT, SARIF_SCHEMA, yaml } from '../helpers.js';
import { childrenNamed, parseXml } from '../xml.js';

// CommonJS packages: under NodeNext the default import is module.exports, whose `default` is the export.
const Ajv4 = ajvDraft04.default;
const addFormats = ajvFormats.default;

const FIXTURES = join(ROOT, 'test', 'fixtures', 'golden');
const GOLDEN = join(ROOT, 'test', 'golden');
const CWD = '/srv/checkout';

const fixture = (): CheckResult => JSON.parse(readFileSync(join(FIXTURES, 'result.json'), 'utf8'));

/** The real pipeline on a team file that fails the schema. */
function invalidResult(): CheckResult {
  const text = readFileSync(join(FIXTURES, 'invalid-team.yaml'), 'utf8');
  return collect([checkTeam(text, { file: 'teams/invalid-team.yaml', today: '2026-06-01' })]);
}

function render(name: FormatName, result: CheckResult): string {
  return FORMATTERS[name](result, { color: false, cwd: CWD });
}

/** The tool's version changes with every release; goldens hold a placeholder. */
function stable(name: FormatName, text: string): string {
  if (name !== 'sarif') return text;
  const log = JSON.parse(text);
  log.runs[0].tool.driver.version = '<version>';
  log.runs[0].tool.driver.semanticVersion = '<version>';
  return JSON.stringify(log, null, 2) + '\n';
}

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function expectGolden(file: string, text: string): void {
  const path = join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  expect(existsSync(path), `${file} is missing; run UPDATE_GOLDEN=1 npx vitest run test/unit/formats.test.ts`).toBe(true);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const EXTENSIONS: Record<Exclude<FormatName, 'stylish' | 'json'>, string> = {
  sarif: 'sarif.json',
  github: 'github.txt',
  junit: 'junit.xml',
  markdown: 'md',
};

describe('golden output', () => {
  it('the fixture has findings of every severity, an accepted finding, coverage and a team', () => {
    const result = fixture();
    const severities = new Set(result.files.flatMap((f) => f.findings.map((x) => x.severity)));
    expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
    expect(result.files[0]?.suppressed.length).toBeGreaterThan(0);
    expect(new Set(result.files[0]?.coverage.map((c) => c.status))).toEqual(new Set(['covered', 'external', 'absorbed', 'uncovered', 'not-applicable']));
  });

  for (const [name, extension] of Object.entries(EXTENSIONS) as [FormatName, string][]) {
    it(`${name}: fixture with every severity`, () => {
      expectGolden(`result.${extension}`, stable(name, render(name, fixture())));
    });
    it(`${name}: the real pipeline on an invalid file`, () => {
      expectGolden(`invalid-team.${extension}`, stable(name, render(name, invalidResult())));
    });
  }
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8'));
  const ajv = new Ajv4({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const expectValid = (text: string) => {
    const log = JSON.parse(text);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    return log;
  };

  it('validates against the official SARIF 2.1.0 schema', () => {
    for (const result of [fixture(), invalidResult(), collect([]), collect([checkTeam(readFileSync(join(ROOT, 'templates', 'large.yaml'), 'utf8'))])]) {
      expectValid(render('sarif', result));
    }
  });

  it('rejects what the schema forbids, so the validation above can fail', () => {
    const log = JSON.parse(render('sarif', fixture()));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('describes every rule, with the severity levels SARIF uses', () => {
    const log = expectValid(render('sarif', fixture()));
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'secops-team', version: PACKAGE.version, informationUri: 'https://github.com/secops-team/secops-team' });
    for (const rule of ALL_RULES) {
      const entry = driver.rules.find((r: { id: string }) => r.id === rule.id);
      expect(entry).toMatchObject({
        shortDescription: { text: rule.docs.summary },
        fullDescription: { text: expect.stringContaining(rule.docs.rationale) },
        help: { text: expect.stringContaining(rule.docs.fix) },
        helpUri: `https://github.com/secops-team/secops-team/blob/main/docs/rules/${rule.id}.md`,
        defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[defaultSeverity(rule)] },
      });
    }
    // A rule a result names that the registry does not know is still described, and ruleIndex points at it.
    for (const result of log.runs[0].results) expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(log.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note', 'warning', 'error']);
    expect(log.runs[0].automationDetails.id).toBe('secops-team/');
  });

  it('takes the most common severity across sizes as the default level', () => {
    const graded = { ...ALL_RULES[0]!, severity: { small: 'info', medium: 'warning', large: 'warning', enterprise: 'error' } as const };
    expect(defaultSeverity(graded)).toBe('warning');
    const even = { ...ALL_RULES[0]!, severity: { small: 'info', medium: 'info', large: 'error', enterprise: 'error' } as const };
    expect(defaultSeverity(even)).toBe('info');
  });

  it('gives relative, forward-slash artifact URIs with regions of at least 1:1', () => {
    const log = JSON.parse(
      FORMATTERS.sarif(
        collect([
          { ...checkTeam('version: 2\n', { file: `${CWD}/teams/a b.yaml` }) },
          { ...checkTeam('version: 2\n', { file: 'other/x.yaml' }) },
          { ...checkTeam('', { file: '<stdin>' }) },
        ]),
        { color: false, cwd: CWD },
      ),
    );
    const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(['teams/a%20b.yaml', 'other/x.yaml', '%3Cstdin%3E']));
    for (const result of log.runs[0].results) {
      const region = result.locations[0].physicalLocation.region;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endColumn).toBeGreaterThanOrEqual(1);
    }
  });

  describe('fingerprints', () => {
    const base = yaml`
      version: 1
      organization:
        name: Acme
        employees: 120
      members:
        - id: dana
          name: Dana
          roles: [security-manager]
        - id: lee
          name: Lee
          roles: [security-analyst]
          reportsTo: danna
        - id: dana
          name: Dana Again
          roles: [security-analyst]
    `;
    // The same problems, with lines moved: a comment block on top and a new member first.
    const moved = base
      .replace('version: 1', '# Security team\n# owned by the CISO office\n\nversion: 1')
      .replace('members:\n', 'members:\n  - id: zoe\n    name: Zoe\n    roles: [security-engineer]\n');

    const fingerprints = (text: string) =>
      JSON.parse(render('sarif', collect([checkTeam(text, { file: 'team.yaml' })]))).runs[0].results.map(
        (r: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }) => ({
          ruleId: r.ruleId,
          fingerprint: r.partialFingerprints['secopsTeam/v1'],
          github: r.partialFingerprints.primaryLocationLineHash,
          line: r.locations[0]?.physicalLocation.region.startLine,
        }),
      );

    it('stay the same when lines move', () => {
      const before = fingerprints(base);
      const after = fingerprints(moved);
      expect(before.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['duplicate-member', 'unknown-member']);
      expect(after.map((f: { line: number }) => f.line)).not.toEqual(before.map((f: { line: number }) => f.line));
      const byRule = (list: { ruleId: string; fingerprint: string }[]) => Object.fromEntries(list.map((f) => [f.ruleId, f.fingerprint]));
      expect(byRule(after)).toEqual(byRule(before));
      for (const f of before) expect(f.github).toBe(f.fingerprint);
    });

    it('differ for different problems, and for repeats of one problem', () => {
      const result = fixture();
      const file = result.files[0]!;
      const twice: FileResult = { ...file, findings: [file.findings[0]!, { ...file.findings[0]!, line: 40 }], suppressed: [] };
      const log = JSON.parse(render('sarif', { ...result, files: [twice] }));
      const [a, b] = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['secopsTeam/v1']);
      expect(a).not.toBe(b);
      expect(a?.replace(/:\d+$/, '')).toBe(b?.replace(/:\d+$/, ''));
      const all = JSON.parse(render('sarif', result)).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['secopsTeam/v1']);
      expect(new Set(all).size).toBe(all.length);
    });
  });

  it('marks findings accepted by an exception as suppressed', () => {
    const log = JSON.parse(render('sarif', fixture()));
    const suppressed = log.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions[0]).toMatchObject({ kind: 'inSource', status: 'accepted', justification: expect.stringMatching(/MSSP contract/) });
  });
});

/** Hostile text: each line tries to end an annotation early or to start a workflow command of its own. */
const HOSTILE = [
  '::set-output name=x::y',
  '%0A::error::x',
  'two\nlines ::error file=a,line=1::injected',
  'carriage\r\n::warning::x',
  'a, b: c,d::e',
  '%25 %3A %2C %0D',
  'line separator\u2028::error::x',
  'next line\u0085::error::x',
  'escape \u001b]0;title\u0007 and \u001b[2J',
];

function hostileResult(): CheckResult {
  const findings = HOSTILE.map((text, i) => ({
    ruleId: i % 2 === 0 ? 'schema' : `rule,${text}`,
    severity: (['error', 'warning', 'info'] as const)[i % 3]!,
    message: `bad value ${text}`,
    path: '',
    line: i + 1,
    column: 1,
    endLine: i % 2 === 0 ? i + 1 : i + 2,
    endColumn: 4,
  }));
  return collect(HOSTILE.map((text, i) => ({ file: `teams/${text}.yaml`, findings: i === 0 ? findings : [findings[i]!], suppressed: [], coverage: [], checks: ['yaml-syntax', 'schema'] })));
}

/** Reads a line the way the Actions runner does: command, properties (split on `,` and the first `=`), message. */
function runnerParse(line: string): { command: string; properties: Record<string, string>; message: string } | undefined {
  const match = /^::([^ :]+)( ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[3] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeData(pair.slice(eq + 1));
  }
  return { command: match[1]!, properties, message: unescapeData(match[4]!) };
}

describe('github', () => {
  it('escapes messages and property values as the runner decodes them', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('emits only the intended annotations for hostile names, and their text survives', () => {
    const result = hostileResult();
    const output = render('github', result);
    const lines = output.split('\n');
    expect(lines.pop()).toBe('');
    const findings = result.files.flatMap((f) => f.findings.map((finding) => ({ file: f.file, finding })));
    expect(lines).toHaveLength(findings.length + 1);
    expect(lines.at(-1)).toMatch(/^secops-team: \d+ problems \(\d+ errors, \d+ warnings, \d+ infos\) in \d+ files$/);
    // Nothing that a line reader could take as another line break.
    expect(output.slice(0, -1)).not.toMatch(/[\r\u0085\u2028\u2029]/);
    lines.slice(0, -1).forEach((line, i) => {
      const parsed = runnerParse(line);
      const { file, finding } = findings[i]!;
      expect(parsed, line).toBeDefined();
      expect(parsed!.command).toBe({ error: 'error', warning: 'warning', info: 'notice' }[finding.severity]);
      expect(Object.keys(parsed!.properties)).toEqual(finding.endLine === finding.line ? ['file', 'line', 'endLine', 'col', 'endColumn', 'title'] : ['file', 'line', 'endLine', 'title']);
      expect(parsed!.properties.file).toBe(escapeControl(file));
      expect(parsed!.properties.title).toBe(escapeControl(finding.ruleId));
      expect(parsed!.properties.line).toBe(String(finding.line));
      expect(parsed!.message).toBe(escapeControl(finding.message));
      // After decoding, the message is still one line: it cannot start a command.
      expect(parsed!.message).not.toMatch(/[\r\n]/);
    });
  });

  it('uses ::notice for info findings and paths relative to the working directory', () => {
    const output = render('github', fixture());
    expect(output).toMatch(/^::notice file=teams\/acme\.yaml,line=16,endLine=20,title=single-analyst::/m);
    expect(output).toMatch(/^::warning file=teams\/acme\.yaml,line=8,endLine=8,col=1,endColumn=8,title=uncovered-responsibility::/m);
  });
});

describe('junit', () => {
  it('is well-formed: one suite per file, one test case per check that ran, a failure per error or warning', () => {
    const result = fixture();
    const root = parseXml(render('junit', result));
    expect(root.name).toBe('testsuites');
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['teams/acme.yaml', 'teams/broken.yaml']);
    const acme = suites[0]!;
    const cases = childrenNamed(acme, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(checksRun(result.files[0]!));
    expect(cases.length).toBeGreaterThanOrEqual(ALL_RULES.length);
    const failures = cases.flatMap((c) => childrenNamed(c, 'failure'));
    expect(failures.map((f) => f.attributes.type)).toEqual(['error', 'warning']);
    expect(acme.attributes).toMatchObject({ tests: String(cases.length), failures: '2' });
    // The info finding and the accepted one are reported, not failed.
    const out = cases.flatMap((c) => childrenNamed(c, 'system-out')).map((s) => s.text).join('\n');
    expect(out).toMatch(/single-analyst/);
    expect(out).toMatch(/accepted by an exception/);
    const broken = childrenNamed(suites[1]!, 'testcase');
    expect(broken.map((c) => c.attributes.name)).toEqual(['yaml-syntax', 'schema']);
  });

  it('holds hostile text: markup, CDATA ends, control characters and lone surrogates', () => {
    const nasty = ['</failure></testcase><testcase name="x">', ']]>', '&amp; & < > " \'', 'ctrl \u0001\u0008\u000b\u001b', 'lone \ud800 and \udc00', '\ufffe\uffff'];
    const result = collect(
      nasty.map((text) => ({
        file: `teams/${text}.yaml`,
        findings: [{ ruleId: 'schema', severity: 'error' as const, message: text, path: '', line: 1, column: 1, endLine: 1, endColumn: 2 }],
        suppressed: [],
        coverage: [],
        checks: ['yaml-syntax', 'schema'],
      })),
    );
    const root = parseXml(render('junit', result));
    const suites = childrenNamed(root, 'testsuite');
    expect(suites).toHaveLength(nasty.length);
    suites.forEach((suite, i) => {
      const failure = childrenNamed(childrenNamed(suite, 'testcase')[1]!, 'failure')[0]!;
      // As written, except what XML cannot hold at all, which is shown as a \u escape.
      const expected = escapeControl(nasty[i]!).replace(/[\ud800-\udfff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
      expect(failure.attributes.message).toBe(expected);
    });
  });

  it('runs only yaml-syntax on a file that is not YAML', () => {
    const file = checkTeam('a: [1,\n', { file: 'bad.yaml' });
    expect(checksRun(file)).toEqual(['yaml-syntax']);
    expect(childrenNamed(childrenNamed(parseXml(render('junit', collect([file]))), 'testsuite')[0]!, 'testcase')).toHaveLength(1);
  });
});

describe('markdown', () => {
  const hostileTeam = yaml`
    version: 1
    organization:
      name: "</details><script>alert(1)</script> @everyone #1"
      employees: 120
    members:
      - id: dana
        name: "Dana | [click](https://evil.example) ![x](https://evil.example/x.png) **bold** @org/team"
        roles: [security-manager]
      - id: lee
        name: "Lee\\"]; m0 --> m9[\\"pwned \`\`\` <img src=x onerror=alert(1)> #35; &lt;"
        roles: [security-analyst]
        reportsTo: dana
        provider: "MSSP\\n## injected heading"
      - id: lee
        name: "~~strike~~ $x^2$ :rocket: www.evil.example"
        roles: [security-analyst]
        reportsTo: ghost
  `;

  it('escapes every name from the file: no markup, links, HTML, mentions, extra cells or lines', () => {
    const result = collect([checkTeam(hostileTeam, { file: 'teams/| evil `name`.yaml' })]);
    expect(result.files[0]?.team).toBeDefined();
    const output = render('markdown', result);
    const lines = output.split('\n');
    const prose = [...lines.slice(0, lines.indexOf('```mermaid')), ...lines.slice(lines.lastIndexOf('```') + 1)].join('\n');
    expect(prose).not.toMatch(/</);
    expect(prose).not.toMatch(/\]\(/);
    expect(prose).not.toMatch(/@[A-Za-z]/);
    expect(prose).not.toMatch(/(^|[^&])#\d/);
    expect(prose).not.toMatch(/\*\*bold|~~strike|(?<!\\)\$x|(?<!\\):rocket|www\.evil/);
    expect(output).not.toMatch(/^## injected/m);
    expect(lines.filter((l) => l.startsWith('```'))).toEqual(['```mermaid', '```']);
    // Every table row has as many unescaped pipes as its header.
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const pipes = line.match(/(?<!\\)\|/g)?.length ?? 0;
      if (columns === 0) columns = pipes;
      expect(pipes, line).toBe(columns);
    }
    // Each Mermaid node is one quoted label with no quote inside.
    const chart = lines.slice(lines.indexOf('```mermaid') + 2, lines.lastIndexOf('```'));
    for (const line of chart) expect(line).toMatch(/^ {2}(m\d+\["[^"`]*"\]|m\d+ --> m\d+|classDef external stroke-dasharray: 5 5|class [m\d,]+ external)$/);
    expect(chart.filter((l) => l.includes('-->'))).toEqual(['  m0 --> m1']);
  });

  it('md, codeSpan and mermaidText escape what they must', () => {
    expect(md('a|b *c* [d](e) <f> & @g #1 `h`')).toBe('a\\|b \\*c\\* \\[d\\](e) &lt;f&gt; &amp; @&#8288;g #&#8288;1 \\`h\\`');
    expect(codeSpan('a`b|c')).toBe('``a`b\\|c``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(mermaidText('a"b<c>&d#e`f;g')).toBe('a#34;b#60;c#62;#38;d#35;e#96;f#59;g');
    expect(md('line\nbreak')).toBe('line\\\\nbreak');
  });

  it('draws the reporting lines with external people dashed, and leaves out a chart too big to read', () => {
    const team = fixture().files[0]!.team!;
    const chart = reportingChart(team);
    expect(chart).toContain('  m0 --> m1');
    expect(chart).toContain('  m0 --> m2');
    expect(chart).toContain('  class m2 external');
    const big = { ...team, members: Array.from({ length: MAX_CHART_MEMBERS + 1 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, roles: ['security-analyst' as const], fte: 1 })) };
    expect(reportingChart(big).join('\n')).toMatch(/left out: 151 members/);
  });

  it('shows the summary, the findings, the exceptions and the coverage matrix', () => {
    const output = render('markdown', fixture());
    expect(output).toMatch(/^✖ \*\*4 problems\*\* \(2 errors, 1 warning, 1 info\) in 2 files$/m);
    expect(output).toMatch(/^\| ⚠️ warning \| 8:1 \| `uncovered-responsibility` \| /m);
    expect(output).toMatch(/^\*\*Accepted by exceptions\*\* \(1\)$/m);
    expect(output).toMatch(/^\*\*Coverage\*\* of 6 responsibilities: 2 covered, 1 external, 1 absorbed, 1 uncovered, 1 not applicable$/m);
    expect(output).toMatch(/^\| Chief Information Security Officer \| Security strategy `ciso\.strategy` \| ↪️ absorbed via Security Manager .*\| Dana Reyes \|$/m);
    expect(output).toMatch(/^\| Security Analyst \| Incident response `security-analyst\.incident-response` \| ✅ covered \| Lee Chen, Sentinel Managed SOC \|$/m);
  });
});

describe('every format', () => {
  it('never colours machine formats, even when asked', () => {
    for (const name of ['sarif', 'github', 'junit', 'markdown', 'json'] as const) {
      expect(FORMATTERS[name](fixture(), { color: true, cwd: CWD })).not.toMatch(/\x1b\[/);
    }
  });

  it('handles a run with no files and one with only clean files', () => {
    const clean = collect([checkTeam(readFileSync(join(ROOT, 'templates', 'large.yaml'), 'utf8'), { file: 'team.yaml' })]);
    for (const name of Object.keys(FORMATTERS) as FormatName[]) {
      expect(() => render(name, collect([]))).not.toThrow();
      expect(render(name, clean).length).toBeGreaterThan(0);
    }
    expect(render('github', clean)).toBe('secops-team: 0 problems (0 errors, 0 warnings, 0 infos) in 1 file\n');
  });
});
