// `npm pack` and `npm publish` (prepack, postpack): the packed package.json
// goes without the `prepare` script. `prepare` builds a clone on `npm ci`;
// in a tarball it would do nothing (scripts/ is not packed), yet npm counts it
// as an install script of a package installed from a file and warns about it.
//
//   node scripts/pack-manifest.mjs strip     keeps package.json aside, writes it without prepare
//   node scripts/pack-manifest.mjs restore   puts the kept package.json back
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const kept = join(root, 'package.json.prepack');

function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

const command = process.argv[2];
if (command === 'strip') {
  // A pack that failed before postpack left the original aside: put it back first.
  restore();
  const text = readFileSync(manifest, 'utf8');
  const json = JSON.parse(text);
  if (json.scripts?.prepare) {
    writeFileSync(kept, text);
    delete json.scripts.prepare;
    const tmp = `${manifest}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(json, null, 2)}\n`);
    renameSync(tmp, manifest);
  }
} else if (command === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
