// Bundles the command-line program (run by build.mjs after TypeScript).
// Loading the forty-odd ES modules of dist/ and node_modules one by one costs
// more than the work `check` does on a small file, so the bin runs CommonJS
// bundles instead, one esbuild call per file:
//
//   dist/cli/main.cjs            the program and commander: all --help needs
//   dist/cli/commands/<n>.cjs    one per command, required when it runs
//   dist/cli/errors.cjs          shared by all of them, so that `instanceof
//                                CliError` holds across bundles
//   dist/cli/vendor/<pkg>.cjs    chalk and tinyglobby, required on first use
//   dist/cli/lazy/<module>.cjs   modules of dist/ that a run seldom needs,
//                                required on first use (LAZY_MODULES)
//
// The library (dist/index.js and the rest of dist/) is not bundled. No source
// text is rewritten: the plugin below only decides what is external or loaded
// on first use, and gives import.meta.url a value. What each step is worth,
// as the time to require() the bundle (Node.js 20, 2 busy cores, best of 7):
// - Commands in bundles of their own: main.cjs is 66 KB; with the commands
//   (2.3 MB together: the YAML parsers, Ajv's validator, the formats, the
//   prompt library) `--help` would compile all of them.
// - child_process on first use: main.cjs 29.5 ms -> 17.8 ms. commander
//   requires it at its top, for stand-alone subcommands this program has none of.
// - chalk and tinyglobby on first use: commands/check.cjs 141 ms -> 70 ms.
//   They load Node's tty, fdir and picomatch; check needs them only for
//   colours and globs.
// - crypto on first use: 36 fewer internal modules loaded by check.cjs.
// - The formats other than stylish, the yaml package's reading and the schema
//   on first use: check.cjs 348 KB -> 318 KB, and 11 M fewer instructions for
//   a check of templates/medium.yaml (valgrind --tool=callgrind, node
//   --predictable: counts that repeat exactly; 310 M -> 299 M).
// - js-yaml from its CommonJS sources (loader, Schema, Type), not its ES
//   module build, which carries the dumper and wraps each part in a function
//   that V8 parses twice: with stand-ins of one loop (lazyStub), 6 M fewer.
// - import.meta.url: esbuild leaves import.meta empty in CommonJS output, and
//   modules resolve package.json or templates/ against their own place in
//   dist/. A module that reads it gets a one-line prologue with its own URL,
//   which `define` binds import.meta.url to.
// `npm run bench` shows the result: `--help` and `check` against `node -e 0`.
// BUNDLE_READABLE=1 keeps whitespace and each module's path in a comment, for
// profiling which module's code a run compiles (node --log-function-events).
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli');
const errors = join(cli, 'errors.js');
const vendor = join(cli, 'vendor');
const require = createRequire(import.meta.url);
const toPosix = (path) => path.split('\\').join('/');
// Loaded on first use (see above).
// Each package's bundle re-exports all of it; `withDefault` where it has a default export.
const LAZY_PACKAGES = [
  { name: 'chalk', withDefault: true },
  { name: 'tinyglobby', withDefault: false },
];
const LAZY_BUILTINS = ['child_process', 'crypto'];
// Modules of dist/ that a run seldom needs, each in a bundle of its own
// (dist/cli/lazy/<dir>-<name>.cjs) that a stand-in requires on first use: the
// formats other than stylish, and what describes a file that fails (the yaml
// package's reading, the schema that names what is wrong). Whoever imports
// one must not read its exports at load time (src/format/index.ts reads each
// format when asked for it).
const LAZY_MODULES = ['format/github.js', 'format/json.js', 'format/junit.js', 'format/markdown.js', 'format/sarif.js', 'load/yaml-doc.js', 'schema/build.js'].map((path) => join(root, 'dist', path));
const lazyBundle = (module) => join(cli, 'lazy', `${toPosix(relative(join(root, 'dist'), module)).replace(/\.js$/, '').split('/').join('-')}.cjs`);


