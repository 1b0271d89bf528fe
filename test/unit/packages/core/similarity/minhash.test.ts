import { describe, expect, it } from 'vitest';
import {
  EMPTY_SLOT,
  estimateJaccard,
  MINHASH_PERMUTATIONS,
  MINHASH_PRIME,
  minHashSignature,
  universalHash,
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

describe('Function: universalHash', () => {
  const p = BigInt(MINHASH_PRIME);
  const reference = (a: number, x: number, b: number): number =>
    Number((BigInt(a) * BigInt(x) + BigInt(b)) % p);
  const edges = [0, 1, 2, 65535, 65536, 2 ** 30, MINHASH_PRIME - 2, MINHASH_PRIME - 1];

  it('computes (a * x + b) mod (2^31 - 1) exactly at the edges', () => {
    // Prepare
    const cases = edges.flatMap((a) => edges.map((x) => ({ a: Math.max(a, 1), x })));

    // Act
    const mismatches = cases.filter(
      ({ a, x }) =>
        universalHash(a >>> 16, a & 0xffff, x, MINHASH_PRIME - 1) !==
        reference(a, x, MINHASH_PRIME - 1),
    );

    // Assess
    expect(mismatches).toEqual([]);
  });

  it('computes (a * x + b) mod (2^31 - 1) exactly on pseudo-random inputs', () => {
    // Prepare
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % MINHASH_PRIME;
    };

    // Act
    let mismatches = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = 1 + (next() % (MINHASH_PRIME - 1));
      const x = next();
      const b = next();
      if (universalHash(a >>> 16, a & 0xffff, x, b) !== reference(a, x, b)) mismatches++;
    }

    // Assess
    expect(mismatches).toBe(0);
  });
});

describe('Function: minHashSignature', () => {
  it('has one slot per permutation, each a residue mod 2^31 - 1', () => {
    // Act
    const signature = minHashSignature(shingleText(syntheticText(1, 100)));

    // Assess
    expect(signature).toHaveLength(MINHASH_PERMUTATIONS);
    expect(signature.every((slot) => slot < MINHASH_PRIME)).toBe(true);
  });

  it('is deterministic across runs (stored signatures stay comparable)', () => {
    // Prepare
    const shingles = shingleText('the quick brown fox jumps over the lazy dog');

    // Act
    const signature = minHashSignature(shingles);

    // Assess
    expect([...signature]).toEqual([...minHashSignature(shingles)]);
    // Pinned: a change here invalidates every stored signature and band key.
    expect([...signature.slice(0, 4)]).toEqual([385252096, 415877119, 746837751, 718178247]);
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
