import { describe, expect, it } from 'vitest';
import {
  boundedStem,
  getStemmer,
  hasStemmer,
  lightStem,
} from '../../../../../packages/core/src/classify/stem.ts';
import { MAX_TOKEN_CHARS } from '../../../../../packages/core/src/classify/tokenize.ts';

describe('Function: getStemmer', () => {
  it.each([
    ['fr', 'trafiquants', 'trafiquant'],
    ['fr', 'terroristes', 'terrorisme'],
    ['en', 'smugglers', 'smuggler'],
    ['en', 'trafficking', 'trafficked'],
    ['es', 'narcotraficantes', 'narcotraficante'],
    ['it', 'terroristi', 'terrorista'],
    ['de', 'schleusern', 'schleuser'],
    ['pt', 'traficantes', 'traficante'],
  ])('stems two inflections alike in %s: %s / %s', (language, one, other) => {
    // Prepare
    const stem = getStemmer(language);

    // Act
    const [first, second] = [stem(one), stem(other)];

    // Assess
    expect(first).toBe(second);
  });

  it.each([
    ['fr', 'trafiquants', 'trafiqu'],
    ['en', 'laundering', 'launder'],
    ['es', 'drogas', 'drog'],
  ])('gives the Snowball stem in %s of %s', (language, word, expected) => {
    // Act
    const result = getStemmer(language)(word);

    // Assess
    expect(result).toBe(expected);
  });

  it('returns the same cached function for a language', () => {
    // Act
    const [first, second] = [getStemmer('fr'), getStemmer('fr')];

    // Assess
    expect(first).toBe(second);
  });

  it.each(['und', 'vi', 'zz'])('falls back to the light stemmer for %s', (language) => {
    // Act
    const result = getStemmer(language)('hackers');

    // Assess
    expect(hasStemmer(language)).toBe(false);
    expect(result).toBe('hacker');
  });
});

describe('Function: lightStem', () => {
  it.each([
    ['hackers', 'hacker'],
    ['passes', 'pass'],
    ['class', 'class'],
    ['bus', 'bus'],
    ['camion', 'camion'],
  ])('stems %s to %s', (word, expected) => {
    // Act
    const result = lightStem(word);

    // Assess
    expect(result).toBe(expected);
  });
});

describe('Function: boundedStem', () => {
  it('stems a word of MAX_TOKEN_CHARS and returns a longer one untouched without stemming it', () => {
    // Prepare
    const seen: string[] = [];
    const stem = boundedStem((word) => {
      seen.push(word);
      return word.slice(0, 3);
    });
    const longest = 'a'.repeat(MAX_TOKEN_CHARS);
    const overlong = 'b'.repeat(MAX_TOKEN_CHARS + 1);

    // Act
    const results = [stem(longest), stem(overlong)];

    // Assess
    expect(results).toEqual(['aaa', overlong]);
    expect(seen).toEqual([longest]);
  });

  it.each(['fr', 'en', 'es', 'it', 'de', 'pt', 'und'])(
    'returns a 100,000-letter word as is in %s',
    (language) => {
      // Prepare
      const word = 'ementsation'.repeat(10_000);

      // Act
      const result = getStemmer(language)(word);

      // Assess
      expect(result).toBe(word);
    },
  );
});
