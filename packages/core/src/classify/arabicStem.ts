import { stemmer as snowballArabic } from '@orama/stemmers/arabic';
import { hasArabicLetter } from './arabicNormalize.ts';

/**
 * Arabic stemming for matching: Snowball's Arabic light stemmer
 * (`@orama/stemmers/arabic`), given every word in one shape so that it treats a
 * word alike whatever clitics it carries. Alone, Snowball stems a word with the
 * article and the same word without it differently (`المخدرات` -> `مخدر` but
 * `مخدرات` -> `مخدرا`), reads a root letter as a conjunction (`فساد` -> `ساد`) and
 * keeps `و` before the article (`والإرهاب`). So, before it:
 * 1. a conjunction and a preposition with the article (`وال`, `بال`, `فبال`, `لل`)
 *    are removed, and so is a second `ال` after it (a word whose letters start
 *    with `ال`, `إلكتروني`, would otherwise be cut without the article only);
 * 2. a word without the article loses a plural verb ending `وا`, an accusative
 *    `ا` (`فسادا`) and a pronoun suffix (`أموالهم`, `أسلحتهم` -> `أسلحة`);
 * 3. a final `ه` is read as ta marbuta `ة` (both are written for it);
 * 4. the article is put back, so Snowball always sees a definite noun.
 * Words are expected folded (`foldText`, which applies `normalizeArabic`); a word
 * without Arabic letters (`interpol` in an Arabic text) is returned as is.
 *
 * A bare one-letter clitic (`وتهريب`, `بتهريب`, `لغسل`) cannot be told from a root
 * letter (`وزير`, `بشر`, `فساد`) without a dictionary: `arabicStemVariants` gives
 * the stems of the word without it, which the matcher tries as well.
 */

const ARTICLE = /^[وف]?(?:[بكل]?ال|لل)/u;
const BARE_CLITICS = /^(?:[وف][بكل]|[وفبكل])/u;
const PRONOUN_AFTER_TA = /ت(?:هما|كما|هم|هن|كم|ها|ه)$/u;
const PRONOUN = /(?:هما|كما|هم|هن|كم|ها)$/u;
/** Letters a word keeps at least when a clitic or suffix is removed. */
const MIN_CORE = 3;

const withoutSuffix = (word: string): string => {
  // The plural verb ending `وا` (`احتالوا`), then an accusative `ا` (`فسادا`).
  if (word.length >= 6 && word.endsWith('وا')) return word.slice(0, -2);
  if (word.length >= 5 && word.endsWith('ا')) return word.slice(0, -1);
  const afterTa = PRONOUN_AFTER_TA.exec(word);
  if (afterTa !== null && word.length - afterTa[0].length >= MIN_CORE - 1) {
    return `${word.slice(0, -afterTa[0].length)}ة`;
  }
  const pronoun = PRONOUN.exec(word);
  if (pronoun !== null && word.length - pronoun[0].length >= MIN_CORE) {
    return word.slice(0, -pronoun[0].length);
  }
  return word;
};

/**
 * The matching key of a folded word (see the module comment).
 *
 * @example
 * arabicStem('والمخدرات') === arabicStem('مخدرات'); // true
 */
const arabicStem = (word: string): string => {
  if (!hasArabicLetter(word)) return word;
  let core = word;
  const article = ARTICLE.exec(core);
  if (article !== null && core.length - article[0].length >= 2) {
    core = core.slice(article[0].length);
    // A word whose own letters start with `ال` (`الكتروني`, `الماني`) loses them
    // without the article too, so they go here as well.
    if (core.startsWith('ال') && core.length >= 4) core = core.slice(2);
  } else {
    core = withoutSuffix(core);
  }
  if (core.length >= MIN_CORE && core.endsWith('ه')) core = `${core.slice(0, -1)}ة`;
  return snowballArabic(`ال${core}`);
};

/**
 * The keys of a folded word read as carrying a one- or two-letter clitic
 * (`و`, `ف`, `ب`, `ك`, `ل`, `وب`...) without the article; empty when it cannot.
 *
 * @example
 * arabicStemVariants('وتهريب'); // [arabicStem('تهريب'), ...]
 */
const arabicStemVariants = (word: string): string[] => {
  if (!hasArabicLetter(word) || ARTICLE.test(word)) return [];
  const clitics = BARE_CLITICS.exec(word)?.[0] ?? '';
  const variants: string[] = [];
  for (let length = clitics.length; length >= 1; length--) {
    if (word.length - length >= MIN_CORE) variants.push(arabicStem(word.slice(length)));
  }
  return variants;
};

export { arabicStem, arabicStemVariants };
