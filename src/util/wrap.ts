/** Breaks text into lines of at most `width` characters, at spaces; a longer word gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Like wrap, but a word longer than `width` is cut across lines, so that no line is ever longer. */
export function wrapHard(text: string, width: number): string[] {
  return wrap(text, width).flatMap((line) => {
    if (line.length <= width) return [line];
    const pieces: string[] = [];
    for (let i = 0; i < line.length; i += width) pieces.push(line.slice(i, i + width));
    return pieces;
  });
}
