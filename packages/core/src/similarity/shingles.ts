import { FNV_OFFSET_BASIS, FNV_PRIME, hashWords } from './hash32.ts';

/**
 * Words per shingle. Five is the usual choice for news-length text: a run of
 * five words is specific enough that two unrelated texts in one language share
 * almost none (three-word runs like "è stato arrestato" or "the police said"
 * are common to every crime report), while one edited word only breaks the
 * five shingles that span it, so a copy with a few edits keeps most of them.
 */
const SHINGLE_WORDS = 5;

const COMBINING_MARKS = /[\p{M}\u200C\u200D]+/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

const CodeClass = { UNSEEN: 0, SEPARATOR: 1, WORD: 2, MARK: 3 } as const;
type CodeClassValue = (typeof CodeClass)[keyof typeof CodeClass];

// Class of every BMP unit met so far (`CodeClass`), learned on first sight: one
// array read per unit instead of a `Map` lookup, and a text uses few of them.
const bmpClasses = new Uint8Array(0x10000);

const classOf = (char: string): CodeClassValue =>
  LETTER_OR_DIGIT.test(char)
    ? CodeClass.WORD
    : MARK.test(char)
      ? CodeClass.MARK
      : CodeClass.SEPARATOR;

for (let unit = 0; unit < 128; unit++) {
  const word = (unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57);
  bmpClasses[unit] = word ? CodeClass.WORD : CodeClass.SEPARATOR;
}
// ZWNJ and ZWJ join a word's parts: skipped like marks, so a word hashes as without them.
bmpClasses[0x200c] = CodeClass.MARK;
bmpClasses[0x200d] = CodeClass.MARK;

// Classes of the code points beyond the BMP met so far.
const astralClasses = new Map<number, CodeClassValue>();

const classify = (codePoint: number): CodeClassValue => {
  if (codePoint > 0xffff) {
    let astral = astralClasses.get(codePoint);
    if (astral === undefined) {
      astral = classOf(String.fromCodePoint(codePoint));
      astralClasses.set(codePoint, astral);
    }
    return astral;
  }
  let known = bmpClasses[codePoint] as CodeClassValue;
  if (known === CodeClass.UNSEEN) {
    known = classOf(String.fromCharCode(codePoint));
    bmpClasses[codePoint] = known;
  }
  return known;
};

// Word hashes of the text being shingled: one array per process, not one per
// text, doubled when a text has more words than it holds.
let wordBuffer: Uint32Array = new Uint32Array(1024);

const grown = (words: Uint32Array): Uint32Array => {
  const larger = new Uint32Array(words.length * 2);
  larger.set(words);
  return larger;
};

// What each BMP unit becomes in `text.normalize('NFD').toLowerCase()`: the
// unit it turns into when that is one unit, or SEVERAL (its form is then in
// `severalUnits`), or NOT_FOLDED until first met, or WHOLE_TEXT for a unit
// that cannot be folded on its own: a surrogate, and the capital sigma, whose
// lower case depends on its neighbours (a final sigma). The classes of the
// units a unit folds to are learned with it, so the scan reads them as they are.
const NOT_FOLDED = -1;
const SEVERAL = -2;
const WHOLE_TEXT = -3;
const foldedUnits = new Int32Array(0x10000).fill(NOT_FOLDED);
const severalUnits = new Map<number, string>();
for (let unit = 0; unit < 128; unit++) {
  foldedUnits[unit] = unit >= 65 && unit <= 90 ? unit + 32 : unit;
}
foldedUnits.fill(WHOLE_TEXT, 0xd800, 0xe000);
foldedUnits[0x3a3] = WHOLE_TEXT;

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

const foldUnit = (unit: number): number => {
  const form = String.fromCharCode(unit).normalize('NFD').toLowerCase();
  let folded = form.length === 1 ? form.charCodeAt(0) : SEVERAL;
  for (let k = 0; k < form.length; k++) {
    const part = form.charCodeAt(k);
    if (isSurrogate(part)) folded = WHOLE_TEXT;
    else classify(part);
  }
  if (folded === SEVERAL) severalUnits.set(unit, form);
  foldedUnits[unit] = folded;
  return folded;
};

/**
 * `wordHashes` one unit at a time, each folded on its own (`foldedUnits`):
 * no decomposed and lowered copy of the text is built. The result is the
 * same because NFD decomposes each character on its own and only reorders
 * combining marks, which are skipped, and lower case maps each character on
 * its own except a capital sigma. Returns -1, having written nothing that
 * counts, for a text with a unit it cannot fold alone (`WHOLE_TEXT`).
 */
