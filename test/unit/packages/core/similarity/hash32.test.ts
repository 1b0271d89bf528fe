import { describe, expect, it } from 'vitest';
import { fmix32, fnv1a32, hashWords } from '../../../../../packages/core/src/similarity/hash32.ts';

describe('Function: fnv1a32', () => {
  it.each([
    { text: '', expected: 0x811c9dc5 },
    { text: 'a', expected: 0xe40c292c },
    { text: 'foobar', expected: 0xbf9cf968 },
  ])('hashes "$text" to the published FNV-1a value', ({ text, expected }) => {
    // Act
    const hash = fnv1a32(text);

    // Assess
    expect(hash).toBe(expected);
  });
});

describe('Function: fmix32', () => {
  it('is the MurmurHash3 finalizer, unsigned', () => {
    // Act
    const values = [fmix32(0), fmix32(1), fmix32(0xffffffff)];

    // Assess
    expect(values[0]).toBe(0);
    expect(values[1]).toBe(0x514e28b7);
    expect(values.every((value) => value >= 0 && value <= 0xffffffff)).toBe(true);
  });
});

describe('Function: hashWords', () => {
  it('depends on the order of the words and on the range', () => {
    // Prepare
    const words = [7, 8, 9];

    // Act
    const forward = hashWords(words, 0, 3);
    const again = hashWords(Uint32Array.from(words), 0, 3);
    const reversed = hashWords([9, 8, 7], 0, 3);
    const shorter = hashWords(words, 0, 2);

    // Assess
    expect(again).toBe(forward);
    expect(reversed).not.toBe(forward);
    expect(shorter).not.toBe(forward);
  });
});
