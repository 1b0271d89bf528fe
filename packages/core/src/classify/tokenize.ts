import { isLetter, isLetterOrMark } from '../language/countLetters.ts';
import { normalizeArabic } from './arabicNormalize.ts';
import { memoizeBounded } from './memoizeBounded.ts';

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

/** The shared fold cache holds at most this many distinct words, then starts afresh. */
const FOLD_CACHE_LIMIT = 50_000;

/** `foldText` of one word, remembered across documents (see `memoizeBounded`). */
const foldWord = memoizeBounded(foldText, FOLD_CACHE_LIMIT);

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

// The apostrophe is looked at first: most words are not followed by one.
const isElision = (text: string, norm: string, end: number): boolean =>
  end + 1 < text.length &&
  isApostrophe(text.charCodeAt(end)) &&
  ELISIONS.has(norm) &&
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
 * ASCII letters), without a cache lookup; other words go through the cache.
 */
const foldToken = (text: string, start: number, end: number, surface: string): string => {
  const kind = asciiCase(text, start, end);
  if (kind === AsciiCase.LOWER) return surface;
  return kind === AsciiCase.MIXED ? surface.toLowerCase() : foldWord(surface);
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

/** What `asciiRun` found; one object, reused (the tokenizer is synchronous). */
const lastRun = { end: -1, kind: 0 as number };

/**
 * The word starting at `start` when it is ASCII letters only: its end and its
 * `AsciiCase`, found in one pass. `end` is -1 when the word holds anything
 * else (an accented letter, a mark, a joiner): `wordEnd` and `foldToken` then
 * read it. A run of ASCII letters followed by an ASCII non-letter, or by the
 * end of the line, is the whole word `wordEnd` would find.
 */
const asciiRun = (text: string, start: number): { end: number; kind: number } => {
  let kind: number = AsciiCase.LOWER;
  let index = start;
  for (; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x61 && unit <= 0x7a) continue;
    if (unit >= 0x41 && unit <= 0x5a) {
      kind = AsciiCase.MIXED;
      continue;
    }
    break;
  }
  const whole = index > start && (index === text.length || text.charCodeAt(index) < 0x80);
  lastRun.end = whole ? index : -1;
  lastRun.kind = kind;
  return lastRun;
};

const isPossessiveS = (text: string, norm: string, start: number): boolean =>
  norm === 's' && start > 0 && isApostrophe(text.charCodeAt(start - 1));

/** Appends the words of one line to `out`; returns the sentence index after the line. */
const tokenizeLine = (
  line: string,
  segment: number,
  firstSentence: number,
  out: Token[],
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
    const end = run.end >= 0 ? run.end : wordEnd(line, start);
    next = end;
    const surface = line.slice(start, end);
    if (seenWord && endsSentence(line, previousEnd, start)) sentence += 1;
    previousEnd = end;
    const norm =
      surface.length > MAX_TOKEN_CHARS
        ? ''
        : run.end < 0
          ? foldToken(line, start, end, surface)
          : run.kind === AsciiCase.LOWER
            ? surface
            : surface.toLowerCase();
    if (isElision(line, norm, end)) continue;
    seenWord = true;
    out.push({
      norm,
      surface,
      index: out.length,
      offset: start,
      segment,
      sentence,
      stop: norm.length === 1 || isStopword(norm) || isPossessiveS(line, norm, start),
    });
  }
  return seenWord ? sentence + 1 : sentence;
};

const tokenizeLines = (lines: readonly { text: string; isTitle: boolean }[]): TokenizedText => {
  const tokens: Token[] = [];
  const segments: Segment[] = [];
  let sentence = 0;
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0) continue;
    const index = segments.length;
    segments.push({
      index,
      isTitle: line.isTitle,
      isListItem: LIST_MARKER.test(trimmed),
    });
    sentence = tokenizeLine(trimmed, index, sentence, tokens);
  }
  return { tokens, segments };
};

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
  tokenizeLines(text.split('\n').map((line) => ({ text: line, isTitle: false })));

/**
 * Tokenizes a document whose title is given apart: the title's lines become
 * segments flagged `isTitle`, followed by the body's lines.
 *
 * @example
 * const { tokens, segments } = tokenizeDocument({ title: 'Cyberattaque', body: 'Texte.' });
 * segments[tokens[0].segment].isTitle; // true
 */
const tokenizeDocument = (input: { title: string; body: string }): TokenizedText =>
  tokenizeLines([
    ...input.title.split('\n').map((line) => ({ text: line, isTitle: true })),
    ...input.body.split('\n').map((line) => ({ text: line, isTitle: false })),
  ]);

export type { Segment, Token, TokenizedText };
export { foldText, MAX_TOKEN_CHARS, tokenize, tokenizeDocument };
