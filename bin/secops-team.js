#!/usr/bin/env node
// CommonJS (bin/package.json says so), as Node.js starts a CommonJS entry
// faster than an ES module. The program runs from the bundle that the build
// writes (scripts/bundle.mjs); each command's bundle loads when it runs.
require('../dist/cli/main.cjs').main();
