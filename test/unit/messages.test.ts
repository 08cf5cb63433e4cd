/**
 * Every message a person can meet, from every rule and every class of error,
 * in one golden file, and read for plain English: articles, plurals,
 * acronyms in capitals, members counted from 1, authorities by their names.
 *
 * After a deliberate change of wording:
 *   UPDATE_GOLDEN=1 npx vitest run test/unit/messages.test.ts
 * then read the diff of test/golden/messages.txt.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeam } from '../../src/lint.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { EXAMPLE_DATE } from '../../src/rules/types.js';
import { ROOT, runInProcess } from '../helpers.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'messages.txt');
const TEAM = 'version: 1\norganization:\n  name: Acme\n  employees: 120\nmembers:\n  - id: dana\n    name: Dana Reyes\n    roles: [security-manager]\n';

/** Files that make each class of YAML and schema error. */
const FILE_ERRORS: Record<string, string> = {
  'yaml: a tab used for indentation': 'version: 1\norganization:\n\tname: Acme\n',
  'yaml: no space after a colon': 'version: 1\norganization:\n  name: Acme\n  employees:120\nmembers: []\n',
  'yaml: a key with no space after its colon, in a list': 'version: 1\norganization:\n  name: Acme\n  employees: 120\nmembers:\n  - id:dana\n',
  'yaml: an unclosed double quote': 'version: 1\norganization:\n  name: "Acme\n  employees: 120\n',
  'yaml: an unclosed single quote': "version: 1\norganization:\n  name: 'Acme\n  employees: 120\n",
  'yaml: a duplicate key': 'version: 1\nversion: 1\n',
  'yaml: two documents': 'version: 1\n---\nversion: 1\n',
  'schema: an empty file': '',
  'schema: a missing property': 'version: 1\norganization:\n  name: Acme\nmembers: []\n',
  'schema: an unknown property': TEAM.replace('    name: Dana Reyes\n', '    name: Dana Reyes\n    nmae: x\n'),
  'schema: an unknown role': TEAM.replace('security-manager', 'security-manger'),
  'schema: a wrong type': TEAM.replace('employees: 120', 'employees: many'),
  'schema: a value out of range': TEAM.replace('    roles: [security-manager]\n', '    roles: [security-manager]\n    fte: 2\n'),
  'schema: a value not allowed': TEAM.replace('  employees: 120\n', '  employees: 120\n  soc: outside\n'),
  'schema: the second member broken': `${TEAM}  - id: omar\n    roles: [it-operations-manager]\n`,
};

/** Command lines that cannot run, one per class of error. */
const RUN_ERRORS: Record<string, string[]> = {
  'a missing file': ['check', 'no-such-team.yaml'],
  'an unknown option': ['check', '--nope', 'templates/small.yaml'],
  'an unknown format': ['check', '-f', 'xml', 'templates/small.yaml'],
  'an unknown command': ['chekc'],
  'an unknown rule to explain': ['explain', 'absorbed-duty'],
  'an unknown role': ['roles', 'cisco'],
  'too many warnings': ['check', '--max-warnings', '0', 'test/fixtures/diff/reorganize/before.yaml'],
};

async function collectMessages(): Promise<string[]> {
  const lines: string[] = [];
  for (const rule of ALL_RULES) {
    for (const f of checkTeam(rule.docs.examples.fails, { today: EXAMPLE_DATE }).findings.filter((x) => x.ruleId === rule.id)) lines.push(`rule ${rule.id}: ${f.severity} ${f.line}:${f.column} ${f.message}`);
  }
  for (const [name, text] of Object.entries(FILE_ERRORS)) {
    for (const f of checkTeam(text, { today: EXAMPLE_DATE }).findings.filter((x) => x.ruleId === 'yaml-syntax' || x.ruleId === 'schema')) lines.push(`${name}: ${f.line}:${f.column} ${f.message}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'secops-team-messages-'));
  writeFileSync(join(dir, 'team.yaml'), TEAM);
  for (const [name, args] of Object.entries(RUN_ERRORS)) {
    const run = await runInProcess(args);
    lines.push(`run, ${name} (exit ${run.status}): ${run.stderr.trimEnd().split('\n').at(-1)}`);
  }
  return lines;
}

describe('messages', () => {
  it('match the golden file, one line per message', async () => {
    const text = `${(await collectMessages()).join('\n')}\n`;
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('read as plain English', async () => {
    const problems: string[] = [];
    for (const line of await collectMessages()) {
      const message = line.slice(line.indexOf(': ') + 2);
      const says = (what: string, pattern: RegExp) => {
        if (pattern.test(message)) problems.push(`${what}: ${line}`);
      };
      says('"a" before a vowel', /\ba (?:[aeio]|u(?!ni|s[aeiu]))\w/i);
      says('"an" before a consonant', /\ban (?![aeiou]|[FHLMNRSX][A-Z]|IT\b)\w/i);
      says('a plural after 1', /(?<![\d.,])\b1 (?:\w+s|duties|people)\b(?! )/);
      // Ids (ciso, security-manager) are what the file says and stay as they are; an acronym used as a word is written in capitals.
      says('an acronym in lower case', /\b(?:a|an|the|its own|no|our)\s+(?:ciso|cio|soc|mssp|it)\b(?![.-])/);
      says('a member counted from 0', /members\[\d+\]/);
      says('jargon for the SecOps roles article', /\bseed\b/i);
      says('a stack trace', /\n\s+at /);
    }
    expect(problems).toEqual([]);
  });
});
