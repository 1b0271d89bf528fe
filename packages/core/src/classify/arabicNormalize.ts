/**
 * Arabic orthographic normalisation for matching, applied after `foldText` has
 * removed the combining marks (the short vowels, shadda and sukun, and the hamza
 * and madda that NFD splits off `أ إ آ ؤ ئ`, leaving `ا و ي`). What remains to
 * fold are letters that writers use interchangeably:
 * - tatweel (`ـ`, elongation only) is dropped;
 * - alef wasla `ٱ` and a bare hamza-less alef variant become `ا`;
 * - alef maqsura `ى` becomes `ي` (`على` / `علي` are written either way);
 * - Persian keheh `ک` and yeh `ی` become Arabic `ك` and `ي` (keyboards mix them);
 * - Arabic-Indic and Persian digits become ASCII digits.
 * Ta marbuta `ة` / `ه` is left to the stemmer (`arabicStem.ts`): only at the end of
 * a word are they interchangeable, and there the stemmer treats both alike.
 */

/** Any letter of the Arabic blocks this module folds. */
const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f]/u;

const TATWEEL = /\u0640/gu;
const ALEF_VARIANTS = /[\u0671\u0672\u0673\u0675]/gu;
const ALEF_MAQSURA = /\u0649/gu;
const PERSIAN_KEHEH = /\u06a9/gu;
const PERSIAN_YEH = /\u06cc/gu;
const INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/gu;

/** `٣` -> `3`, `۳` -> `3`. */
const toAsciiDigit = (digit: string): string => String((digit.codePointAt(0) as number) & 0xf);

/**
 * Whether `text` holds an Arabic-script letter (Arabic, Persian, Urdu...).
 *
 * @example
 * hasArabicLetter('الإنتربول'); // true
 */
const hasArabicLetter = (text: string): boolean => ARABIC_LETTER.test(text);

/**
 * Replaces Arabic-Indic (`٠..٩`) and Persian (`۰..۹`) digits by ASCII digits.
 *
 * @example
 * asciiDigits('٢٠٢٤'); // '2024'
 */
const asciiDigits = (text: string): string => text.replace(INDIC_DIGITS, toAsciiDigit);

/**
 * Folds the Arabic letter variants of an already folded text (see `foldText`).
 * Text without Arabic letters is returned as is.
 *
 * @example
 * normalizeArabic('مصطفــى'); // 'مصطفي'
 */
const normalizeArabic = (text: string): string =>
  hasArabicLetter(text)
    ? asciiDigits(
        text
          .replace(TATWEEL, '')
          .replace(ALEF_VARIANTS, 'ا')
          .replace(ALEF_MAQSURA, 'ي')
          .replace(PERSIAN_KEHEH, 'ك')
          .replace(PERSIAN_YEH, 'ي'),
      )
    : text;

export { asciiDigits, hasArabicLetter, normalizeArabic };
