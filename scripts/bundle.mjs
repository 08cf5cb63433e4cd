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
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli');
const SHARED = [join(cli, 'errors.js')];
// Packages whose loading costs start-up time that most runs do not need (chalk
// loads Node's tty, net and stream modules): bundled on their own, and loaded
// when one of their exports is first used.
const LAZY_PACKAGES = ['chalk', 'tinyglobby'];
// Node.js modules with the same cost: child_process (a dozen modules; commander needs it only for
// stand-alone executable subcommands, which this program has none of) and crypto (twenty; hashes
// are needed only by some report formats).
const LAZY_BUILTINS = ['child_process', 'crypto'];
const vendor = join(cli, 'vendor');
/** Export names of each lazy package, from its own bundle's metafile. */
const lazyExports = new Map();

const toPosix = (path) => path.split('\\').join('/');

/** import.meta's url, filename and dirname, for a module whose URL is the expression `url`. */
function withImportMeta(source, url) {
  return source
    .replaceAll('import.meta.url', `(${url})`)
    .replaceAll('import.meta.filename', `require('node:url').fileURLToPath(${url})`)
    .replaceAll('import.meta.dirname', `require('node:path').dirname(require('node:url').fileURLToPath(${url}))`);
}

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
        // Node.js modules that cost start-up time and most runs never use, loaded on first use.
        b.onResolve({ filter: new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.join('|')})$`) }, (args) =>
          // The stand-in's own require() is the real module.
          args.namespace === 'secops-team-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'secops-team-builtin' },
        );
        // A getter per export, named at build time: both commander's require() and esbuild's ES module
        // interop (which copies an export list) then reach the real module only on first use.
        b.onLoad({ filter: /.*/, namespace: 'secops-team-builtin' }, (args) => {
          const names = Object.keys(createRequire(import.meta.url)(`node:${args.path}`));
          const getters = names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`);
          return { contents: [`let real; const load = () => (real ??= require('node:${args.path}'));`, ...getters].join('\n'), loader: 'js' };
        });
        b.onResolve({ filter: new RegExp(`^(?:${LAZY_PACKAGES.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'secops-team-lazy' }));
        b.onLoad({ filter: /.*/, namespace: 'secops-team-lazy' }, (args) => {
          const file = relativeSpecifier(join(vendor, `${args.path}.cjs`));
          const names = lazyExports.get(args.path) ?? [];
          const getters = names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`);
          return { contents: [`let real; const load = () => (real ??= require(${JSON.stringify(file)}));`, "Object.defineProperty(exports, '__esModule', { value: true });", ...getters].join('\n'), loader: 'js' };
        });
        b.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
          const ours = args.path.startsWith(join(root, 'dist'));
          let source = readFileSync(args.path, 'utf8');
          if (!ours) {
            // A dependency's import.meta.url (fdir resolves with createRequire(import.meta.url)) becomes the
            // bundle's own: where the package lies beside the bundle depends on how it was installed.
            if (!source.includes('import.meta')) return undefined;
            return { contents: withImportMeta(source, '__bundleUrl'), loader: 'js' };
          }
          // A command's module loads on demand: a require() of its bundle, as an import() would go through
          // Node's ES module loader and its CommonJS export scan, a cost as large as the command's own work.
          if (args.path === join(cli, 'main.js')) {
            source = source.replace(/\bimport\((['"])\.\/commands\/([\w-]+)\.js\1\)/g, (_m, _q, name) => `Promise.resolve(require('./commands/${name}.cjs'))`);
          }
          if (source.includes('import.meta')) source = withImportMeta(source, `new URL(${JSON.stringify(relativeSpecifier(args.path))}, __bundleUrl).href`);
          // A Node.js module loaded on demand (import('node:util')) stays an import() that Node.js cannot
          // run from code compiled out of a code cache: a require() gives the same module.
          source = source.replace(/\bimport\((['"])(node:[\w/]+)\1\)/g, (_m, _q, name) => `Promise.resolve().then(() => { const m = require('${name}'); return { ...m, default: m }; })`);
          return { contents: source, loader: 'js' };
        });
      },
    },
  ];
}

/**
 * Ends each bundle with a hash of its content, which names its code-cache
 * entry (src/cli/compile-cache.ts): V8 checks a cached entry against the
 * source's length only, and npm gives every installed file the same date.
 */
function markContent(result) {
  for (const file of Object.keys(result.metafile?.outputs ?? {})) {
    const path = join(root, file);
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 20);
    appendFileSync(path, `\n//# secops-team-bundle=${hash}\n`);
  }
  return result;
}

/** Fails the build on an import() left in a bundle: Node.js cannot run it from code-cached code (see src/cli/compile-cache.ts). */
function refuseDynamicImports(result) {
  for (const file of Object.keys(result.metafile?.outputs ?? {})) {
    const code = readFileSync(join(root, file), 'utf8');
    const at = code.search(/\bimport\(/);
    if (at !== -1) throw new Error(`${file} keeps a dynamic import() (${code.slice(at, at + 60)}…); load that module with a static import or require()`);
  }
  return result;
}

async function bundle(entry, outfile, extra = {}) {
  return markContent(refuseDynamicImports(await build({
    metafile: true,
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
    // Any import.meta left would be empty in a CommonJS bundle: fail the build rather than the program.
    logOverride: { 'empty-import-meta': 'error' },
    plugins: plugins(outfile),
    ...extra,
  })));
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
  markContent(refuseDynamicImports(
    await build({
      stdin: { contents, resolveDir: root, loader: 'js' },
      outfile: join(vendor, `${name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: true,
      legalComments: 'eof',
      metafile: true,
      logLevel: 'warning',
      // A dependency's import.meta.url (fdir's createRequire) becomes the vendor bundle's own URL.
      banner: { js: "const __bundleUrl=require('node:url').pathToFileURL(__filename).href;" },
      plugins: [
        {
          name: 'secops-team-vendor-import-meta',
          setup(b) {
            b.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
              const source = readFileSync(args.path, 'utf8');
              return source.includes('import.meta') ? { contents: withImportMeta(source, '__bundleUrl'), loader: 'js' } : undefined;
            });
          },
        },
      ],
    }),
  ));
}

// The loader that the bin uses to run the bundles with a code cache (src/cli/compile-cache.ts).
await bundle(join(cli, 'compile-cache.js'), join(cli, 'compile-cache.cjs'));
for (const shared of SHARED) await bundle(shared, shared.replace(/\.js$/, '.cjs'));
await bundle(join(cli, 'main.js'), join(cli, 'main.cjs'));
for (const name of readdirSync(join(cli, 'commands')).filter((n) => n.endsWith('.js'))) {
  await bundle(join(cli, 'commands', name), join(cli, 'commands', name.replace(/\.js$/, '.cjs')));
}
