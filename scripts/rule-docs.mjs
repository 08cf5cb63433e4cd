// Writes docs/rules/<rule-id>.md for every rule in the registry, and the index
// docs/rules/README.md, from the built package (run `npm run build` first).
//
//   node scripts/rule-docs.mjs           writes the pages, removes pages of rules that are gone
//   node scripts/rule-docs.mjs --check   writes nothing; exits 1 when a page is missing or out of date (CI)
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const folder = join(root, 'docs', 'rules');
if (!existsSync(join(dist, 'docs', 'rule-page.js'))) {
  console.error('rule-docs: dist/ is not built; run npm run build first');
  process.exit(2);
}
const { rulePage, renderRuleMarkdown, renderRuleIndex } = await import(pathToFileURL(join(dist, 'docs', 'rule-page.js')).href);
const { ALL_RULES } = await import(pathToFileURL(join(dist, 'rules', 'index.js')).href);

const wanted = new Map(ALL_RULES.map((rule) => [`${rule.id}.md`, renderRuleMarkdown(rulePage(rule))]));
wanted.set('README.md', renderRuleIndex(ALL_RULES));
const present = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.md')) : [];

if (process.argv.includes('--check')) {
  const stale = [...wanted].filter(([name, text]) => !existsSync(join(folder, name)) || readFileSync(join(folder, name), 'utf8') !== text).map(([name]) => name);
  const extra = present.filter((name) => !wanted.has(name));
  if (stale.length > 0 || extra.length > 0) {
    for (const name of stale) console.error(`docs/rules/${name} is missing or out of date`);
    for (const name of extra) console.error(`docs/rules/${name} describes no registered rule`);
    console.error('run npm run docs and commit the result');
    process.exit(1);
  }
  console.log(`docs/rules: ${wanted.size} pages, all current`);
} else {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of wanted) {
    const file = join(folder, name);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  for (const name of present.filter((n) => !wanted.has(n))) rmSync(join(folder, name));
  console.log(`docs/rules: wrote ${wanted.size} pages`);
}
