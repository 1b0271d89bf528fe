import { describe, expect, it } from 'vitest';
import {
  resolveWordList,
  WordListReferenceError,
} from '../../../../../packages/core/src/classify/resolveWordList.ts';

describe('Function: resolveWordList', () => {
  it('returns a list without references as it is', () => {
    // Prepare
    const lists = { 'en-foreign': ['foreign', 'overseas'] };

    // Act
    const words = resolveWordList(lists, 'en-foreign');

    // Assess
    expect(words).toEqual(['foreign', 'overseas']);
  });

  it('expands included lists in place, nested, keeping each word once', () => {
    // Prepare
    const lists = {
      'es-foreign': ['extranjera', '@es-countries', 'Interpol'],
      'es-countries': ['@es-americas', 'Marruecos', 'Perú'],
      'es-americas': ['Perú', 'Colombia'],
    };

    // Act
    const words = resolveWordList(lists, 'es-foreign');

    // Assess
    expect(words).toEqual(['extranjera', 'Perú', 'Colombia', 'Marruecos', 'Interpol']);
  });

  it('allows one list to be included twice through different paths', () => {
    // Prepare
    const lists = { a: ['@b', '@c'], b: ['@d'], c: ['@d', 'x'], d: ['y'] };

    // Act
    const words = resolveWordList(lists, 'a');

    // Assess
    expect(words).toEqual(['y', 'x']);
  });

  it.each([
    ['an unknown list', { a: ['@missing'] }, 'a', 'word list "@missing" is not defined'],
    ['a list including itself', { a: ['x', '@a'] }, 'a', '@a -> @a'],
    ['lists including each other', { a: ['@b'], b: ['@a'] }, 'a', '@a -> @b -> @a'],
  ])('throws WordListReferenceError for %s', (_case, lists, name, message) => {
    // Act
    const resolve = () => resolveWordList(lists, name);

    // Assess
    expect(resolve).toThrow(WordListReferenceError);
    expect(resolve).toThrow(message);
  });
});
