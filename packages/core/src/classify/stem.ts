import { newStemmer } from 'snowball-stemmers';

/** Reduces a folded word to its matching key. */
type StemFunction = (word: string) => string;

// ISO 639-1 codes mapped to the Snowball algorithms that `snowball-stemmers` ships.
const SNOWBALL_ALGORITHMS: Readonly<Record<string, string>> = {
  fr: 'french',
  en: 'english',
  es: 'spanish',
  it: 'italian',
  de: 'german',
  pt: 'portuguese',
  nl: 'dutch',
  ca: 'catalan',
  ro: 'romanian',
  da: 'danish',
  sv: 'swedish',
  no: 'norwegian',
  fi: 'finnish',
  hu: 'hungarian',
  ru: 'russian',
  tr: 'turkish',
  eu: 'basque',
  cs: 'czech',
  sl: 'slovene',
  hy: 'armenian',
  ar: 'arabic',
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

const stemmers = new Map<string, StemFunction>();

const cached = (stem: StemFunction): StemFunction => {
  const cache = new Map<string, string>();
  return (word) => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    const value = stem(word);
    cache.set(word, value);
    return value;
  };
};

/** Whether `language` (ISO 639-1) has a Snowball stemmer. */
const hasStemmer = (language: string): boolean => SNOWBALL_ALGORITHMS[language] !== undefined;

/**
 * Returns the cached stemmer of a language (ISO 639-1). Languages without a Snowball
 * algorithm (including `und`) get `lightStem`. Words are expected folded (see
 * `foldText`); the same function is used for the taxonomy and the documents.
 *
 * @example
 * const stem = getStemmer('fr');
 * stem('trafiquants') === stem('trafiquant'); // true
 */
const getStemmer = (language: string): StemFunction => {
  const known = stemmers.get(language);
  if (known !== undefined) return known;
  const algorithm = SNOWBALL_ALGORITHMS[language];
  let stem: StemFunction = lightStem;
  if (algorithm !== undefined) {
    const stemmer = newStemmer(algorithm);
    stem = (word) => stemmer.stem(word);
  }
  const made = cached(stem);
  stemmers.set(language, made);
  return made;
};

export type { StemFunction };
export { getStemmer, hasStemmer, lightStem, SNOWBALL_ALGORITHMS };
