import { isLetter, isLetterOrMark } from '../language/countLetters.ts';
import { normalizeArabic } from './arabicNormalize.ts';
import { createWord, type Word } from './word.ts';

/** One word of a text, with where it stands. */
interface Token {
  /**
   * Folded form used for matching: lowercase, accents stripped (see `foldText`);
   * `''` for a word longer than `MAX_TOKEN_CHARS`, which matches nothing.
   */
  norm: string;
  /** The word exactly as written. */
  surface: string;
  /** Position among the document's tokens, 0-based; used by proximity rules. */
  index: number;
  /** Character offset of the word in the text it was read from. */
  offset: number;
  /** Index of the line (segment) holding the token; see `TokenizedText.segments`. */
  segment: number;
  /** Index of the sentence holding the token, counted over the whole document. */
  sentence: number;
  /** Function word (`de`, `the`, `los`...) or single letter: skipped by phrase matching. */
  stop: boolean;
}

/** A non-empty line of the input: the title, a paragraph or a list item. */
interface Segment {
  index: number;
  isTitle: boolean;
  /** The line starts with a bullet (`•`, `-`, `*`...) or a `1.` / `a)` marker. */
  isListItem: boolean;
}

interface TokenizedText {
  tokens: Token[];
  segments: Segment[];
}

// Elided articles and conjunctions of French and Italian, folded, that are dropped when
// an apostrophe and a letter follow: `l’ONU` -> `onu`, `dell’Europa` -> `europa`.
const ELISIONS: ReadonlySet<string> = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  'presqu',
  'quelqu',
  'un',
  'dell',
  'all',
  'dall',
  'nell',
  'sull',
  'coll',
  'quell',
  'quest',
  'nessun',
]);

// Function words of fr, en, es, it, de and pt (folded) that phrase matching skips, so that
// `traite des êtres humains` also matches `traite d’êtres humains`. Conjunctions are
// deliberately absent: a phrase must not be matched across `et` / `and`.
const STOPWORDS: ReadonlySet<string> = new Set([
  // fr
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'un',
  'une',
  'au',
  'aux',
  'en',
  // en
  'the',
  'of',
  'an',
  'in',
  'on',
  'for',
  'to',
  // es / pt / it
  'el',
  'los',
  'las',
  'del',
  'al',
  'lo',
  'da',
  'do',
  'dos',
  'das',
  'na',
  'no',
  'di',
  'il',
  'gli',
  'della',
  'delle',
  'dei',
  'degli',
  'nella',
  'nel',
  'dal',
  'dalla',
  'dai',
  'dalle',
  'sul',
  'sulla',
  'sui',
  'sulle',
  'nei',
  'nelle',
  'alla',
  'alle',
  'ai',
  'agli',
  // de ('das' is listed with pt)
  'der',
  'die',
  'den',
  'dem',
  'von',
  'vom',
  'zur',
  'zum',
  // ar (folded: `على` -> `علي`, `إلى` -> `الي`); clitics are left to the stemmer.
  'في',
  'من',
  'علي',
  'الي',
  'عن',
]);

// Longer words are not looked up in STOPWORDS: most words of a text are longer.
const LONGEST_STOPWORD = Math.max(...[...STOPWORDS].map((word) => word.length));

/**
 * For each first unit of a stop word, the lengths (bit `length`) of the stop
 * words starting with it: a short word that starts otherwise is not looked up.
 */
const STOPWORD_FIRST_UNITS = (() => {
  const lengths = new Uint8Array(0x10000);
  for (const word of STOPWORDS) {
    const first = word.charCodeAt(0);
    lengths[first] = (lengths[first] as number) | (1 << word.length);
  }
  return lengths;
})();

/** Whether a folded word is in `STOPWORDS`, with the set looked up only when it may be. */
const isStopword = (norm: string): boolean =>
  norm.length <= LONGEST_STOPWORD &&
  ((STOPWORD_FIRST_UNITS[norm.charCodeAt(0)] as number) & (1 << norm.length)) !== 0 &&
  STOPWORDS.has(norm);

