import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const require = createRequire(import.meta.url);
const ajvCli = join(dirname(require.resolve('ajv-cli/package.json')), 'dist', 'index.js');
const templates = readdirSync(join(ROOT, 'templates')).filter((f) => f.endsWith('.yaml'));

describe('the schema in another validator', () => {
  it('ajv-cli validate --spec=draft2020 accepts every template', () => {
    const args = ['validate', '--spec=draft2020', '-s', 'schemas/team.schema.json', ...templates.flatMap((t) => ['-d', `templates/${t}`])];
    const run = spawnSync(process.execPath, [ajvCli, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr + run.stdout).not.toMatch(/invalid/);
    expect(run.status).toBe(0);
    for (const t of templates) expect(run.stdout + run.stderr).toContain(`templates/${t} valid`);
  });
});
