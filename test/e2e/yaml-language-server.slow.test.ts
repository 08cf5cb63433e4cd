/**
 * The team schema in the editors' own server: Red Hat's YAML language server
 * (the `yaml-language-server` dev dependency, which VS Code's YAML extension,
 * Neovim and Helix run), started as a child and spoken to over stdio as an
 * editor does. Each team file is built here and opened by URI, never
 * written; the schema is attached by the `# yaml-language-server: $schema=`
 * modeline, as docs/team-file.md tells users, with the schema store off so
 * that nothing is fetched. Positions are computed from the built text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { ROOT, yaml } from '../helpers.js';
import { type CompletionItem, LspClient, type Position, type Range } from '../lsp.js';

const SERVER = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA_FILE = join(ROOT, 'schemas', 'team.schema.json');
const SCHEMA = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
const MODELINE = `# yaml-language-server: $schema=${pathToFileURL(SCHEMA_FILE).href}`;
/** LSP's DiagnosticSeverity.Error. */
const ERROR = 1;

const consts = (def: string): string[] => SCHEMA.$defs[def].anyOf.map((s: { const: string }) => s.const);
const CATALOG_ROLES = consts('roleId');
const NICE_ROLES = consts('niceId');
const RESPONSIBILITIES = consts('responsibilityId');

/** A URI for a document that exists only in the server's memory: nothing is written. */
let documents = 0;
const documentUri = (): string => pathToFileURL(join(ROOT, 'test', 'editor-documents', `team-${++documents}.yaml`)).href;

/** The 0-based position of `needle` (unique in `text`), `at` characters into it (its end by default: a cursor after it). */
function positionOf(text: string, needle: string, at = needle.length): Position {
  const index = text.indexOf(needle);
  if (index < 0 || text.indexOf(needle, index + 1) >= 0) throw new Error(`"${needle}" must occur once in the document`);
  const before = text.slice(0, index + at).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** The range `needle` (unique in `text`) spans. */
function rangeOf(text: string, needle: string): Range {
  return { start: positionOf(text, needle, 0), end: positionOf(text, needle) };
}

/** A document with cursors marked `§name`: its text without them, and where each was. */
function withCursors(marked: string): { text: string; cursors: Record<string, Position> } {
  const cursors: Record<string, Position> = {};
  let text = marked;
  for (let match = /§(\w+)/.exec(text); match !== null; match = /§(\w+)/.exec(text)) {
    const before = text.slice(0, match.index).split('\n');
    cursors[match[1]!] = { line: before.length - 1, character: before.at(-1)!.length };
    text = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  }
  return { text, cursors };
}

/** A small valid team, with `extra` lines after the organization and one member holding `role`. */
const team = (extra: string[], role: string): string =>
  [MODELINE, 'version: 1', 'organization:', '  name: Acme', '  employees: 300', ...extra, 'members:', '  - id: dana', '    name: Dana Reyes', `    roles: [${role}]`, ''].join('\n');

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

/** The text of a schema description as the server shows it in Markdown: backticks escaped. */
const asMarkdown = (description: string): string => description.replaceAll('`', '\\`');

let server: LspClient;

beforeAll(async () => {
  server = new LspClient(
    process.execPath,
    [SERVER, '--stdio'],
    // What an editor sends for the `yaml` section; the schema store is a download, so it is off.
    { yaml: { schemaStore: { enable: false }, validate: true, hover: true, completion: true } },
    // TMPDIR: the run's own temporary folder (test/global-setup.ts), should the server write anything.
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TMPDIR: process.env.TMPDIR ?? '' } },
  );
  await server.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
    },
  });
  server.notify('initialized', {});
  // The server pulls its settings (workspace/configuration) after `initialized`; documents are opened once it has them.
  await server.configured();
}, 30_000);

afterAll(async () => {
  // An orderly exit: `shutdown` answered, then `exit` ends the process with 0.
  expect(await server?.stop()).toEqual({ code: 0, signal: null });
});

