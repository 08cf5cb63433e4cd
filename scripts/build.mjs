// Builds the package: TypeScript → dist/, then the team schema's validator as
// standalone code, so that `check` never compiles the schema at start-up.
// `--write-schema` first regenerates schemas/team.schema.json from the catalog.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function writeAtomically(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

// A fresh dist/: nothing from an earlier build (a removed module, an old bundle) is packed or run.
rmSync(join(root, 'dist'), { recursive: true, force: true });

try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
} catch {
  console.error('build failed: TypeScript reported the errors above');
  process.exit(1);
}

const schemaFile = join(root, 'schemas', 'team.schema.json');
if (process.argv.includes('--write-schema')) {
  const { renderTeamSchema } = await import(pathToFileURL(join(root, 'dist', 'schema', 'build.js')).href);
  writeAtomically(schemaFile, renderTeamSchema());
  console.log('wrote schemas/team.schema.json');
}

const { default: Ajv2020 } = await import('ajv/dist/2020.js');
const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
// inlineRefs: 4 compiles a $ref'd definition of more than four keywords once,
// as a function of its own, where Ajv would otherwise copy it into every place
// that refers to it (the shared rule settings below); small ones, such as the
// id lists, stay inlined, so that their errors keep a schemaPath under
// #/$defs/<name> (src/validate/validate.ts reads it).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictNumbers: true, unicodeRegExp: true, inlineRefs: 4, code: { source: true, esm: true, optimize: true } });
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
// The id lists (roles, responsibilities, rules) are written for editors as an
// anyOf of annotated consts, so that each id completes with its title and
// description. For validation such a list means the same as an enum of its
// values, and Ajv compiles an enum to one check where it compiles the anyOf to
// a branch per id: about a third less code for `check` to load at start-up.
const ANNOTATIONS = new Set(['const', 'title', 'description', 'markdownDescription']);
const isAnnotatedConst = (node) => node !== null && typeof node === 'object' && 'const' in node && Object.keys(node).every((key) => ANNOTATIONS.has(key));
function asEnums(node) {
  if (Array.isArray(node)) return node.map(asEnums);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'anyOf' && Array.isArray(value) && value.length > 1 && value.every(isAnnotatedConst) && !('enum' in node)) out.enum = value.map((branch) => branch.const);
    else out[key] = asEnums(value);
  }
  return out;
}
// Each rule's setting (\`rules: {<id>: ...}\`) is written out in full for
// editors, with the rule's own description; for validation the rules share
// a few shapes (a severity; a severity with the same options). Annotations
// dropped, identical shapes become one definition each.
const ANNOTATION_KEYS = new Set(['title', 'description', 'markdownDescription']);
function withoutAnnotations(node) {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(ANNOTATION_KEYS.has(key) && typeof value === 'string') && !(key === 'examples' && Array.isArray(value)))
      .map(([key, value]) => [key, withoutAnnotations(value)]),
  );
}
function sharedRuleSettings(root) {
  const settings = root.properties?.rules?.properties;
  if (!settings) return root;
  const shapes = new Map();
  const defs = { ...root.$defs };
  const properties = {};
  for (const [id, setting] of Object.entries(settings)) {
    const shape = withoutAnnotations(setting);
    const key = JSON.stringify(shape);
    if (!shapes.has(key)) {
      const name = `ruleSetting${shapes.size}`;
      if (name in defs) throw new Error(`the schema already defines ${name}: rename the build's shared rule settings`);
      shapes.set(key, name);
      defs[name] = shape;
    }
    properties[id] = { $ref: `#/$defs/${shapes.get(key)}` };
  }
  return { ...root, $defs: defs, properties: { ...root.properties, rules: { ...root.properties.rules, properties } } };
}
// The validator embeds the schema objects its errors refer to: compiled from
// the schema without its annotations (editors' text, which validation never
// reads), that is about 20 KB less for `check` to load at every start.
ajv.addSchema(sharedRuleSettings(asEnums(withoutAnnotations(schema))));
// Ajv's ESM output still calls require() for its runtime helpers (equal, ucs2length):
// they become imports, which a bundler can follow.
const helpers = [];
const validator = standaloneCode(ajv, { validateTeam: schema.$id })
  .replace(/^"use strict";/, '')
  .replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/g, (_match, path) => {
    const name = `runtime${helpers.length}`;
    // Node.js gives the CommonJS module.exports as the default import, some bundlers its .default: take either.
    helpers.push(`import ${name}Module from '${path}.js';\nconst ${name} = ${name}Module.default ?? ${name}Module;`);
    return name;
  });
if (validator.includes('require(')) throw new Error('the generated validator still calls require(); teach scripts/build.mjs the new helper');
// Ajv gathers a referenced validator's errors with concat, copying all earlier
// errors for every list item: quadratic in a file of many broken members.
// Appending in place keeps it linear; src/validate/validate.ts caps the rest.
const linear = validator.replace(/vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g, (_m, fn) => `if (vErrors === null) vErrors = ${fn}.errors; else for (const e of ${fn}.errors) vErrors.push(e);`);
if (linear.includes('.concat(')) throw new Error('the generated validator still gathers errors with concat(); teach scripts/build.mjs the new form');
const code = ['// Generated by scripts/build.mjs from schemas/team.schema.json. Do not edit.', ...helpers, linear].join('\n');
writeAtomically(join(root, 'src', 'validate', 'team-validator.js'), code);
writeAtomically(join(root, 'dist', 'validate', 'team-validator.js'), code);

// The command-line program runs from bundles, for start-up speed.
await import('./bundle.mjs');
