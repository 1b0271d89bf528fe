import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldForMatching,
  SHINGLE_WORDS,
  shingleText,
} from '../../../../../packages/core/src/similarity/shingles.ts';

describe('Function: foldForMatching', () => {
  it.each([
    { text: 'Perché la CITTÀ', expected: 'perche la citta' },
    { text: 'Ça coûte cher', expected: 'ca coute cher' },
    { text: 'Straße in MÜNCHEN', expected: 'straße in munchen' },
    { text: 'Cafe\u0301', expected: 'cafe' },
  ])('folds "$text"', ({ text, expected }) => {
    // Act
    const folded = foldForMatching(text);

    // Assess
    expect(folded).toBe(expected);
  });
});

describe('Function: shingleText', () => {
  it('has one shingle per run of five words', () => {
    // Prepare
    const text = 'Tre anni e un mese di carcere per il commerciante';

    // Act
    const shingles = shingleText(text);

    // Assess
    expect(SHINGLE_WORDS).toBe(5);
    expect(shingles).toBeInstanceOf(Uint32Array);
    expect(shingles.length).toBe(10 - 5 + 1);
  });

  it('ignores case, accents, punctuation and spacing', () => {
    // Prepare
    const a = 'La città di Modena, ieri sera: perché la polizia è arrivata tardi?';
    const b = 'la CITTA di modena ieri\nsera -- perche la Polizia e arrivata tardi';

    // Act
    const shinglesA = shingleText(a);
    const shinglesB = shingleText(b);

    // Assess
    expect([...shinglesB]).toEqual([...shinglesA]);
  });

  it.each([
    'Perché la CITTÀ di Modena è cambiata: İstanbul, Straße, ﬁnance, ½ — e poi?',
    'emoji 😀 between words 𝐀𝐁𝐂 and 𝟙𝟚 digits, and 日本語 テキスト の 分割 を 試す',
    'a\u0301b\u0327c d e f g h i j k',
    'ΟΔΟΣ ΚΑΙ ΠΟΛΗΣ: ο δρόμος της πόλης, ΣΟΦΙΑ ΣΤΗΝ ΑΘΗΝΑ',
    'Ǆemal ǅ ǆ ΐ ﬃ ŉ \u0344 \u0958 한국어 문장 İİ',
  ])('reads the same words as the folded text (%s)', (text) => {
    // Act
    const direct = shingleText(text);
    const folded = shingleText(foldForMatching(text));

    // Assess
    expect(direct.length).toBeGreaterThan(0);
    expect([...direct]).toEqual([...folded]);
  });

  it('reads the same words as the folded text, whatever the characters', () => {
    // Prepare: texts of any code points (lone surrogates included) and of whole graphemes
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
    );

    // Act / Assess: each character folded on its own reads as the whole text folded
    fc.assert(
      fc.property(texts, (text) => {
        const words = `${text} a b c d ${text}`;
        expect([...shingleText(words, 1)]).toEqual([...shingleText(foldForMatching(words), 1)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps each distinct shingle once', () => {
    // Prepare
    const text = 'one two three four five one two three four five';

    // Act
    const shingles = shingleText(text);

    // Assess
    expect(shingles.length).toBe(5);
  });

  it.each(['', '   ', 'four words only here', '!!! ??? ...'])('has no shingle for "%s"', (text) => {
    // Act
    const shingles = shingleText(text);

    // Assess
    expect(shingles.length).toBe(0);
  });

  it('is deterministic', () => {
    // Prepare
    const text = 'the quick brown fox jumps over the lazy dog';

    // Act
    const first = shingleText(text);
    const second = shingleText(text);

    // Assess
    expect([...second]).toEqual([...first]);
    expect(first[0]).toBe(shingleText('The quick brown fox jumps')[0]);
  });
});
