import { describe, expect, it } from 'vitest';
import { memoizeBounded } from '../../../../../packages/core/src/classify/memoizeBounded.ts';

describe('Function: memoizeBounded', () => {
  it('computes each word once while the memory has room', () => {
    // Prepare
    const seen: string[] = [];
    const upper = memoizeBounded((word) => {
      seen.push(word);
      return word.toUpperCase();
    }, 10);

    // Act
    const results = ['a', 'b', 'a', 'b', 'a'].map(upper);

    // Assess
    expect(results).toEqual(['A', 'B', 'A', 'B', 'A']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('starts afresh when the limit is reached, so memory stays bounded', () => {
    // Prepare
    const seen: string[] = [];
    const same = memoizeBounded((word) => {
      seen.push(word);
      return word;
    }, 2);

    // Act
    for (const word of ['a', 'b', 'c', 'a']) same(word);

    // Assess
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });
});
