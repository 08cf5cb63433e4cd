/**
 * Whatever the answers, the file init writes passes the schema and the
 * reference checks, and reads back as exactly the team that was answered.
 * Random answer sequences drive the real wizard through a RandomPrompter.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Table from 'cli-table3';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SIZES } from '../../src/catalog/index.js';
import { runInit } from '../../src/cli/commands/init.js';
import { InterruptedError } from '../../src/cli/errors.js';
import { preview } from '../../src/cli/init/preview.js';
import { runWizard } from '../../src/cli/init/wizard.js';
import { checkBytes, checkTeam } from '../../src/lint.js';
import { startFromTeam, type StartingPoint } from '../../src/init/draft.js';
import { renderTeamFile } from '../../src/init/render.js';
import { readTemplate } from '../../src/init/templates.js';
import { SCHEMA_ID } from '../../src/schema/build.js';
import { memoryIo, RandomPrompter, VALIDITY_RULES, type Draw } from '../init-helpers.js';

const tricky = fc.constantFrom(
  'yes', 'no', 'null', '~', '- x', '#x', 'a: b', '"q"', "'s'", '&a', '*a', '!t', '%x', '@x', '{}', '[x]', '? x',
  '\u001b[2J', '\u001b]0;owned\u0007', 'a\nb', 'a\r\nb', '\t', '\u0085', '\u2028', '\u202egnp', '\ufeffbom', '\u0000',
  ' spaced ', '', '   ', '0', '12.5', '1,200', '1 200', '10000001', '-3', '0x10', '1e3', '.inf',
  'dana', 'Dana', 'Dana Reyes', 'dana-reyes', 'lena', 'aisha', 'omar', 'sentinel-soc', 'member', '-x', 'x'.repeat(64), 'x'.repeat(65), 'y'.repeat(201),
);
const text = fc.oneof(
  tricky,
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,8}$/),
  fc.integer({ min: 1, max: 20_000 }).map(String),
);
const draw: fc.Arbitrary<Draw> = fc.record({ pick: fc.nat({ max: 255 }), text, enter: fc.boolean(), yes: fc.boolean() });
const start = fc.option(fc.constantFrom(...SIZES), { nil: undefined });

const templates = new Map(SIZES.map((size) => [size, readTemplate(size)]));

function startingPoint(template: (typeof SIZES)[number] | undefined): StartingPoint {
  const team = template && templates.get(template);
  return team ? startFromTeam(team, `the ${template} template`) : { organization: {}, members: [] };
}

const UNSAFE_ON_A_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('init always writes a valid team (property)', () => {
  it('for random answers to the wizard: valid, round-trips, and prints nothing unsafe', async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(start, fc.array(draw, { maxLength: 160 }), async (template, draws) => {
        const printed: string[] = [];
        const prompter = new RandomPrompter(draws);
        let team: Awaited<ReturnType<typeof runWizard>>;
        try {
          team = await runWizard({
            prompter,
            print: (t) => printed.push(t),
            width: 80,
            start: startingPoint(template),
            target: 'team.yaml',
            replacing: false,
            preview: (t) => preview(t, { text: renderTeamFile(t, { schema: SCHEMA_ID }), file: 'team.yaml', width: 80, color: false, Table }),
          });
        } catch (error) {
          if (error instanceof InterruptedError) return; // "quit without writing" was drawn
          throw error;
        }
        written++;
        const file = renderTeamFile(team, { schema: SCHEMA_ID });
        expect(checkTeam(file).findings.filter((f) => VALIDITY_RULES.includes(f.ruleId))).toEqual([]);
        expect(parse(file)).toEqual(team);
        expect(printed.join('')).not.toMatch(UNSAFE_ON_A_TERMINAL);
      }),
      { seed: 20260601, numRuns: 100 },
    );
    // Most runs must end in a written team, or the property proves little.
    expect(written).toBeGreaterThan(50);
  });

  it('for random answers through the command: the file on disk passes, and no temporary file is left', async () => {
    await fc.assert(
      fc.asyncProperty(start, fc.array(draw, { maxLength: 120 }), async (template, draws) => {
        const dir = mkdtempSync(join(tmpdir(), 'secops-team-prop-'));
        const prompter = new RandomPrompter(draws);
        const io = memoryIo(dir);
        const outcome = await runInit(undefined, template ? { template } : {}, io, { prompter: async () => prompter }).catch((e: unknown) => e);
        if (outcome instanceof InterruptedError) {
          expect(readdirSync(dir)).toEqual([]);
          return;
        }
        expect(outcome).toBe(0);
        expect(readdirSync(dir)).toEqual(['team.yaml']);
        const result = checkBytes(readFileSync(join(dir, 'team.yaml')));
        expect(result.findings.filter((f) => VALIDITY_RULES.includes(f.ruleId))).toEqual([]);
        expect(io.out()).not.toMatch(UNSAFE_ON_A_TERMINAL);
      }),
      { seed: 7, numRuns: 30 },
    );
  });
});
