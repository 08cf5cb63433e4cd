/** Small pieces of English for messages. */

/** "a" or "an" before a word, by how it sounds: an enterprise, a security lead, an MSSP, a user. */
export function article(word: string): 'a' | 'an' {
  if (/^(?:[aeio]|u(?!ni|s[aeiu]|r[aeiou]))/i.test(word)) return 'an';
  // Letters read one by one: an MSSP, an SOC analyst, an IT team.
  if (/^[FHLMNRSX][A-Z]/.test(word) || /^IT\b/.test(word)) return 'an';
  return 'a';
}

/** The word with its article: "an enterprise". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}

/**
 * A whole number with thousands separators, as en-US writes it: 12,500.
 * Written out rather than `toLocaleString('en-US')`, whose first call sets up
 * ICU's number formatting: several milliseconds of a short run for a comma.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
  return n < 0 ? `-${out}` : out;
}
