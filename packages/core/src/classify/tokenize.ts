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

const APOSTROPHES = /['’ʼ‘`´]/u;
const ASCII_LOWER = /^[a-z]*$/;
// ZWNJ and ZWJ inside a word join its parts (Persian `می‌خواهیم`); the classes are
// disjoint, so the repetition cannot backtrack.
const WORD = /[\p{L}\p{M}]+(?:[\u200C\u200D]+[\p{L}\p{M}]+)*/gu;
const JOINERS = /[\u200C\u200D]/g;
// Arabic `؟` and the Urdu full stop `۔` end sentences too.
const SENTENCE_END: ReadonlySet<string> = new Set(['.', '!', '?', '…', '؟', '۔']);
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

const endsSentence = (line: string, from: number, to: number): boolean => {
  for (let index = from; index < to; index++) {
    if (SENTENCE_END.has(line[index] as string)) return true;
  }
  return false;
};

const isElision = (text: string, norm: string, end: number): boolean => {
  if (!ELISIONS.has(norm)) return false;
  const next = text[end];
  const after = text[end + 1];
  return (
    next !== undefined && APOSTROPHES.test(next) && after !== undefined && /\p{L}/u.test(after)
  );
};

const isPossessiveS = (text: string, norm: string, start: number): boolean => {
  const before = text[start - 1];
  return norm === 's' && before !== undefined && APOSTROPHES.test(before);
};

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
  for (const match of line.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index;
    const end = start + surface.length;
    if (seenWord && endsSentence(line, previousEnd, start)) sentence += 1;
    previousEnd = end;
    const norm = surface.length > MAX_TOKEN_CHARS ? '' : foldWord(surface);
    if (isElision(line, norm, end)) continue;
    seenWord = true;
    out.push({
      norm,
      surface,
      index: out.length,
      offset: start,
      segment,
      sentence,
      stop: norm.length === 1 || STOPWORDS.has(norm) || isPossessiveS(line, norm, start),
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
