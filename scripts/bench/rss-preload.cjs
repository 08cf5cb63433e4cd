// Preloaded into each measured process when GNU time is not installed:
// writes the process's peak resident set size (KiB) to a file as it exits.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.SECOPS_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
