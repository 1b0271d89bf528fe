/**
 * What each UTF-16 unit of the Basic Multilingual Plane is, learned on first
 * sight: 0 not yet seen, 1 a letter (category L), 2 a combining mark (M), 3
 * anything else. Counting letters by a table lookup per unit costs a fraction
 * of a Unicode-property expression run over the text, and the table fills
 * with the few hundred units a language uses.
 */
const UnitKind = { UNSEEN: 0, LETTER: 1, MARK: 2, OTHER: 3 } as const;

const kinds = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;

/** The kind of a BMP unit that is not a surrogate (see `UnitKind`). */
const unitKind = (unit: number): number => {
  let kind = kinds[unit] as number;
  if (kind === UnitKind.UNSEEN) {
    const char = String.fromCharCode(unit);
    kind = LETTER.test(char) ? UnitKind.LETTER : MARK.test(char) ? UnitKind.MARK : UnitKind.OTHER;
    kinds[unit] = kind;
  }
  return kind;
};

/**
 * Letters (code points of category L) in `text`. A letter outside the BMP
 * (two UTF-16 units) counts once.
 *
 * @example
 * countLetters('Né en 1990, à Paris.'); // 11
 */
const countLetters = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const codePoint = text.codePointAt(i) as number;
      if (codePoint > 0xffff) {
        if (LETTER.test(String.fromCodePoint(codePoint))) count++;
        i++;
        continue;
      }
    }
    if (unitKind(unit) === UnitKind.LETTER) count++;
  }
  return count;
};

/** A BMP unit that is a letter or a combining mark. */
const isLetterOrMark = (unit: number): boolean => {
  const kind = unitKind(unit);
  return kind === UnitKind.LETTER || kind === UnitKind.MARK;
};

/** A BMP unit that is a letter (category L). */
const isLetter = (unit: number): boolean => unitKind(unit) === UnitKind.LETTER;

/** A BMP unit that is a combining mark (category M). */
const isMark = (unit: number): boolean => unitKind(unit) === UnitKind.MARK;

export { countLetters, isLetter, isLetterOrMark, isMark };
