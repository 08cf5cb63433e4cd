// Bundles the command-line program for start-up speed (run by build.mjs
// after TypeScript). Loading some forty ES modules from dist/ and
// node_modules costs more than the work `check` does on a small file, so the
// program runs from a few CommonJS bundles instead:
//
//   dist/cli/main.cjs            the program and commander: all --help needs
//   dist/cli/commands/<n>.cjs    one per command, loaded when it runs
//   dist/cli/errors.cjs          shared by all of them, so that `instanceof
//                                CliError` holds across bundles
//   dist/cli/vendor/chalk.cjs    loaded when colours are first asked for
//   dist/cli/compile-cache.cjs   runs the bundles with a V8 code cache
//
// The library (dist/index.js and the rest of dist/) is unchanged. Each module
// keeps its own import.meta.url (the URL of its file in dist/), so paths it
// resolves against it mean the same bundled or not.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli');
const SHARED = [join(cli, 'errors.js')];
// Packages whose loading costs start-up time that most runs do not need (chalk
// loads Node's tty, net and stream modules): bundled on their own, and loaded
// when one of their exports is first used.
const LAZY_PACKAGES = ['chalk'];
const vendor = join(cli, 'vendor');
/** Export names of each lazy package, from its own bundle's metafile. */
const lazyExports = new Map();

const toPosix = (path) => path.split('\\').join('/');

/** Plugins: shared modules and commands stay separate files; each module keeps its own import.meta.url; commander's child_process loads lazily. */
function plugins(outfile) {
  const outdir = dirname(outfile);
  const relativeSpecifier = (target) => {
    const path = toPosix(relative(outdir, target));
    return path.startsWith('.') ? path : `./${path}`;
  };
  return [
    {
      name: 'secops-team-split',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (args) => {
          if (args.kind === 'entry-point') return undefined;
          const target = join(args.resolveDir, args.path);
          if (SHARED.includes(target)) {
            return { path: relativeSpecifier(target.replace(/\.js$/, '.cjs')), external: true };
          }
          if (args.kind === 'require-call' && target.endsWith('.cjs')) return { path: args.path, external: true };
          return undefined;
        });
        // Commander needs child_process only for stand-alone executable subcommands, which this program has none of;
        // loading it up front costs a dozen of Node's own modules.
        b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'lazy-child-process', namespace: 'secops-team' } : undefined));
        b.onLoad({ filter: /^lazy-child-process$/, namespace: 'secops-team' }, () => ({
          contents: "module.exports = new Proxy({}, { get: (_target, name) => require('node:child_process')[name] });",
          loader: 'js',
        }));
        b.onResolve({ filter: new RegExp(`^(?:${LAZY_PACKAGES.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'secops-team-lazy' }));
        b.onLoad({ filter: /.*/, namespace: 'secops-team-lazy' }, (args) => {
          const file = relativeSpecifier(join(vendor, `${args.path}.cjs`));
          const names = lazyExports.get(args.path) ?? [];
          const getters = names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`);
          return { contents: [`let real; const load = () => (real ??= require(${JSON.stringify(file)}));`, "Object.defineProperty(exports, '__esModule', { value: true });", ...getters].join('\n'), loader: 'js' };
        });
        b.onLoad({ filter: /\.js$/ }, (args) => {
          if (!args.path.startsWith(join(root, 'dist'))) return undefined;
          let source = readFileSync(args.path, 'utf8');
          // A command's module loads on demand: a require() of its bundle, as an import() would go through
          // Node's ES module loader and its CommonJS export scan, a cost as large as the command's own work.
          if (args.path === join(cli, 'main.js')) {
            source = source.replace(/\bimport\((['"])\.\/commands\/([\w-]+)\.js\1\)/g, (_m, _q, name) => `Promise.resolve(require('./commands/${name}.cjs'))`);
          }
          if (source.includes('import.meta.url')) {
            source = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relativeSpecifier(args.path))}, __bundleUrl).href`);
          }
          return { contents: source, loader: 'js' };
        });
      },
    },
  ];
}

async function bundle(entry, outfile, extra = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Whitespace and syntax only: names stay readable in --debug stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    banner: { js: "const __bundleUrl=require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    plugins: plugins(outfile),
    ...extra,
  });
}

/** The export names of a package, `default` included when it has one (esbuild lists them for ES module output). */
async function exportsOf(name) {
  const names = async (contents) => {
    const result = await build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    return Object.values(result.metafile.outputs)[0]?.exports ?? [];
  };
  const named = await names(`export * from '${name}';`);
  const withDefault = await names(`export { default } from '${name}';`).catch(() => []);
  return [...new Set([...named, ...withDefault])];
}

for (const name of LAZY_PACKAGES) {
  const names = await exportsOf(name);
  if (names.length === 0) throw new Error(`found no exports of ${name} to load lazily`);
  lazyExports.set(name, names);
  const contents = names.includes('default') ? `export * from '${name}'; export { default } from '${name}';` : `export * from '${name}';`;
  await build({ stdin: { contents, resolveDir: root, loader: 'js' }, outfile: join(vendor, `${name}.cjs`), bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, legalComments: 'eof', logLevel: 'warning' });
}

// The loader that the bin uses to run the bundles with a code cache (src/cli/compile-cache.ts).
await bundle(join(cli, 'compile-cache.js'), join(cli, 'compile-cache.cjs'));
for (const shared of SHARED) await bundle(shared, shared.replace(/\.js$/, '.cjs'));
await bundle(join(cli, 'main.js'), join(cli, 'main.cjs'));
for (const name of readdirSync(join(cli, 'commands')).filter((n) => n.endsWith('.js'))) {
  await bundle(join(cli, 'commands', name), join(cli, 'commands', name.replace(/\.js$/, '.cjs')));
}