/**
 * Longest word, in UTF-16 units, that is folded, stemmed and matched. The longest
 * taxonomy words and real long words (German compounds such as
 * `Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz`, 63) stay
 * under it; a longer run of letters is a URL fragment, a hash, a base64 blob or a
 * hostile input. Such a word becomes a token whose `norm` is `''`: it matches
 * nothing, is never stemmed (some stemmer rules backtrack on long words), and
 * still separates the words around it, so a phrase is never matched across it.
 * This keeps the classifier's work per character bounded whatever the input.
 */
const MAX_TOKEN_CHARS = 64;

/**
 * Whether a unit is an apostrophe: `'`, `’`, `ʼ`, `‘`, `` ` `` or `´`. Compared
 * directly: it is asked after every word.
 */
const isApostrophe = (unit: number): boolean =>
  unit === 0x27 ||
  unit === 0x2019 ||
  unit === 0x60 ||
  unit === 0xb4 ||
  unit === 0x2bc ||
  unit === 0x2018;
const ASCII_LOWER = /^[a-z]*$/;
const ASTRAL_LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const JOINERS = /[\u200C\u200D]/g;
const LIST_MARKER = /^(?:[•◦▪▫‣⁃●○■□♦◆►▸*·–—-]|\d{1,2}[.)]\s|[a-z][.)]\s)/u;

/**
 * Folds a word or a text for matching: NFD, combining marks and ZWNJ/ZWJ removed, lowercase,
 * the ligatures `œ`, `æ`, `ß` and the Vietnamese `đ` spelled out, and Arabic letter
 * variants folded (`normalizeArabic`: NFD has already taken the hamza off `أ`, the
 * vowel marks and the madda). Used on both the taxonomy and the documents, so they
 * always agree.
 *
 * @example
 * foldText('Cocaïne ŒUVRE'); // 'cocaine oeuvre'
 */
const foldText = (text: string): string =>
  ASCII_LOWER.test(text)
    ? text
    : normalizeArabic(
        text
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .replace(JOINERS, '')
          .toLowerCase()
          .replace(/œ/g, 'oe')
          .replace(/æ/g, 'ae')
          .replace(/ß/g, 'ss')
          .replace(/đ/g, 'd'),
      );

/**
 * Whether a unit ends a sentence: `.`, `!`, `?`, `…`, and the Arabic `؟` and the
 * Urdu full stop `۔`. Compared directly, since it runs on every character
 * between two words and a set lookup per character cost more.
 */
const isSentenceEnd = (unit: number): boolean =>
  unit === 0x2e ||
  unit === 0x21 ||
  unit === 0x3f ||
  (unit > 0x7f && (unit === 0x2026 || unit === 0x61f || unit === 0x6d4));

const endsSentence = (line: string, from: number, to: number): boolean => {
  for (let index = from; index < to; index++) {
    if (isSentenceEnd(line.charCodeAt(index))) return true;
  }
  return false;
};

/** Whether an elision word (see `Word.elision`) ending at `end` is elided: an apostrophe and a letter follow. */
const isElided = (text: string, end: number): boolean =>
  end + 1 < text.length &&
  isApostrophe(text.charCodeAt(end)) &&
  // A lone surrogate unit after the apostrophe is not read as a letter.
  isBmpLetter(text.charCodeAt(end + 1));

const AsciiCase = { LOWER: 0, MIXED: 1, NOT_ASCII: 2 } as const;

/** Whether the word `text[start, end)` is lowercase ASCII, ASCII with capitals, or neither. */
const asciiCase = (text: string, start: number, end: number): number => {
  let kind: number = AsciiCase.LOWER;
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x80) return AsciiCase.NOT_ASCII;
    if (unit < 0x61 || unit > 0x7a) kind = AsciiCase.MIXED;
  }
  return kind;
};

/**
 * `foldText` of a word: a lowercase ASCII word is its own folded form and an
 * ASCII word with capitals its lowercase (folding has nothing else to do to
 * ASCII letters).
 */
const foldWord = (surface: string): string => {
  const kind = asciiCase(surface, 0, surface.length);
  if (kind === AsciiCase.LOWER) return surface;
  return kind === AsciiCase.MIXED ? surface.toLowerCase() : foldText(surface);
};

/** The word table holds at most this many distinct spellings, then starts afresh. */
const WORD_TABLE_LIMIT = 50_000;

