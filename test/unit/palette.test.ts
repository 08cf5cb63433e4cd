import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { palette } from '../../src/format/palette.js';
import { BIN, ROOT } from '../helpers.js';

describe('palette', () => {
  it('without colour, every style and chain of styles gives the text as it is', () => {
    const c = palette(false);
    for (const paint of [c, c.red, c.red.bold, c.dim.underline, c.blue.bold, c.green, c.yellow.bold]) expect(paint('a\u001b[31m b')).toBe('a\u001b[31m b');
  });

  it('with colour, styles are ANSI escapes of the basic 16 colours', () => {
    const c = palette(true);
    expect(c.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(c.red.bold('x')).toContain('\u001b[1m');
  });

  it('a check without colour never loads chalk (start-up time)', () => {
    // Records every bundle the built program requires, then runs a check whose output is a pipe.
    const hook = `const M = require('node:module'); const load = M._load; M._load = function (r, ...a) { if (/vendor[\\\\/]chalk/.test(r)) process.stderr.write('LOADED chalk\\n'); return load.call(this, r, ...a); };`;
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['-e', `${hook} process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)});`, '--', 'check', join(ROOT, 'templates', 'small.yaml')], {
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
      });
    expect(run({ NO_COLOR: '1' }).stderr).not.toContain('LOADED chalk');
    expect(run({ FORCE_COLOR: '1' }).stderr).toContain('LOADED chalk');
  });
});
