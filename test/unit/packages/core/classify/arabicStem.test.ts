import { describe, expect, it } from 'vitest';
import {
  arabicStem,
  arabicStemVariants,
} from '../../../../../packages/core/src/classify/arabicStem.ts';
import { foldText } from '../../../../../packages/core/src/classify/tokenize.ts';

const stem = (word: string) => arabicStem(foldText(word));

describe('Function: arabicStem', () => {
  it.each([
    ['the article and conjunctions', ['فساد', 'الفساد', 'والفساد', 'بالفساد', 'للفساد']],
    ['a plural with and without the article', ['مخدرات', 'المخدرات', 'والمخدرات', 'مخدرة']],
    ['ta marbuta written ة or ه, and a plural', ['عصابة', 'عصابه', 'العصابات', 'عصابات']],
    ['pronoun suffixes', ['أسلحة', 'أسلحته', 'أسلحتهم', 'الأسلحة']],
    ['an accusative ending', ['إرهابي', 'إرهابيا', 'الإرهابيين', 'الإرهاب']],
    ['a pronoun suffix on a plural', ['أموال', 'أموالهم', 'والأموال']],
  ])('gives one key to the forms of a word: %s', (_name, forms) => {
    // Act
    const keys = new Set(forms.map(stem));

    // Assess
    expect(keys.size).toBe(1);
  });

  it('keeps words of different meaning apart', () => {
    // Act & Assess
    expect(stem('تهريب')).not.toBe(stem('تهرب'));
    expect(stem('المهاجرين')).not.toBe(stem('المخدرات'));
  });

  it('returns a word without Arabic letters as it is', () => {
    // Act & Assess
    expect(arabicStem('interpol')).toBe('interpol');
  });
});

describe('Function: arabicStemVariants', () => {
  it('gives the key of the word without a one-letter clitic', () => {
    // Act & Assess
    for (const word of ['وتهريب', 'بتهريب', 'لتهريب']) {
      expect(arabicStemVariants(foldText(word))).toContain(stem('تهريب'));
    }
  });

  it('gives nothing for a word with the article, or too short to carry a clitic', () => {
    // Act & Assess
    expect(arabicStemVariants(foldText('والمخدرات'))).toEqual([]);
    expect(arabicStemVariants(foldText('بشر'))).toEqual([]);
    expect(arabicStemVariants('interpol')).toEqual([]);
  });
});
