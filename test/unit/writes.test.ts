import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const FILE_WRITES = /\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|renameSync|copyFileSync|copyFile|truncateSync|writeSync(?!\((?:1|2),)|cpSync)\b|openSync\([^)]*['"][wa+]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Writing to standard output or standard error by file descriptor (writeSync(1, …)) is no file write.
describe('writing files', () => {
  it('goes through src/cli/write.ts only (temporary file and rename; replaces only what the user named)', () => {
    const writers = sources(join(ROOT, 'src'))
      .filter((file) => FILE_WRITES.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file).split('\\').join('/'));
    expect(writers).toEqual(['src/cli/write.ts']);
  });
});