describe('yaml-language-server with the team schema', () => {
  it('is the version the docs name', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8'));
    expect(readFileSync(join(ROOT, 'docs', 'team-file.md'), 'utf8')).toContain(`yaml-language-server ${version}`);
  });

  describe('completion', () => {
    const { text, cursors } = withCursors(yaml`
      ${MODELINE}
      version: 1
      organization:
        name: Acme
        employees: 300
        maturity: §maturity
      roles:
        - id: grc-lead
          §roleKey
        - id: identity-lead
          title: Identity Lead
          duties: [§duties]
          nice: [§nice]
      members:
        - id: dana
          name: Dana Reyes
          roles: [§memberRole]
    `);
    const uri = documentUri();
    beforeAll(() => server.open(uri, text));

    it('offers the keys of a custom role under roles:', async () => {
      // A new line in grc-lead's mapping, at the indentation of its keys.
      const items = await server.completion(uri, cursors.roleKey!);
      expect(labels(items)).toEqual(expect.arrayContaining(['title', 'duties', 'nice', 'description']));
      // A key already there is not offered again.
      expect(labels(items)).not.toContain('id');
      expect(items.find((i) => i.label === 'duties')?.documentation).toBe(SCHEMA.$defs.ownRole.properties.duties.description);
    });

    it('offers the roles: section itself, with its description, in a file without it', async () => {
      const plain = withCursors(`${team([], 'ciso')}§top`);
      const plainUri = documentUri();
      server.open(plainUri, plain.text);
      const items = await server.completion(plainUri, plain.cursors.top!);
      expect(labels(items)).toEqual(expect.arrayContaining(['roles', 'exceptions', 'rules']));
      expect(items.find((i) => i.label === 'roles')?.documentation).toBe(SCHEMA.properties.roles.description);
    });

    it("offers every catalog role id for a member's role", async () => {
      const items = await server.completion(uri, cursors.memberRole!);
      expect(labels(items)).toEqual(expect.arrayContaining(['ciso', 'security-manager', ...CATALOG_ROLES]));
      expect(items.find((i) => i.label === 'ciso')?.documentation).toBe(SCHEMA.$defs.roleId.anyOf.find((s: { const: string }) => s.const === 'ciso').description);
    });

    it("offers the NICE work-role ids in a custom role's nice:", async () => {
      const items = await server.completion(uri, cursors.nice!);
      expect(NICE_ROLES).toContain('OG-WRL-002');
      expect(labels(items)).toEqual(expect.arrayContaining(NICE_ROLES));
    });

    it("offers the catalog responsibility ids in a custom role's duties:", async () => {
      const items = await server.completion(uri, cursors.duties!);
      expect(RESPONSIBILITIES).toContain('ciso.compliance');
      expect(labels(items)).toEqual(expect.arrayContaining(RESPONSIBILITIES));
    });

    it('offers the maturity levels in organization.maturity', async () => {
      const items = await server.completion(uri, cursors.maturity!);
      expect(labels(items)).toEqual(['0', '1', '2', '3', '4', '5']);
    });
  });

  describe('hover', () => {
    const text = yaml`
      ${MODELINE}
      version: 1
      organization:
        name: Acme
        employees: 300
        maturity: 3
      roles:
        - id: grc-lead
          title: GRC Lead
          duties: [ciso.compliance]
          nice: [OG-WRL-002]
      members:
        - id: dana
          name: Dana Reyes
          roles: [grc-lead]
    `;
    const uri = documentUri();
    beforeAll(() => server.open(uri, text));

    // The cursor on the key's second character.
    it.each([
      ['\nroles:', 2, SCHEMA.properties.roles.description, 'credited with exactly the catalog responsibilities'],
      ['duties:', 1, SCHEMA.$defs.ownRole.properties.duties.description, 'Catalog responsibility ids a holder is credited with'],
      ['nice:', 1, SCHEMA.$defs.ownRole.properties.nice.description, 'Closest work roles of the NIST NICE Framework'],
      ['maturity:', 1, SCHEMA.properties.organization.properties.maturity.description, 'SOC-CMM / CMMI scale: 0 none, 1 initial'],
    ])('on %j shows its description', async (needle: string, at: number, description: string, distinctive: string) => {
      const hover = await server.hover(uri, positionOf(text, needle, at));
      expect(description).toContain(distinctive);
      expect(hover).toContain(distinctive);
      expect(hover).toContain(asMarkdown(description));
    });
  });

  describe('diagnostics', () => {
    it('flags a misspelled catalog role id at the value in a file without roles:', async () => {
      const text = team([], 'sec-analyst');
      const uri = documentUri();
      server.open(uri, text);
      const diagnostics = await server.diagnosticsOf(uri);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.range).toEqual(rangeOf(text, 'sec-analyst'));
      expect(diagnostics[0]!.severity).toBe(ERROR);
      expect(diagnostics[0]!.message).toContain('"security-analyst"');
      // `check` reports it at the same place.
      const findings = checkTeam(text).findings.filter((f) => f.severity === 'error');
      expect(findings.map((f) => [f.ruleId, f.line - 1, f.column - 1, f.endColumn - 1])).toEqual([['schema', diagnostics[0]!.range.start.line, diagnostics[0]!.range.start.character, diagnostics[0]!.range.end.character]]);
    });

    it('flags an unknown key, a misspelled duty or NICE id of a custom role and a maturity out of range, where check does', async () => {
      const text = yaml`
        ${MODELINE}
        version: 1
        organization:
          name: Acme
          employees: 300
          maturity: 7
          level: 3
        roles:
          - id: grc-lead
            title: GRC Lead
            duties: [ciso.complience]
            nice: [OG-WRL-999]
        members:
          - id: dana
            name: Dana Reyes
            roles: [grc-lead]
      `;
      const uri = documentUri();
      server.open(uri, text);
      const diagnostics = await server.diagnosticsOf(uri);
      expect(diagnostics.map((d) => d.range)).toEqual([rangeOf(text, '7'), rangeOf(text, 'level'), rangeOf(text, 'ciso.complience'), rangeOf(text, 'OG-WRL-999')]);
      expect(diagnostics.every((d) => d.severity === ERROR)).toBe(true);
      const findings = checkTeam(text).findings.filter((f) => f.ruleId === 'schema');
      expect(findings.map((f) => ({ start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } }))).toEqual(diagnostics.map((d) => d.range));
    });

    it('accepts a role declared under roles:, as check does', async () => {
      const text = team(['roles:', '  - id: sec-analyst', '    title: Analyst', '    duties: [security-analyst.alert-monitoring]'], 'sec-analyst');
      expect(RESPONSIBILITIES).toContain('security-analyst.alert-monitoring');
      const uri = documentUri();
      server.open(uri, text);
      expect(await server.diagnosticsOf(uri)).toEqual([]);
      // The gap analysis has its say on this small team; the schema stage has none.
      expect(checkTeam(text).findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    });

    it('cannot tell an undeclared role id from a declared one once the file has roles: (only check can)', async () => {
      // The schema admits any well-formed id when roles: is there: it cannot compare a value with the file's own ids.
      const text = team(['roles:', '  - id: grc-lead', '    title: GRC Lead', '    duties: [ciso.compliance]'], 'sec-analyst');
      const uri = documentUri();
      server.open(uri, text);
      expect(await server.diagnosticsOf(uri)).toEqual([]);
      // `check` knows the file's own ids and reports it in its schema stage, at the value.
      const findings = checkTeam(text).findings.filter((f) => f.ruleId === 'schema');
      expect(findings.map((f) => ({ start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } }))).toEqual([rangeOf(text, 'sec-analyst')]);
      expect(findings[0]!.message).toMatch(/^unknown role "sec-analyst"; .*declare it under roles:/);
    });

    it('finds nothing in templates/medium.yaml, with the schema found by its relative modeline', async () => {
      const file = join(ROOT, 'templates', 'medium.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/team.schema.json');
      const uri = pathToFileURL(file).href;
      server.open(uri, text);
      expect(await server.diagnosticsOf(uri)).toEqual([]);
      // The schema is attached: hover shows its text.
      expect(await server.hover(uri, positionOf(text, '\norganization:', 2))).toContain(asMarkdown(SCHEMA.properties.organization.description));
    });
  });
});
