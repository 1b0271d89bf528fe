import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  candidateProbability,
  LSH_BANDS,
  LSH_ROWS,
} from '../../../../../packages/core/src/similarity/lshBands.ts';
import {
  MINHASH_PERMUTATIONS,
  minHashSignature,
} from '../../../../../packages/core/src/similarity/minhash.ts';
import { shingleText } from '../../../../../packages/core/src/similarity/shingles.ts';
import { syntheticText } from './articles.ts';

const signatureOf = (text: string) => minHashSignature(shingleText(text));

describe('Function: bandKeys', () => {
  it('gives one short key per band, numbered in order', () => {
    // Act
    const keys = bandKeys(signatureOf(syntheticText(1, 200)));

    // Assess
    expect(LSH_BANDS * LSH_ROWS).toBe(MINHASH_PERMUTATIONS);
    expect(keys).toHaveLength(LSH_BANDS);
    expect(keys.every((key) => /^b\d{2}:[0-9a-f]{16}$/.test(key))).toBe(true);
    expect(keys.map((key) => key.slice(0, 3))).toEqual(
      Array.from({ length: LSH_BANDS }, (_, band) => `b${String(band).padStart(2, '0')}`),
    );
  });

  it('gives equal keys for equal bodies', () => {
    // Prepare
    const body = syntheticText(2, 150);

    // Act
    const first = bandKeys(signatureOf(body));
    const second = bandKeys(signatureOf(` ${body.toUpperCase()} `));

    // Assess
    expect(second).toEqual(first);
  });

  it('changes only the key of a band whose rows change', () => {
    // Prepare
    const signature = signatureOf(syntheticText(3, 150));
    const changed = Uint32Array.from(signature);
    changed[5] = (changed[5] as number) + 1;

    // Act
    const before = bandKeys(signature);
    const after = bandKeys(changed);

    // Assess
    const differing = before.filter((key, band) => key !== after[band]);
    expect(differing).toEqual([before[Math.floor(5 / LSH_ROWS)]]);
  });

  it('keeps equal rows in different bands apart', () => {
    // Prepare
    const signature = new Uint32Array(MINHASH_PERMUTATIONS).fill(42);

    // Act
    const keys = bandKeys(signature);

    // Assess
    expect(new Set(keys).size).toBe(LSH_BANDS);
  });

  it.each([
    { name: 'an empty set', signature: minHashSignature([]) },
    { name: 'no slots', signature: new Uint32Array(0) },
    { name: 'a length that is not a multiple of the rows', signature: new Uint32Array(7) },
  ])('gives no key for $name', ({ signature }) => {
    // Act
    const keys = bandKeys(signature);

    // Assess
    expect(keys).toEqual([]);
  });
});

describe('Function: candidateProbability', () => {
  it.each([
    { similarity: 0.1, min: 0, max: 0.01 },
    { similarity: 0.3, min: 0.2, max: 0.25 },
    { similarity: 0.5, min: 0.85, max: 0.9 },
    { similarity: 0.62, min: 0.99, max: 1 },
    { similarity: 0.8, min: 0.9999, max: 1 },
  ])('is 1 - (1 - s^4)^32 at s = $similarity', ({ similarity, min, max }) => {
    // Act
    const probability = candidateProbability(similarity);

    // Assess
    expect(probability).toBeGreaterThanOrEqual(min);
    expect(probability).toBeLessThanOrEqual(max);
  });
});
