// A run of letters plus the Latin-1 signs that mojibake puts inside words (¹ ³ ¿ ¶ ...).
const WORD = /[\p{L}\u00A1-\u00BF\u00D7\u00F7]+/gu;
const LATIN1_SIGN_FIRST = 0xa1;
const LATIN1_SIGN_LAST = 0xbf;

/** Share of accented words that may look odd before a text stops looking Western. */
const MAX_ODD_SHARE = 0.05;

const isSign = (code: number): boolean =>
  (code >= LATIN1_SIGN_FIRST && code <= LATIN1_SIGN_LAST) || code === 0xd7 || code === 0xf7;

/**
 * Whether one word read as Windows-1252 looks like mojibake: a sign inside
 * it (Polish `zatrzyma³a` is `zatrzymała` in ISO-8859-2) or, over three
 * letters, more accented letters than plain ones (Russian `Ïîëèöèÿ`).
 */
const isOddWord = (word: string): boolean => {
  let accented = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isSign(code) && i > 0 && i < word.length - 1) return true;
    if (code >= 0x80) accented++;
  }
  return word.length > 3 && accented * 2 > word.length;
};

/**
 * Whether a text decoded as Windows-1252 reads as a Western European language
 * rather than another single-byte encoding read wrongly: at most 5 % of its
 * words with a non-ASCII character may look odd (see `isOddWord`). Western
 * words hold an accent or two among plain letters (`été`, `Größe`, `ações`);
 * Cyrillic, Greek, Hebrew or Arabic read as Windows-1252 are all accents, and
 * Central European text carries signs inside words. One linear pass.
 *
 * @example
 * looksWestern('La sécurité est assurée'); // true
 * looksWestern('Ïîëèöèÿ çàäåðæàëà'); // false
 */
const looksWestern = (text: string): boolean => {
  let accentedWords = 0;
  let oddWords = 0;
  for (const [word] of text.matchAll(WORD)) {
    let plain = true;
    for (let i = 0; i < word.length && plain; i++) plain = word.charCodeAt(i) < 0x80;
    if (plain) continue;
    accentedWords++;
    if (isOddWord(word)) oddWords++;
  }
  return oddWords <= accentedWords * MAX_ODD_SHARE;
};

export { looksWestern };
