/**
 * The one place that knows the prompt library. Commands ask questions through
 * `Prompter`; tests pass their own. The library (@inquirer/prompts) is loaded
 * only when a terminal prompter is made, so other commands never pay for it.
 *
 * Ctrl-C and Escape at any prompt reject with `InterruptedError` (exit 130).
 */
import { escapeControl } from '../format/text.js';
import { wrap } from '../util/wrap.js';
import { InterruptedError } from './errors.js';

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown under the list while the choice is highlighted. */
  description?: string;
  /** Shown as the answer once chosen, when shorter than the name. */
  short?: string;
  /** Checkbox questions only: selected at the start. */
  checked?: boolean;
}

/** Returns true, or the message to show when the answer cannot be taken. */
export type Validate<T> = (value: T) => true | string;

export interface InputQuestion {
  message: string;
  default?: string;
  /** Put the default in the line, ready to edit, rather than showing it greyed. */
  editable?: boolean;
  validate?: Validate<string>;
}

export interface SelectQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

export interface CheckboxQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  validate?: Validate<readonly T[]>;
}

export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

/** Names the prompt library gives the errors of a prompt closed by Ctrl-C or by our abort signal. */
const INTERRUPTIONS = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);

export interface TerminalOptions {
  color: boolean;
}

interface Keypress {
  name?: string;
  ctrl?: boolean;
}

/** A prompter on the process's terminal. */
export async function terminalPrompter(options: TerminalOptions): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const { styleText } = await import('node:util');
  const paint = (style: Parameters<typeof styleText>[0]) => (text: string) => (options.color ? styleText(style, text) : text);
  // What a person typed is echoed back escaped, like any text we print.
  const theme = {
    prefix: { idle: paint('blue')('?'), done: paint('green')('✔') },
    style: {
      answer: (text: string) => paint('cyan')(escapeControl(text)),
      defaultAnswer: (text: string) => paint('dim')(`(${escapeControl(text)})`),
      message: (text: string) => paint('bold')(text),
      error: (text: string) => paint('red')(`> ${text}`),
      help: paint('dim'),
      highlight: paint('cyan'),
      description: paint('dim'),
      key: (text: string) => paint('cyan')(`<${text}>`),
    },
  };

  /**
   * Runs one prompt; Escape aborts it, and any interruption becomes
   * InterruptedError. An answered prompt stays on the screen; an interrupted
   * one is erased, so that quitting leaves no half-typed question behind. The
   * library reads `clearPromptOnDone` from the context when the prompt
   * settles, after the keypress that ends it: setting it on Ctrl-C or Escape
   * clears that prompt only.
   */
  async function ask<T>(prompt: (context: { signal: AbortSignal; clearPromptOnDone: boolean }) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const context = { signal: controller.signal, clearPromptOnDone: false };
    // The prompt's readline turns stdin bytes into keypress events; a lone Escape arrives as "escape".
    const onKeypress = (_text: unknown, key: Keypress | undefined) => {
      if (key?.name === 'escape' || (key?.ctrl === true && key.name === 'c')) context.clearPromptOnDone = true;
      if (key?.name === 'escape') controller.abort();
    };
    process.stdin.on('keypress', onKeypress);
    try {
      return await prompt(context);
    } catch (error) {
      if (error instanceof Error && INTERRUPTIONS.has(error.name)) throw new InterruptedError();
      throw error;
    } finally {
      process.stdin.off('keypress', onKeypress);
    }
  }

  // Messages, choices and validation errors may quote what someone typed: escape them all.
  const verdict = <T>(validate: Validate<T> | undefined, value: T): true | string => {
    const result = validate ? validate(value) : true;
    return result === true ? true : escapeControl(result);
  };
  const choices = <T>(list: readonly Choice<T>[]) =>
    list.map((c) => ({
      value: c.value,
      name: escapeControl(c.name),
      // The prompt library prints a description as it is, and the terminal would break it mid-word: wrap it at spaces.
      ...(c.description !== undefined ? { description: wrap(escapeControl(c.description), Math.max(20, (process.stdout.columns || 80) - 1)).join('\n') } : {}),
      ...(c.short !== undefined ? { short: escapeControl(c.short) } : {}),
      ...(c.checked ? { checked: true } : {}),
    }));

  return {
    input: (q) =>
      ask((context) =>
        inquirer.input(
          {
            message: escapeControl(q.message),
            ...(q.default !== undefined ? { default: q.default } : {}),
            ...(q.editable ? { prefill: 'editable' as const } : {}),
            validate: (value: string) => verdict(q.validate, value),
            transformer: (value: string, { isFinal }: { isFinal: boolean }) => (isFinal ? theme.style.answer(value) : escapeControl(value)),
            theme,
          },
          context,
        ),
      ),
    select: <T>(q: SelectQuestion<T>) =>
      ask((context) =>
        inquirer.select<T>(
          {
            message: escapeControl(q.message),
            choices: choices(q.choices),
            ...(q.default !== undefined ? { default: q.default } : {}),
            pageSize: 10,
            loop: false,
            theme,
          },
          context,
        ),
      ),
    checkbox: <T>(q: CheckboxQuestion<T>) =>
      ask((context) =>
        inquirer.checkbox<T>(
          {
            message: escapeControl(q.message),
            choices: choices(q.choices),
            validate: (chosen) => verdict(q.validate, chosen.map((c) => c.value)),
            pageSize: 10,
            loop: false,
            theme,
          },
          context,
        ),
      ),
    confirm: (q) => ask((context) => inquirer.confirm({ message: escapeControl(q.message), ...(q.default !== undefined ? { default: q.default } : {}), theme }, context)),
  };
}
