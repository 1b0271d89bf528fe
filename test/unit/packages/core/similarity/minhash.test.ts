import { describe, expect, it } from 'vitest';
import {
  EMPTY_SLOT,
  estimateJaccard,
  MINHASH_PERMUTATIONS,
  minHashSignature,
  seededHash,
} from '../../../../../packages/core/src/similarity/minhash.ts';
import { shingleText } from '../../../../../packages/core/src/similarity/shingles.ts';
import { syntheticText } from './articles.ts';

const exactJaccard = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  const setA = new Set(Array.from(a));
  const setB = new Set(Array.from(b));
  const shared = [...setA].filter((value) => setB.has(value)).length;
  return shared / (setA.size + setB.size - shared);
};

/** A 400-word text, and one keeping its first `kept` words then going its own way. */
const textPair = (kept: number): [string, string] => {
  const base = syntheticText(11, 400).split(' ');
  const other = syntheticText(97, 400 - kept).split(' ');
  return [base.join(' '), [...base.slice(0, kept), ...other].join(' ')];
};

describe('Function: seededHash', () => {
  it('gives each permutation its own, evenly spread values', () => {
    // Prepare
    const inputs = Array.from({ length: 4096 }, (_, n) => n);

    // Act
    const first = inputs.map((x) => seededHash(x, 0));
    const second = inputs.map((x) => seededHash(x, 1));
    const upperHalf = first.filter((value) => value >= 2 ** 31).length;

    // Assess
    expect(new Set(first).size).toBe(inputs.length);
    expect(first.filter((value, n) => value === second[n])).toEqual([]);
    expect(upperHalf).toBeGreaterThan(1900);
    expect(upperHalf).toBeLessThan(2200);
  });

  it('stays an unsigned 32-bit integer', () => {
    // Act
    const values = [0, 1, 0x7fffffff, 0xffffffff].map((x) => seededHash(x, 127));

    // Assess
    for (const value of values) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(0xffffffff);
    }
  });
});

describe('Function: minHashSignature', () => {
  it('has one slot per permutation, none of them empty for a non-empty set', () => {
    // Act
    const signature = minHashSignature(shingleText(syntheticText(1, 100)));

    // Assess
    expect(signature).toHaveLength(MINHASH_PERMUTATIONS);
    expect(signature.every((slot) => slot < EMPTY_SLOT)).toBe(true);
  });

  it('is deterministic across runs (stored signatures stay comparable)', () => {
    // Prepare
    const shingles = shingleText('the quick brown fox jumps over the lazy dog');

    // Act
    const signature = minHashSignature(shingles);

    // Assess
    expect([...signature]).toEqual([...minHashSignature(shingles)]);
    // Pinned: a change here invalidates every stored signature and band key.
    expect([...signature.slice(0, 4)]).toEqual([812603217, 1548956723, 176166750, 278669568]);
  });

  it('does not depend on the order of the shingles', () => {
    // Prepare
    const shingles = shingleText(syntheticText(3, 60));

    // Act
    const forward = minHashSignature(shingles);
    const backward = minHashSignature([...shingles].reverse());

    // Assess
    expect([...backward]).toEqual([...forward]);
  });

  it('fills every slot with EMPTY_SLOT for an empty set', () => {
    // Act
    const signature = minHashSignature([]);

    // Assess
    expect(signature.every((slot) => slot === EMPTY_SLOT)).toBe(true);
  });
});

describe('Function: estimateJaccard', () => {
  it.each([
    { kept: 400 },
    { kept: 360 },
    { kept: 300 },
    { kept: 230 },
    { kept: 150 },
    { kept: 60 },
    { kept: 0 },
  ])('is within 0.1 of the true Jaccard similarity ( of 400 words kept)', ({ kept }) => {
    // Prepare
    const [a, b] = textPair(kept);
    const shinglesA = shingleText(a);
    const shinglesB = shingleText(b);

    // Act
    const estimate = estimateJaccard(minHashSignature(shinglesA), minHashSignature(shinglesB));

    // Assess
    expect(Math.abs(estimate - exactJaccard(shinglesA, shinglesB))).toBeLessThanOrEqual(0.1);
  });

  it('is 1 for equal sets and 0 when either set is empty', () => {
    // Prepare
    const signature = minHashSignature(shingleText(syntheticText(5, 50)));
    const empty = minHashSignature([]);

    // Act
    const same = estimateJaccard(signature, Uint32Array.from(signature));
    const withEmpty = estimateJaccard(signature, empty);
    const bothEmpty = estimateJaccard(empty, empty);

    // Assess
    expect(same).toBe(1);
    expect(withEmpty).toBe(0);
    expect(bothEmpty).toBe(0);
  });
});
