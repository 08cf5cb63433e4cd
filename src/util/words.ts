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
