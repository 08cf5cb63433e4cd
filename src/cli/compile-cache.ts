/**
 * Loads the program's CommonJS bundles with a V8 code cache, so that a run
 * reuses the code the previous runs compiled instead of compiling it again:
 * compiling is most of what a short run costs. The cache is written when the
 * process exits, so it holds every function that run compiled, not just the
 * top level (which is all Node.js 22's own compile cache keeps).
 *
 * The cache lives in a folder of the user's own in the temporary directory,
 * used only when it belongs to the user and nobody else can write to it, and
 * each entry is named after a hash of the bundle's content (written at its
 * end by the build) and the Node.js version, so that a changed bundle never
 * runs with stale code.
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off. Any problem with the cache means
 * loading without it.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';

interface LoadedModule {
  exports: unknown;
}

const loaded = new Map<string, LoadedModule>();
const pending: { file: string; name: string; script: Script }[] = [];
let folder: string | null | undefined;

/** The cache folder, created if need be; null when it cannot be used safely. */
function cacheFolder(): string | null {
  if (folder !== undefined) return folder;
  folder = null;
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return folder;
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const dir = join(tmpdir(), `secops-team-compile-cache${uid === undefined ? '' : `-${uid}`}`);
    let stat;
    try {
      stat = lstatSync(dir);
    } catch {
      mkdirSync(dir, { mode: 0o700 });
      stat = lstatSync(dir);
    }
    if (!stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0))) return folder;
    folder = dir;
  } catch {
    folder = null;
  }
  return folder;
}

const MARK = '//# secops-team-bundle=';

/** The cache entry of a bundle: named after the content hash the build wrote at its end (see scripts/bundle.mjs). */
function entryName(file: string, source: string): string | undefined {
  const at = source.lastIndexOf(MARK);
  if (at === -1) return undefined;
  const hash = source.slice(at + MARK.length).trim();
  return /^[0-9a-f]{8,64}$/.test(hash) ? `${basename(file)}-${hash}-${process.version}-${process.arch}.v8` : undefined;
}

function saveOnExit(): void {
  const dir = cacheFolder();
  if (!dir) return;
  for (const { file, name, script } of pending) {
    const target = join(dir, name);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, target);
      // Entries for earlier builds of this bundle will not be read again.
      const prefix = `${basename(file)}-`;
      for (const old of readdirSync(dir)) if (old.startsWith(prefix) && old !== name && !old.endsWith('.tmp')) rmSync(join(dir, old), { force: true });
    } catch {
      // A cache that cannot be written is only a slower next run.
    }
  }
}

/** Requires a CommonJS bundle; relative requires of other `.cjs` bundles go through the cache too. */
export function loadBundle(file: string): unknown {
  const path = resolve(file);
  const known = loaded.get(path);
  if (known) return known.exports;
  const source = readFileSync(path, 'utf8');
  const dir = cacheFolder();
  const name = dir ? entryName(path, source) : undefined;
  let cachedData: Buffer | undefined;
  if (dir && name) {
    try {
      cachedData = readFileSync(join(dir, name));
    } catch {
      cachedData = undefined;
    }
  }
  // The CommonJS wrapper on the first line, so that line numbers stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    // No importModuleDynamically: Node.js loses it on code read from a cache, so the build
    // (scripts/bundle.mjs) makes sure that no bundle keeps an import().
    ...(cachedData ? { cachedData } : {}),
  });
  if (dir && name && (!cachedData || script.cachedDataRejected === true)) {
    if (pending.length === 0) process.once('exit', saveOnExit);
    pending.push({ file: path, name, script });
  }
  const module: LoadedModule = { exports: {} };
  loaded.set(path, module);
  const nodeRequire = createRequire(path);
  const bundleRequire = Object.assign((id: string): unknown => (id.startsWith('.') && id.endsWith('.cjs') ? loadBundle(resolve(dirname(path), id)) : nodeRequire(id)), {
    resolve: nodeRequire.resolve,
    cache: nodeRequire.cache,
  });
  const wrapper: unknown = script.runInThisContext();
  if (typeof wrapper !== 'function') throw new Error(`${path} did not compile to a module`);
  wrapper.call(module.exports, module.exports, bundleRequire, module, path, dirname(path));
  return module.exports;
}