const describeWord = (surface: string): Word => {
  const norm = foldWord(surface);
  return createWord(surface, norm, norm.length === 1 || isStopword(norm), ELISIONS.has(norm));
};

const wordTable = new Map<string, Word>();

/**
 * The one `Word` of a spelling, remembered across documents; past
 * `WORD_TABLE_LIMIT` spellings the table starts afresh. A remembered spelling
 * is a string of its own: a slice of a line would keep the whole text it was
 * read from alive as long as the table holds it.
 */
const knownWord = (surface: string): Word => {
  const known = wordTable.get(surface);
  if (known !== undefined) return known;
  if (wordTable.size >= WORD_TABLE_LIMIT) wordTable.clear();
  const own = ` ${surface}`.slice(1);
  const word = describeWord(own);
  wordTable.set(own, word);
  return word;
};

/**
 * The word `text[start, end)`. A word longer than `MAX_TOKEN_CHARS` matches
 * nothing and is not remembered: its `norm` is `''`.
 */
const wordAt = (text: string, start: number, end: number): Word => {
  const surface = text.slice(start, end);
  return surface.length > MAX_TOKEN_CHARS
    ? createWord(surface, '', false, false)
    : knownWord(surface);
};

const isAsciiLetter = (unit: number): boolean =>
  (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);

const isBmpLetter = (unit: number): boolean =>
  (unit < 0xd800 || unit > 0xdfff) && (unit < 0x80 ? isAsciiLetter(unit) : isLetter(unit));

/**
 * Length in UTF-16 units of the letter or combining mark at `index` of `text`
 * (2 for one outside the BMP), or 0 when there is none.
 */
const letterOrMarkAt = (text: string, index: number): number => {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return isAsciiLetter(unit) ? 1 : 0;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const codePoint = text.codePointAt(index) as number;
    if (codePoint <= 0xffff) return 0;
    return ASTRAL_LETTER_OR_MARK.test(String.fromCodePoint(codePoint)) ? 2 : 0;
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) return 0;
  return isLetterOrMark(unit) ? 1 : 0;
};

/**
 * End of the word starting at `start` (a letter or mark): a run of letters and
 * combining marks, where ZWNJ and ZWJ between two such runs join them (Persian
 * `می‌خواهیم`) and a joiner not followed by one ends the word before it.
 */
const wordEnd = (text: string, start: number): number => {
  let index = start;
  for (;;) {
    let step = letterOrMarkAt(text, index);
    while (step > 0) {
      index += step;
      step = index < text.length ? letterOrMarkAt(text, index) : 0;
    }
    let joiners = index;
    while (joiners < text.length) {
      const unit = text.charCodeAt(joiners);
      if (unit !== ZWNJ && unit !== ZWJ) break;
      joiners++;
    }
    if (joiners === index || joiners >= text.length || letterOrMarkAt(text, joiners) === 0) {
      return index;
    }
    index = joiners;
  }
};

/**
 * The end of the word starting at `start` when it is ASCII letters only, else
 * -1 (an accented letter, a mark, a joiner follows: `wordEnd` reads it). A run
 * of ASCII letters followed by an ASCII non-letter, or by the end of the line,
 * is the whole word `wordEnd` would find.
 */
const asciiRun = (text: string, start: number): number => {
  let index = start;
  for (; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if ((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a)) continue;
    break;
  }
  return index > start && (index === text.length || text.charCodeAt(index) < 0x80) ? index : -1;
};

/** The words of a text in reading order, as parallel arrays (one item per word). */
interface DocumentWords {
  words: Word[];
  /** Index of the line (segment) holding each word; see `segments`. */
  lines: number[];
  /** Index of the sentence holding each word, counted over the whole text. */
  sentences: number[];
  /** Character offset of each word in its trimmed line; empty when read for `content` only. */
  offsets: number[];
  segments: Segment[];
  /** Words read from title lines, function words included. */
  titleWords: number;
}

/**
 * Appends the words of one line to `out` (only those that are not function
 * words, without offsets, when `content`); returns the sentence index after
 * the line and counts the words read, function words included, in `read.count`.
 */
