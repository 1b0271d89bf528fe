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

const CodeClass = { SEPARATOR: 0, WORD: 1, MARK: 2 } as const;
type CodeClassValue = (typeof CodeClass)[keyof typeof CodeClass];

// Classes of the non-ASCII code points met so far: a text uses few of them.
const nonAsciiClasses = new Map<number, CodeClassValue>();

const classify = (codePoint: number): CodeClassValue => {
  if (codePoint < 128) {
    return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 48 && codePoint <= 57)
      ? CodeClass.WORD
      : CodeClass.SEPARATOR;
  }
  // ZWNJ and ZWJ join a word's parts: skipped like marks, so a word hashes as without them.
  if (codePoint === 0x200c || codePoint === 0x200d) return CodeClass.MARK;
  let known = nonAsciiClasses.get(codePoint);
  if (known === undefined) {
    const char = String.fromCodePoint(codePoint);
    known = LETTER_OR_DIGIT.test(char)
      ? CodeClass.WORD
      : MARK.test(char)
        ? CodeClass.MARK
        : CodeClass.SEPARATOR;
    nonAsciiClasses.set(codePoint, known);
  }
  return known;
};

/**
 * FNV-1a hashes of the words of `foldForMatching(text)`, scanning the text
 * once without building the folded string or the words: combining marks are
 * skipped inside a word, letters and digits are hashed as they come.
 */
const wordHashes = (text: string): number[] => {
  const lower = text.normalize('NFD').toLowerCase();
  const words: number[] = [];
  let hash = FNV_OFFSET_BASIS;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const unit = lower.charCodeAt(i);
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
      if (inWord) words.push(hash >>> 0);
      hash = FNV_OFFSET_BASIS;
      inWord = false;
    } else if (codePoint > 0xffff) {
      i++;
    }
  }
  if (inWord) words.push(hash >>> 0);
  return words;
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
 * `SHINGLE_WORDS` words has no shingle. One pass over the text (about 75 µs
 * for 2 KB).
 *
 * @example
 * const shingles = shingleText('Tre anni e un mese di carcere per il commerciante');
 * shingles.length; // 6
 */
const shingleText = (text: string, wordsPerShingle: number = SHINGLE_WORDS): Uint32Array => {
  const words = wordHashes(text);
  if (words.length < wordsPerShingle) return new Uint32Array(0);
  const distinct = new Set<number>();
  for (let i = 0; i + wordsPerShingle <= words.length; i++) {
    distinct.add(hashWords(words, i, i + wordsPerShingle));
  }
  return Uint32Array.from(distinct);
};

export { foldForMatching, SHINGLE_WORDS, shingleText };
