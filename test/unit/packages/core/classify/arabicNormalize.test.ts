import { describe, expect, it } from 'vitest';
import {
  asciiDigits,
  hasArabicLetter,
  normalizeArabic,
} from '../../../../../packages/core/src/classify/arabicNormalize.ts';
import { foldText } from '../../../../../packages/core/src/classify/tokenize.ts';

describe('Function: normalizeArabic', () => {
  it.each([
    ['tatweel', 'مخـــدرات', 'مخدرات'],
    ['alef maqsura', 'مصطفى', 'مصطفي'],
    ['alef wasla', 'ٱلشرطة', 'الشرطة'],
    ['Persian keheh and yeh', 'شبکة', 'شبكة'],
    ['Persian yeh', 'الیوم', 'اليوم'],
  ])('folds %s', (_name, input, expected) => {
    // Act
    const result = normalizeArabic(input);

    // Assess
    expect(result).toBe(expected);
  });

  it('leaves text without Arabic letters unchanged, digits included', () => {
    // Act
    const result = normalizeArabic('Operation Lionfish ٢٠٢٤');

    // Assess
    expect(result).toBe('Operation Lionfish 2024');
    expect(normalizeArabic('Operation 2024')).toBe('Operation 2024');
  });

  it('makes every spelling of one word equal once folded (hamza, madda, vowels, tatweel)', () => {
    // Prepare
    const spellings = ['الإرهاب', 'الارهاب', 'الإِرْهَاب', 'الإرهـــاب', 'ٱلإرهاب'];

    // Act
    const folded = new Set(spellings.map((word) => foldText(word)));

    // Assess
    expect([...folded]).toEqual(['الارهاب']);
  });
});

describe('Function: asciiDigits', () => {
  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    // Act & Assess
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('Function: hasArabicLetter', () => {
  it('tells Arabic-script text from Latin text', () => {
    // Act & Assess
    expect(hasArabicLetter('INTERPOL في ليون')).toBe(true);
    expect(hasArabicLetter('INTERPOL in Lyon')).toBe(false);
  });
});
