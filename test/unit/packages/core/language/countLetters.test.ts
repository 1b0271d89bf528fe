import { describe, expect, it } from 'vitest';
import {
  countLetters,
  isLetter,
  isLetterOrMark,
} from '../../../../../packages/core/src/language/countLetters.ts';

describe('Function: countLetters', () => {
  it.each([
    ['', 0],
    ['12 345 !!!', 0],
    ['Né en 1990, à Paris.', 10],
    ['l’ONU « vite »', 8],
    ['الشرطة 12', 6],
    ['𝐀𝐁 c', 3],
  ])('counts the letters of %j as %i', (text, expected) => {
    // Act & Assess
    expect(countLetters(text)).toBe(expected);
  });

  it('agrees with a Unicode property expression on mixed scripts', () => {
    // Prepare
    const text = 'Полиция ١٢ पुलिस ने 警方 Ἀθῆναι e\u0301 ß — 🙂';

    // Act & Assess
    expect(countLetters(text)).toBe([...text].filter((char) => /\p{L}/u.test(char)).length);
  });
});

describe('Function: isLetterOrMark', () => {
  it.each([
    [0x61, true],
    [0x301, true],
    [0x2019, false],
    [0x20, false],
  ])('reads unit %i as a letter or mark: %s', (unit, expected) => {
    // Act & Assess
    expect(isLetterOrMark(unit)).toBe(expected);
  });
});

describe('Function: isLetter', () => {
  it.each([
    [0x61, true],
    [0xe9, true],
    [0x301, false],
    [0x2019, false],
  ])('reads unit %i as a letter: %s', (unit, expected) => {
    // Act & Assess
    expect(isLetter(unit)).toBe(expected);
  });
});
