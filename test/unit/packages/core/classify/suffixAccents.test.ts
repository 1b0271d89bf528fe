import { describe, expect, it } from 'vitest';
import { getStemmer } from '../../../../../packages/core/src/classify/stem.ts';
import {
  accentPortugueseSuffix,
  accentSpanishSuffix,
} from '../../../../../packages/core/src/classify/suffixAccents.ts';
import { foldText } from '../../../../../packages/core/src/classify/tokenize.ts';

describe('Function: accentSpanishSuffix', () => {
  it.each([
    ['organizacion', 'organización'],
    ['extorsion', 'extorsión'],
    ['organizaciones', 'organizaciones'],
    ['cocaina', 'cocaina'],
  ])('turns %s into %s', (word, expected) => {
    // Act & Assess
    expect(accentSpanishSuffix(word)).toBe(expected);
  });
});

describe('Function: accentPortugueseSuffix', () => {
  it.each([
    ['organizacao', 'organização'],
    ['organizacoes', 'organizações'],
    ['prisao', 'prisão'],
    ['droga', 'droga'],
  ])('turns %s into %s', (word, expected) => {
    // Act & Assess
    expect(accentPortugueseSuffix(word)).toBe(expected);
  });
});

describe('Spanish and Portuguese stemming of folded words', () => {
  it.each([
    ['es', 'organización', 'organizaciones'],
    ['pt', 'organização', 'organizações'],
  ])('gives the %s singular and plural one stem', (language, singular, plural) => {
    // Prepare
    const stem = getStemmer(language);

    // Act & Assess
    expect(stem(foldText(singular))).toBe(stem(foldText(plural)));
  });
});
