import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const readme = read('README.md');

/** Every Markdown file of the documentation: the README and docs/, rule pages included. */
function pages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []));
  return ['README.md', ...walk('docs')];
}

/** A ```console block that starts with `$ npx secops-team <args>`, and what follows it. */
function consoleBlock(text: string, command: RegExp): RegExpExecArray | null {
  return new RegExp('```console\\n\\$ npx secops-team ' + command.source + '\\n([\\s\\S]*?)```').exec(text);
}

describe('README: a newcomer\'s first five minutes', () => {
  it('stays short: at most 15 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024);
  });

  it('says how to install and run it', () => {
    expect(readme).toContain('npm i -D secops-team\n');
    expect(readme).toContain('npx secops-team --help\n');
    expect(readme).toMatch(/## Quick start\n[\s\S]*?```sh\nnpx secops-team init team\.yaml .*\nnpx secops-team check team\.yaml .*\n```/);
  });

  it('shows exactly what the quick start\'s check prints, here and in docs/team-file.md', () => {
    const real = runCli(['check', 'templates/small.yaml']);
    for (const file of ['README.md', 'docs/team-file.md']) {
      const block = consoleBlock(read(file), /check templates\/small\.yaml/);
      expect(block, `${file}: the example block is missing`).not.toBeNull();
      expect(real.stdout).toBe(block?.[1]);
    }
  });

  it('has a CI recipe of five lines', () => {
    const block = /## CI in five lines\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(block).toContain('npx --yes secops-team@0 check');
    expect(block.trimEnd().split('\n').length).toBeLessThanOrEqual(5);
  });

  it('keeps the set-up commands of a clone in its development section', () => {
    expect(readme).toMatch(/## Development\n[\s\S]*npm install && npx secops-team check templates\/small\.yaml\nnpm test\n/);
  });

  it('shows a picture of real output that is committed and small', () => {
    const image = /!\[[^\]]*\]\((docs\/[^)]+\.png)\)/.exec(readme)?.[1];
    expect(image).toBeDefined();
    const path = join(ROOT, image ?? '');
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeLessThan(400 * 1024);
  });

  it('links every page of docs/', () => {
    for (const page of ['team-file', 'rules/README', 'staffing', 'cli', 'ci', 'json', 'api', 'security', 'performance', 'development', 'changelog']) expect(readme).toContain(`](docs/${page}.md)`);
  });
});

describe('docs/', () => {
  it('links only to files that exist', () => {
    const broken: string[] = [];
    for (const page of pages()) {
      const text = read(page).replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (target === undefined || /^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const file = join(ROOT, dirname(page), target.replace(/#.*$/, ''));
        if (!existsSync(file)) broken.push(`${page}: ${target} (${relative(ROOT, file)})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('docs/cli.md shows exactly what the diff example prints, and its exit code', () => {
    const block = consoleBlock(read('docs/cli.md'), /diff (test\/fixtures\/\S+) (test\/fixtures\/\S+) --fail-on-regression/);
    expect(block, 'the diff example is missing').not.toBeNull();
    const run = runCli(['diff', block?.[1] ?? '', block?.[2] ?? '', '--fail-on-regression']);
    expect(run.stdout).toBe(block?.[3]);
    expect(run.status).toBe(1);
  });

  it('docs/cli.md shows the diff-comment workflow exactly as examples/github-diff-comment.yml has it', () => {
    expect(read('docs/cli.md')).toContain('```yaml\n' + read('examples/github-diff-comment.yml') + '```');
  });
});