function specifier(from, target) {
  const path = toPosix(relative(from, target));
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * A CommonJS stand-in for `names`: each export a getter that loads the real
 * module (`load`) on first use. One loop over the names, not a statement per
 * name: the stand-in for node:crypto (a hundred names) is then 2 KB, not 7 KB
 * of code for every run to parse.
 */
function lazyStub(load, names) {
  return [
    `let real; const load = () => (real ??= ${load});`,
    "Object.defineProperty(exports, '__esModule', { value: true });",
    `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
  ].join('\n');
}

/** esbuild options for one bundle: `entry` (a module of dist/cli, or stdin contents) to `outfile`. */
function options(entry, outfile, lazy = true) {
  const outdir = dirname(outfile);
  return {
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: entry }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // A command's import() becomes a require() of its bundle, loaded when the command runs.
    supported: { 'dynamic-import': false },
    // Whitespace and syntax only: names stay readable in --debug stack traces.
    minifyWhitespace: !process.env.BUNDLE_READABLE,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Any import.meta left would be empty in a CommonJS bundle: fail the build rather than the program.
    logOverride: { 'empty-import-meta': 'error' },
    define: { 'import.meta.url': '__moduleUrl' },
    plugins: [
      {
        name: 'secops-team-cli',
        setup(b) {
          // The shared errors module and the commands stay separate bundles.
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            const target = join(args.resolveDir, args.path);
            const separate = target === errors || (dirname(target) === join(cli, 'commands') && args.kind === 'dynamic-import');
            if (separate) return { path: specifier(outdir, target.replace(/\.js$/, '.cjs')), external: true };
            return LAZY_MODULES.includes(target) ? { path: target, namespace: 'lazy-module' } : undefined;
          });
          b.onResolve({ filter: /\.cjs$/, namespace: 'lazy-module' }, (args) => ({ path: args.path, external: true }));
          b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, async (args) => ({
            contents: lazyStub(`require(${JSON.stringify(specifier(outdir, lazyBundle(args.path)))})`, Object.keys(await import(pathToFileURL(args.path).href))),
            loader: 'js',
          }));
          // Lazy Node.js modules: a stand-in whose own require() is the real module.
          b.onResolve({ filter: new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.join('|')})$`) }, (args) =>
            args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
          );
          b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: lazyStub(`require('node:${args.path}')`, Object.keys(require(`node:${args.path}`))), loader: 'js' }));
          // js-yaml from its CommonJS sources, of which src/load/fast.ts uses the
          // loader, Schema and Type: its ES module build carries the dumper too,
          // and wraps every part in a function that runs at load.
          b.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'js-yaml-loader' }));
          b.onLoad({ filter: /.*/, namespace: 'js-yaml-loader' }, () => {
            const lib = join(dirname(require.resolve('js-yaml/package.json')), 'lib');
            const from = (file) => JSON.stringify(toPosix(join(lib, file)));
            return {
              contents: [`export { load } from ${from('loader.js')};`, `export { default as Schema } from ${from('schema.js')};`, `export { default as Type } from ${from('type.js')};`].join('\n'),
              resolveDir: lib,
              loader: 'js',
            };
          });
          // Lazy packages: a stand-in that requires the package's own bundle (dist/cli/vendor/) on first use.
          if (lazy) {
            b.onResolve({ filter: new RegExp(`^(?:${LAZY_PACKAGES.map((p) => p.name).join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
            b.onResolve({ filter: /\.cjs$/, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
            b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
              const file = join(vendor, `${args.path}.cjs`);
              return { contents: lazyStub(`require(${JSON.stringify(specifier(outdir, file))})`, Object.keys(require(file))), loader: 'js' };
            });
          }
          // A module that reads import.meta.url gets its own URL, where its file lies relative to this bundle.
          b.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
            const source = await readFile(args.path, 'utf8');
            if (!source.includes('import.meta')) return undefined;
            const own = JSON.stringify(toPosix(relative(outdir, args.path)));
            return { contents: `const __moduleUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, ${own})).href;\n${source}`, loader: 'js' };
          });
        },
      },
    ],
  };
}

for (const { name, withDefault } of LAZY_PACKAGES) {
  const contents = `export * from '${name}';${withDefault ? ` export { default } from '${name}';` : ''}`;
  await build(options({ contents, resolveDir: root, loader: 'js' }, join(vendor, `${name}.cjs`), false));
}
await build(options(errors, join(cli, 'errors.cjs')));
for (const module of LAZY_MODULES) await build(options(module, lazyBundle(module)));
await build(options(join(cli, 'main.js'), join(cli, 'main.cjs')));
for (const name of (await readdir(join(cli, 'commands'))).filter((n) => n.endsWith('.js'))) {
  await build(options(join(cli, 'commands', name), join(cli, 'commands', name.replace(/\.js$/, '.cjs'))));
}
