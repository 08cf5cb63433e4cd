import { Chalk } from 'chalk';

/** The styles the terminal formats use; each style is also a function that paints text. */
export interface Palette {
  (text: string): string;
  readonly bold: Palette;
  readonly dim: Palette;
  readonly underline: Palette;
  readonly red: Palette;
  readonly green: Palette;
  readonly yellow: Palette;
  readonly blue: Palette;
}

const STYLES = ['bold', 'dim', 'underline', 'red', 'green', 'yellow', 'blue'] as const;

let plain: Palette | undefined;

/** Text as it is, for every style (and every chain of styles). */
function plainPalette(): Palette {
  const paint = ((text: string) => text) as Palette;
  for (const name of STYLES) Object.defineProperty(paint, name, { value: paint });
  return paint;
}

/**
 * Chalk's basic 16 colours when `color` is on. Without colour, chalk is not
 * touched at all: its bundle (and Node's tty module it pulls in) loads on
 * first use, and most runs (pipes, CI logs, files) never need it.
 */
export function palette(color: boolean): Palette {
  if (color) return new Chalk({ level: 1 });
  plain ??= plainPalette();
  return plain;
}
