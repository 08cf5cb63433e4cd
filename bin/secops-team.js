#!/usr/bin/env node
// A CommonJS file (bin/package.json says so): Node.js starts a CommonJS entry
// faster than an ES module. The program runs from CommonJS bundles that the
// build writes (scripts/bundle.mjs), loaded with a code cache
// (src/cli/compile-cache.ts).
const { loadBundle } = require('../dist/cli/compile-cache.cjs');

loadBundle(`${__dirname}/../dist/cli/main.cjs`).main();
