import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION } from '../../../../../packages/core/src/similarity/fingerprintDocument.ts';
import { hashWords } from '../../../../../packages/core/src/similarity/hash32.ts';
import {
  BAND_LAYOUTS,
  bandKeys,
  bandKeysOfVersion,
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
    expect(LSH_BANDS * LSH_ROWS).toBeLessThanOrEqual(MINHASH_PERMUTATIONS);
    expect(keys).toHaveLength(LSH_BANDS);
    expect(keys.every((key) => /^b\d{2}:[0-9a-f]{16}$/.test(key))).toBe(true);
    expect(keys.map((key) => key.slice(0, 3))).toEqual(
      Array.from({ length: LSH_BANDS }, (_, band) => `b${String(band).padStart(2, '0')}`),
    );
  });

  it('writes each key as its band number, 2 digits at least, and the two hashes in 8 hex digits each', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xfffffffe }), { minLength: 200, maxLength: 200 }),
        fc.integer({ min: 1, max: 2 }),
        (slots, rows) => {
          // Prepare: up to 200 one-row bands, so that band numbers reach 3 digits
          // (no first slot of the empty signature, which has no keys)
          const signature = Uint32Array.from(slots);
          const bands = signature.length / rows;

          // Act
          const keys = bandKeys(signature, rows, bands);

          // Assess
          const expected = Array.from({ length: bands }, (_, band) => {
            const hex = (seed: number) =>
              hashWords(signature, band * rows, band * rows + rows, seed)
                .toString(16)
                .padStart(8, '0');
            return `b${String(band).padStart(2, '0')}:${hex(0x6c62272e)}${hex(0x2d358dcc)}`;
          });
          expect(keys).toEqual(expected);
        },
      ),
      { numRuns: 20 },
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
    { name: 'fewer slots than the bands read', signature: new Uint32Array(7) },
  ])('gives no key for $name', ({ signature }) => {
    // Act
    const keys = bandKeys(signature);

    // Assess
    expect(keys).toEqual([]);
  });
});

describe('Function: candidateProbability', () => {
  it.each([
    { similarity: 0.1, min: 0.07, max: 0.08 },
    { similarity: 0.3, min: 0.52, max: 0.54 },
    { similarity: 0.5, min: 0.89, max: 0.9 },
    { similarity: 0.62, min: 0.97, max: 0.98 },
    { similarity: 0.8, min: 0.9996, max: 1 },
  ])('is 1 - (1 - s^2)^8 at s = $similarity', ({ similarity, min, max }) => {
    // Act
    const probability = candidateProbability(similarity);

    // Assess
    expect(probability).toBeGreaterThanOrEqual(min);
    expect(probability).toBeLessThanOrEqual(max);
  });
});

describe('Function: bandKeysOfVersion', () => {
  it('rebuilds the current version keys as bandKeys gives them', () => {
    // Prepare
    const signature = signatureOf(syntheticText(4, 200));

    // Act
    const keys = bandKeysOfVersion(FINGERPRINT_VERSION, signature);

    // Assess
    expect(BAND_LAYOUTS[FINGERPRINT_VERSION]).toEqual({ bands: LSH_BANDS, rows: LSH_ROWS });
    expect(keys).toEqual(bandKeys(signature));
    expect(keys).toHaveLength(8);
  });

  it('rebuilds the 32 keys of 4 rows of version w5-m128-b32r4-v2', () => {
    // Prepare
    const signature = signatureOf(syntheticText(5, 200));

    // Act
    const keys = bandKeysOfVersion('w5-m128-b32r4-v2', signature);

    // Assess
    expect(keys).toHaveLength(32);
    expect(keys).toEqual(bandKeys(signature, 4, 32));
    expect(keys.slice(0, LSH_BANDS)).not.toEqual(bandKeys(signature));
  });

  it('gives no key for a version of unknown layout', () => {
    // Act
    const keys = bandKeysOfVersion('w5-m128-b16r8-v9', signatureOf(syntheticText(6, 200)));

    // Assess
    expect(keys).toEqual([]);
  });
});

describe('Property: near-duplicates share a band key', () => {
  it('finds a copy with a few edited words or an added sentence among the candidates', () => {
    // Prepare: a 300-word text and a copy with 1 to 3 words replaced and a
    // sentence added; their Jaccard similarity stays above 0.85, where a miss
    // has a probability of about 1e-5 per pair (the runs are seeded).
    const copies = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      edits: fc.uniqueArray(fc.integer({ min: 0, max: 299 }), { minLength: 1, maxLength: 3 }),
    });

    // Act / Assess
    fc.assert(
      fc.property(copies, ({ seed, edits }) => {
        const words = syntheticText(seed, 300).split(' ');
        for (const at of edits) words[at] = `edited${at}`;
        const copy = `${words.join(' ')} The agency added a comment on Friday.`;
        const original = new Set(bandKeys(signatureOf(syntheticText(seed, 300))));
        return bandKeys(signatureOf(copy)).some((key) => original.has(key));
      }),
      { numRuns: 200, seed: 12 },
    );
  });
});
