#!/usr/bin/env node
// CommonJS (bin/package.json says so), as Node.js starts a CommonJS entry
// faster than an ES module. The program runs from the bundle that the build
// writes (scripts/bundle.mjs); each command's bundle loads when it runs.
'use strict';

// Node.js's own compile cache, where the running Node.js has it (22.1 and
// later; not Node.js 20): later runs reuse what V8 compiled. It lives in a
// folder of this user's own, made private (0700) and checked before use, so
// that no other account can plant entries; NODE_COMPILE_CACHE, where set,
// names another folder, and NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node.js
// checks each entry against the source it was made from: a damaged or stale
// entry is compiled anew, never run. See docs/performance.md.
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function' && !process.env.NODE_COMPILE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  const folder = privateCacheFolder();
  if (folder) nodeModule.enableCompileCache(folder);
}

/** $XDG_CACHE_HOME/secops-team/compile-cache (else ~/.cache/…), when it is, or can be made, a folder of this user's only. */
function privateCacheFolder() {
  if (typeof process.getuid !== 'function') return undefined;
  const { join, isAbsolute } = require('node:path');
  const fs = require('node:fs');
  const base = process.env.XDG_CACHE_HOME && isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : process.env.HOME && join(process.env.HOME, '.cache');
  if (!base) return undefined;
  const folder = join(base, 'secops-team', 'compile-cache');
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(folder);
    return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o077) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}

require('../dist/cli/main.cjs').main();