const readLine = (
  line: string,
  segment: number,
  firstSentence: number,
  out: DocumentWords,
  content: boolean,
  read: { count: number },
): number => {
  let sentence = firstSentence;
  let previousEnd = 0;
  let seenWord = false;
  let next = 0;
  while (next < line.length) {
    if (letterOrMarkAt(line, next) === 0) {
      next++;
      continue;
    }
    const start = next;
    const run = asciiRun(line, start);
    const end = run >= 0 ? run : wordEnd(line, start);
    next = end;
    if (seenWord && endsSentence(line, previousEnd, start)) sentence += 1;
    previousEnd = end;
    const word = wordAt(line, start, end);
    if (word.elision && isElided(line, end)) continue;
    seenWord = true;
    read.count++;
    if (content && word.stop) continue;
    out.words.push(word);
    out.lines.push(segment);
    out.sentences.push(sentence);
    if (!content) out.offsets.push(start);
  }
  return seenWord ? sentence + 1 : sentence;
};

const readLines = (
  lines: readonly { text: string; isTitle: boolean }[],
  content: boolean,
): DocumentWords => {
  const out: DocumentWords = {
    words: [],
    lines: [],
    sentences: [],
    offsets: [],
    segments: [],
    titleWords: 0,
  };
  const read = { count: 0 };
  let sentence = 0;
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0) continue;
    const index = out.segments.length;
    out.segments.push({
      index,
      isTitle: line.isTitle,
      isListItem: LIST_MARKER.test(trimmed),
    });
    const before = read.count;
    sentence = readLine(trimmed, index, sentence, out, content, read);
    if (line.isTitle) out.titleWords += read.count - before;
  }
  return out;
};

/** The lines of a document whose title is given apart, the title's flagged `isTitle`. */
const documentLines = (input: { title: string; body: string }) => [
  ...input.title.split('\n').map((line) => ({ text: line, isTitle: true })),
  ...input.body.split('\n').map((line) => ({ text: line, isTitle: false })),
];

/** The `Token` objects of words read with their function words and offsets. */
const toTokens = ({
  words,
  lines,
  sentences,
  offsets,
  segments,
}: DocumentWords): TokenizedText => ({
  tokens: words.map((word, index) => ({
    norm: word.norm,
    surface: word.surface,
    index,
    offset: offsets[index] as number,
    segment: lines[index] as number,
    sentence: sentences[index] as number,
    stop: word.stop,
  })),
  segments,
});

/**
 * Splits a text into folded word tokens, one segment per non-empty line. Words are
 * runs of letters; digits, punctuation and hyphens separate them; French and Italian
 * elisions (`l’`, `d’`, `qu’`, `jusqu’`, `dell’`...) are dropped. Offsets are
 * relative to the trimmed line. Linear in the text length.
 *
 * @example
 * const { tokens } = tokenize("L’arrestation d’un passeur");
 * tokens.map((t) => t.norm); // ['arrestation', 'un', 'passeur']
 */
const tokenize = (text: string): TokenizedText =>
  toTokens(
    readLines(
      text.split('\n').map((line) => ({ text: line, isTitle: false })),
      false,
    ),
  );

/**
 * Tokenizes a document whose title is given apart: the title's lines become
 * segments flagged `isTitle`, followed by the body's lines.
 *
 * @example
 * const { tokens, segments } = tokenizeDocument({ title: 'Cyberattaque', body: 'Texte.' });
 * segments[tokens[0].segment].isTitle; // true
 */
const tokenizeDocument = (input: { title: string; body: string }): TokenizedText =>
  toTokens(readLines(documentLines(input), false));

/**
 * The content words of a document (function words left out) as `tokenizeDocument`
 * reads them, without a `Token` object per word: what the classifier matches.
 * Each `Word` is shared by every document that writes it.
 *
 * @example
 * const { words, titleWords } = readContentWords({ title: 'Cyberattaque', body: 'La police.' });
 * words.map((word) => word.norm); // ['cyberattaque', 'police']
 */
const readContentWords = (input: { title: string; body: string }): DocumentWords =>
  readLines(documentLines(input), true);

export type { DocumentWords, Segment, Token, TokenizedText };
export { foldText, MAX_TOKEN_CHARS, readContentWords, tokenize, tokenizeDocument };
