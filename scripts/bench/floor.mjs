// The floor a reader of team files cannot go below: read the file, parse it
// with js-yaml and validate the data with the same precompiled schema
// validator that `check` uses. Exits 0 when the file is valid, 1 otherwise.
// `npm run bench` runs it as one CommonJS bundle, as the program runs, so
// that the floor does not pay for loading ES modules one by one.
//
//   node scripts/bench/floor.mjs <team.yaml>
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { validateTeam } from '../../dist/validate/team-validator.js';

// The YAML 1.2 core schema, as `check` reads: dates stay text.
const data = load(readFileSync(process.argv[2] ?? '', 'utf8'), { schema: CORE_SCHEMA });
process.exitCode = validateTeam(data) ? 0 : 1;
