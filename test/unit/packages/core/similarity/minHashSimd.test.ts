import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimdMinHash } from '../../../../../packages/core/src/similarity/minHashSimd.ts';
import {
  EMPTY_SLOT,
  MINHASH_PERMUTATIONS,
  minHashScalar,
  minHashSignature,
  SEEDS,
} from '../../../../../packages/core/src/similarity/minhash.ts';

// Node 24 on the little-endian machines this project targets runs WebAssembly SIMD.
const simd = createSimdMinHash(SEEDS);

const randomShingles = (count: number, seed: number): Uint32Array => {
  const shingles = new Uint32Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    shingles[i] = state;
  }
  return shingles;
};

describe('Function: createSimdMinHash', () => {
  it('runs here', () => {
    // Assess
    expect(simd).toBeDefined();
  });

  it('gives the scalar signature of any set of shingles', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 400 }), (values) => {
        // Prepare
        const shingles = Uint32Array.from(values);

        // Act
        const signature = simd?.(shingles);

        // Assess
        expect([...(signature ?? [])]).toEqual([...minHashScalar(shingles)]);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    { name: 'no shingle', count: 0 },
    { name: 'one shingle', count: 1 },
    { name: 'more shingles than its first memory page holds', count: 70_000 },
  ])('gives the scalar signature of $name', ({ count }) => {
    // Prepare
    const shingles = randomShingles(count, count + 7);

    // Act
    const signature = simd?.(shingles);

    // Assess
    expect(signature).toHaveLength(MINHASH_PERMUTATIONS);
    expect([...(signature ?? [])]).toEqual([...minHashScalar(shingles)]);
  });

  it('keeps extreme hash values apart (0 and EMPTY_SLOT compare unsigned)', () => {
    // Prepare
    const shingles = Uint32Array.from([0, EMPTY_SLOT, 0x80000000, 0x7fffffff]);

    // Act
    const signature = simd?.(shingles);

    // Assess
    expect([...(signature ?? [])]).toEqual([...minHashScalar(shingles)]);
  });

  it('refuses seeds it was not built for', () => {
    // Act
    const made = createSimdMinHash(new Int32Array(64));

    // Assess
    expect(made).toBeUndefined();
  });
});

describe('Function: minHashSignature', () => {
  it('equals the scalar loop', () => {
    // Prepare
    const shingles = randomShingles(500, 3);

    // Act
    const signature = minHashSignature(shingles);

    // Assess
    expect([...signature]).toEqual([...minHashScalar(shingles)]);
  });
});
