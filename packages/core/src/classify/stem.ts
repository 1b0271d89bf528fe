import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as italianStemmer } from '@orama/stemmers/italian';
import { stemmer as portugueseStemmer } from '@orama/stemmers/portuguese';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import englishStemmer from 'wink-porter2-stemmer';
import { arabicStem, arabicStemVariants } from './arabicStem.ts';
import { memoizeBounded } from './memoizeBounded.ts';
import { accentPortugueseSuffix, accentSpanishSuffix } from './suffixAccents.ts';
import { MAX_TOKEN_CHARS } from './tokenize.ts';

/** Reduces a folded word to its matching key. */
type StemFunction = (word: string) => string;

/**
 * The Snowball algorithm of each taxonomy language (ISO 639-1). Only these are
 * bundled: the classifier stems words in the taxonomy's languages alone, and
 * one module per language keeps the Lambda bundle small. English is Porter2
 * (`wink-porter2-stemmer`); Orama's English module is the older Porter
 * algorithm, which stems differently (`was` -> `wa`).
 */
const SNOWBALL_STEMMERS: Readonly<Record<string, StemFunction>> = {
  fr: frenchStemmer,
  en: englishStemmer,
  // Folded words get their suffix accent back first (see `suffixAccents.ts`).
  es: (word) => spanishStemmer(accentSpanishSuffix(word)),
  it: italianStemmer,
  de: germanStemmer,
  pt: (word) => portugueseStemmer(accentPortugueseSuffix(word)),
  // Snowball's Arabic, given words in one shape (see `arabicStem.ts`).
  ar: arabicStem,
};

/**
 * Other keys a folded word may have in a language whose clitics cannot be told
 * from root letters without a dictionary (Arabic `وتهريب` is `و` + `تهريب`, `وزير`
 * is one word): the matcher tries them after the word's own key.
 */
const STEM_VARIANTS: Readonly<Record<string, (word: string) => readonly string[]>> = {
  ar: arabicStemVariants,
};

/** A stem cache holds at most this many words per language, then starts afresh. */
const STEM_CACHE_LIMIT = 20_000;

/**
 * The fallback of languages without a Snowball stemmer: the folded word with a plural
 * `-es` / `-s` removed from words of more than four letters. Language-independent and
 * deliberately timid: it never merges two different words of one taxonomy language.
 *
 * @example
 * lightStem('hackers'); // 'hacker'
 */
const lightStem: StemFunction = (word) => {
  if (word.length <= 4) return word;
  if (word.endsWith('es') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
};

/**
 * `stem` for words of at most `MAX_TOKEN_CHARS`; a longer word is returned as
 * is. Snowball stemmers scan a word several times and some of their suffix
 * rules backtrack, so an unbounded word would cost more than linear time.
 *
 * @example
 * boundedStem(frenchStemmer)('x'.repeat(100_000)); // returned unchanged, at once
 */
const boundedStem =
  (stem: StemFunction): StemFunction =>
  (word) =>
    word.length > MAX_TOKEN_CHARS ? word : stem(word);

const stemmers = new Map<string, StemFunction>();
const variantCaches = new Map<string, (word: string) => readonly string[]>();

/** Whether `language` (ISO 639-1) has a Snowball stemmer. */
const hasStemmer = (language: string): boolean => SNOWBALL_STEMMERS[language] !== undefined;

/**
 * Returns the cached stemmer of a language (ISO 639-1). Languages without a Snowball
 * stemmer here (including `und`) get `lightStem`. Words are expected folded (see
 * `foldText`); the same function is used for the taxonomy and the documents.
 *
 * @example
 * const stem = getStemmer('fr');
 * stem('trafiquants') === stem('trafiquant'); // true
 */
const getStemmer = (language: string): StemFunction => {
  const known = stemmers.get(language);
  if (known !== undefined) return known;
  const made = memoizeBounded(
    boundedStem(SNOWBALL_STEMMERS[language] ?? lightStem),
    STEM_CACHE_LIMIT,
  );
  stemmers.set(language, made);
  return made;
};

/**
 * The other keys of a word in `language` (see `STEM_VARIANTS`), memoized, or
 * `undefined` for a language whose words have one key only.
 *
 * @example
 * getStemVariants('ar')?.('وتهريب').includes(getStemmer('ar')('تهريب')); // true
 */
const getStemVariants = (language: string): ((word: string) => readonly string[]) | undefined => {
  const variants = STEM_VARIANTS[language];
  if (variants === undefined) return undefined;
  const known = variantCaches.get(language);
  if (known !== undefined) return known;
  const made = memoizeBounded(variants, STEM_CACHE_LIMIT);
  variantCaches.set(language, made);
  return made;
};

export type { StemFunction };
export { boundedStem, getStemmer, getStemVariants, hasStemmer, lightStem, SNOWBALL_STEMMERS };
