// The step of the GitHub Action (action.yml): turns the action's inputs, given
// as INPUT_* environment variables, into one `secops-team check` run, and
// passes its exit code on according to `fail-on`.
//
// Which secops-team runs: the `version` input when set (through npx); else
// the copy installed in the repository being checked (node_modules), so the
// action follows the project's lock file; else the action's own version.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'];
const FAIL_ON = ['error', 'warning', 'never'];

function input(name, fallback = '') {
  const value = process.env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** A workflow error annotation and exit 2: the action's inputs are wrong, nothing was checked. */
function fail(message) {
  process.stdout.write(`::error title=secops-team::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exit(2);
}

function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

const files = input('files', 'team.yaml').split(/\s+/).filter((f) => f !== '');
const format = input('format', 'github');
const sarif = input('sarif');
const summary = input('summary', 'true');
const failOn = input('fail-on', 'error');
const version = input('version');
if (!FORMATS.includes(format)) fail(`format "${format}" is not one of ${FORMATS.join(', ')}`);
if (!FAIL_ON.includes(failOn)) fail(`fail-on "${failOn}" is not one of ${FAIL_ON.join(', ')}`);
if (!['true', 'false'].includes(summary)) fail(`summary "${summary}" is not true or false`);
if (version !== '' && !/^[0-9A-Za-z.^~<>=-]+$/.test(version)) fail(`version "${version}" is not a version or range`);

const args = ['check', ...files, '--format', format];
if (sarif !== '') args.push('--report', `sarif=${sarif}`);
if (summary === 'true' && process.env.GITHUB_STEP_SUMMARY) args.push('--report', `markdown=${process.env.GITHUB_STEP_SUMMARY}`);
if (failOn === 'warning') args.push('--max-warnings', '0');

const installed = resolve('node_modules', 'secops-team', 'bin', 'secops-team.js');
const own = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8')).version;
const run =
  version === '' && existsSync(installed)
    ? spawnSync(process.execPath, [installed, ...args], { stdio: 'inherit' })
    : spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', `secops-team@${version || own}`, ...args], { stdio: 'inherit', shell: process.platform === 'win32' });

const status = run.status ?? 2;
setOutput('exit-code', String(status));
if (sarif !== '' && existsSync(sarif)) {
  setOutput('sarif', sarif);
  setOutput('sarif-path', resolve(sarif));
}
// `never` keeps findings from failing the step; a run that could not check (2) still fails.
process.exit(failOn === 'never' && status === 1 ? 0 : status);