const wordHashesByUnit = (text: string): number => {
  let words = wordBuffer;
  let count = 0;
  let hash = FNV_OFFSET_BASIS;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let folded = foldedUnits[unit] as number;
    if (folded === NOT_FOLDED) folded = foldUnit(unit);
    if (folded === WHOLE_TEXT) return -1;
    // Nearly every unit folds to one unit: read it without a form string.
    if (folded >= 0) {
      const kind = bmpClasses[folded];
      if (kind === CodeClass.WORD) {
        hash = Math.imul(hash ^ folded, FNV_PRIME);
        inWord = true;
      } else if (kind === CodeClass.SEPARATOR) {
        if (inWord) {
          if (count === words.length) words = grown(words);
          words[count++] = hash;
        }
        hash = FNV_OFFSET_BASIS;
        inWord = false;
      }
      continue;
    }
    const form = severalUnits.get(unit) as string;
    for (let k = 0; k < form.length; k++) {
      const part = form.charCodeAt(k);
      const kind = bmpClasses[part];
      if (kind === CodeClass.WORD) {
        hash = Math.imul(hash ^ part, FNV_PRIME);
        inWord = true;
      } else if (kind === CodeClass.SEPARATOR) {
        if (inWord) {
          if (count === words.length) words = grown(words);
          words[count++] = hash;
        }
        hash = FNV_OFFSET_BASIS;
        inWord = false;
      }
    }
  }
  if (inWord) {
    if (count === words.length) words = grown(words);
    words[count++] = hash;
  }
  wordBuffer = words;
  return count;
};

/**
 * FNV-1a hashes of the words of `foldForMatching(text)`, scanning the text
 * once without building the folded string or the words: combining marks are
 * skipped inside a word, letters and digits are hashed as they come. Writes
 * them to `wordBuffer` and returns how many there are.
 */
const wordHashes = (text: string): number => {
  const byUnit = wordHashesByUnit(text);
  if (byUnit >= 0) return byUnit;
  const lower = text.normalize('NFD').toLowerCase();
  let words = wordBuffer;
  let count = 0;
  let hash = FNV_OFFSET_BASIS;
  let inWord = false;
  // One past the end reads as a separator, so the last word is written too.
  for (let i = 0; i <= lower.length; i++) {
    const unit = i < lower.length ? lower.charCodeAt(i) : 0x20;
    const codePoint = unit >= 0xd800 && unit <= 0xdbff ? (lower.codePointAt(i) as number) : unit;
    const kind = classify(codePoint);
    if (kind === CodeClass.WORD) {
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      if (codePoint > 0xffff) {
        i++;
        hash = Math.imul(hash ^ lower.charCodeAt(i), FNV_PRIME);
      }
      inWord = true;
    } else if (kind === CodeClass.SEPARATOR) {
      if (codePoint > 0xffff) i++;
      if (inWord) {
        if (count === words.length) words = grown(words);
        words[count++] = hash;
      }
      hash = FNV_OFFSET_BASIS;
      inWord = false;
    } else if (codePoint > 0xffff) {
      i++;
    }
  }
  wordBuffer = words;
  return count;
};

/**
 * The distinct values of `values`, in order of first appearance: an
 * open-addressing table of 32-bit integers, without the boxed numbers a
 * `Set` of hashes above 2^30 holds. The values are hashes already, so their
 * low bits pick the slot.
 */
const distinctInOrder = (values: Uint32Array, count: number): Uint32Array => {
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const used = new Uint8Array(size);
  const out = new Uint32Array(count);
  let distinct = 0;
  for (let n = 0; n < count; n++) {
    const value = (values[n] as number) | 0;
    let slot = value & mask;
    for (;;) {
      if (used[slot] === 0) {
        used[slot] = 1;
        slots[slot] = value;
        out[distinct++] = value;
        break;
      }
      if (slots[slot] === value) break;
      slot = (slot + 1) & mask;
    }
  }
  return distinct === count ? out : out.slice(0, distinct);
};

/**
 * The form of a text that shingles are read from: NFD, combining marks
 * (and ZWNJ/ZWJ) removed, lowercase. Accents are folded because republishing sites differ
 * in exactly these details (`perché` / `perche'`, `Città` / `CITTA'`, a
 * half-repaired mojibake) while five-word runs stay specific without them.
 *
 * @example
 * foldForMatching('Perché la CITTÀ'); // 'perche la citta'
 */
const foldForMatching = (text: string): string =>
  text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();

/**
 * The distinct word `SHINGLE_WORDS`-shingles of a text, each hashed to an
 * unsigned 32-bit integer, in order of first appearance. Words are runs of
 * letters and digits of the folded text (`foldForMatching`), so punctuation,
 * spacing, case and accents never matter; each word is hashed with FNV-1a
 * and each run of words with `hashWords`. A text of fewer than
 * `SHINGLE_WORDS` words has no shingle. One pass over the text (about 25 µs
 * for 2 KB).
 *
 * @example
 * const shingles = shingleText('Tre anni e un mese di carcere per il commerciante');
 * shingles.length; // 6
 */
const shingleText = (text: string, wordsPerShingle: number = SHINGLE_WORDS): Uint32Array => {
  const count = wordHashes(text);
  const words = wordBuffer;
  const shingles = count - wordsPerShingle + 1;
  if (shingles <= 0) return new Uint32Array(0);
  const hashes = new Uint32Array(shingles);
  for (let i = 0; i < shingles; i++) hashes[i] = hashWords(words, i, i + wordsPerShingle);
  return distinctInOrder(hashes, shingles);
};

export { foldForMatching, SHINGLE_WORDS, shingleText };
