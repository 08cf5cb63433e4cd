import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { memoryIo, STACK_TRACE } from '../helpers.js';

const TEAM = 'version: 1\norganization: {name: Acme, employees: 12}\nmembers:\n  - {id: dana, name: Dana, roles: [cisco]}\n';

describe('the command-line layer, in-process', () => {
  it('turns an unexpected error into one line naming the command, and exit 2', async () => {
    // A dependency that fails in a way no command expects: writing the report throws.
    const io = memoryIo(['check', '-'], {
      stdin: Buffer.from(TEAM),
      write: () => {
        throw new TypeError('stream exploded\nsecond line');
      },
    });
    expect(await run(io)).toBe(2);
    expect(io.err()).toBe(
      'secops-team check: internal error: stream exploded. This is a bug in secops-team: please report it with the input that caused it (run again with --debug for the stack trace)\n',
    );
    expect(io.err()).not.toMatch(STACK_TRACE);
  });

  it('adds the stack trace with --debug', async () => {
    const io = memoryIo(['--debug', 'check', '-'], {
      stdin: Buffer.from(TEAM),
      write: () => {
        throw new TypeError('stream exploded');
      },
    });
    expect(await run(io)).toBe(2);
    expect(io.err()).toMatch(/^secops-team check: internal error: stream exploded\. This is a bug in secops-team: please report it with the input that caused it\nTypeError: stream exploded\n/);
    expect(io.err()).toMatch(STACK_TRACE);
  });

  it('passes a size limit to standard input and refuses more', async () => {
    let asked: number | undefined;
    const io = memoryIo(['check', '-']);
    io.stdin.read = async (limit?: number) => {
      asked = limit;
      return Buffer.alloc((limit ?? 0) + 1, 0x20);
    };
    expect(await run(io)).toBe(2);
    expect(asked).toBe(32 * 1024 * 1024);
    expect(io.err()).toMatch(/^secops-team: standard input is above the 32 MB limit for a team file\n$/);
  });

  it('exits 1 when there are error findings, with the JSON on standard output', async () => {
    const io = memoryIo(['check', '-', '--format', 'json'], { stdin: Buffer.from(TEAM) });
    expect(await run(io)).toBe(1);
    expect(JSON.parse(io.out()).summary.errors).toBe(1);
    expect(io.err()).toBe('');
  });
});
