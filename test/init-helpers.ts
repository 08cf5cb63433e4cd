/**
 * Prompters for tests: they answer init's questions the way the prompt
 * library would (Enter takes the default, an answer that fails validation is
 * asked again), from a script or from random draws.
 */
import { PLAN_OFFER } from '../src/cli/commands/init.js';
import { InterruptedError } from '../src/cli/errors.js';
import type { Io } from '../src/cli/io.js';
import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from '../src/cli/prompts.js';

/** Answers with Enter: the default, or the first choice. */
export const ENTER = Symbol('enter');
/** Ctrl-C or Escape at this prompt. */
export const INTERRUPT = Symbol('interrupt');

export type ScriptedAnswer = string | number | boolean | readonly string[] | typeof ENTER | typeof INTERRUPT;

export interface Asked {
  kind: 'input' | 'select' | 'checkbox' | 'confirm';
  message: string;
  default?: unknown;
  choices?: unknown[];
}

/** Answers from a list, in order; fails the test when the flow asks something unexpected. */
export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  /** Answers that validation refused, with its message. */
  readonly refused: { message: string; answer: unknown; problem: string }[] = [];
  private readonly answers: ScriptedAnswer[];

  constructor(answers: readonly ScriptedAnswer[]) {
    this.answers = [...answers];
  }

  get remaining(): number {
    return this.answers.length;
  }

  private next(asked: Asked): ScriptedAnswer {
    this.asked.push(asked);
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error(`the script has no answer left for "${asked.message}"`);
    if (answer === INTERRUPT) throw new InterruptedError();
    return answer;
  }

  async input(q: InputQuestion): Promise<string> {
    for (;;) {
      const answer = this.next({ kind: 'input', message: q.message, default: q.default });
      const value = answer === ENTER ? (q.default ?? '') : String(answer);
      const verdict = q.validate ? q.validate(value) : true;
      if (verdict === true) return value;
      this.refused.push({ message: q.message, answer: value, problem: verdict });
    }
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    const values = q.choices.map((c) => c.value);
    const answer = this.next({ kind: 'select', message: q.message, default: q.default, choices: values });
    const value = answer === ENTER ? (q.default ?? values[0]) : answer;
    const chosen = q.choices.find((c) => c.value === value);
    if (!chosen) throw new Error(`${String(value)} is not a choice of "${q.message}" (${values.join(', ')})`);
    return chosen.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    for (;;) {
      const values = q.choices.map((c) => c.value);
      const answer = this.next({ kind: 'checkbox', message: q.message, choices: values });
      if (!Array.isArray(answer)) throw new Error(`"${q.message}" needs a list of choices`);
      const chosen = q.choices.filter((c) => (answer as readonly unknown[]).includes(c.value)).map((c) => c.value);
      if (chosen.length !== answer.length) throw new Error(`not all of ${answer.join(', ')} are choices of "${q.message}"`);
      const verdict = q.validate ? q.validate(chosen) : true;
      if (verdict === true) return chosen;
      this.refused.push({ message: q.message, answer: chosen, problem: verdict });
    }
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    // The offer to show the plan ends every wizard that leaves findings: a script that stops before it declines it.
    if (this.answers.length === 0 && q.message === PLAN_OFFER) return q.default ?? false;
    const answer = this.next({ kind: 'confirm', message: q.message, default: q.default });
    if (answer === ENTER) return q.default ?? false;
    if (typeof answer !== 'boolean') throw new Error(`"${q.message}" needs true or false`);
    return answer;
  }
}

/** One random draw per question: which choice, which text, which yes or no. */
export interface Draw {
  pick: number;
  text: string;
  enter: boolean;
  yes: boolean;
}

/**
 * Answers from random draws. Text that validation refuses is asked again with
 * the next draw, like a person retyping; when the draws run out it presses
 * Enter (the default) or picks the first choice, which ends every loop of the
 * wizard, so each run finishes.
 */
export class RandomPrompter implements Prompter {
  private index = 0;
  questions = 0;

  constructor(private readonly draws: readonly Draw[]) {}

  private draw(): Draw | undefined {
    this.questions++;
    if (this.questions > 5000) throw new Error('the wizard asked more than 5000 questions');
    return this.draws[this.index++];
  }

  async input(q: InputQuestion): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const d = this.draw();
      let value: string;
      if (d === undefined || attempt > 6) {
        // Out of draws, or refused too often: what a person would type to move on.
        value = [q.default, 'x', '1'].find((v) => v !== undefined && (q.validate?.(v) ?? true) === true) ?? '';
      } else value = d.enter ? (q.default ?? '') : d.text;
      if ((q.validate?.(value) ?? true) === true) return value;
      if (d === undefined || attempt > 6) throw new Error(`no answer passes the validation of "${q.message}"`);
    }
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    const d = this.draw();
    const first = q.choices[0];
    if (!first) throw new Error(`"${q.message}" has no choices`);
    if (d === undefined) return q.default ?? first.value;
    if (d.enter && q.default !== undefined) return q.default;
    return (q.choices[d.pick % q.choices.length] ?? first).value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    const d = this.draw();
    const bits = d?.pick ?? 1;
    const chosen = q.choices.filter((_c, i) => (bits >> i) & 1).map((c) => c.value);
    const first = q.choices[0];
    if ((q.validate?.(chosen) ?? true) === true) return chosen;
    if (!first) throw new Error(`"${q.message}" has no choices`);
    return [first.value];
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const d = this.draw();
    if (d === undefined || d.enter) return q.default ?? false;
    return d.yes;
  }
}

/** The stages that decide whether a file is valid: syntax, schema and references. */
export const VALIDITY_RULES = ['yaml-syntax', 'schema', 'duplicate-member', 'unknown-member', 'reporting-cycle'];

export interface MemoryIo extends Io {
  out: () => string;
  err: () => string;
}

/** An Io that keeps what is written; a terminal unless told otherwise. */
export function memoryIo(cwd: string, options: { tty?: boolean; columns?: number; env?: Record<string, string> } = {}): MemoryIo {
  let out = '';
  let err = '';
  return {
    argv: ['node', 'secops-team'],
    env: { NO_COLOR: '1', ...options.env },
    cwd,
    stdout: { write: (text) => void (out += text), isTTY: options.tty ?? true, columns: options.columns ?? 80 },
    stderr: { write: (text) => void (err += text) },
    stdin: { isTTY: options.tty ?? true, read: async () => Buffer.alloc(0) },
    out: () => out,
    err: () => err,
  };
}
