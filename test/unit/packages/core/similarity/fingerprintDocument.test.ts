import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_VERSION,
  fingerprintDocument,
} from '../../../../../packages/core/src/similarity/fingerprintDocument.ts';
import { LSH_BANDS } from '../../../../../packages/core/src/similarity/lshBands.ts';
import { MINHASH_PERMUTATIONS } from '../../../../../packages/core/src/similarity/minhash.ts';
import { MIN_SHINGLES } from '../../../../../packages/core/src/similarity/nearDuplicate.ts';
import { BRIEF, syntheticText, WIRE_REPORT } from './articles.ts';

describe('Function: fingerprintDocument', () => {
  it('returns the signature, band keys and shingles of a body', () => {
    // Act
    const fingerprint = fingerprintDocument(WIRE_REPORT);

    // Assess
    expect(fingerprint.signature).toHaveLength(MINHASH_PERMUTATIONS);
    expect(fingerprint.bandKeys).toHaveLength(LSH_BANDS);
    expect(fingerprint.shingleCount).toBe(fingerprint.shingles.length);
    expect(fingerprint.shingleCount).toBeGreaterThan(100);
    expect(FINGERPRINT_VERSION).toBe('w5-m128-b8r2-v3');
  });

  it('is deterministic', () => {
    // Act
    const first = fingerprintDocument(WIRE_REPORT);
    const second = fingerprintDocument(WIRE_REPORT);

    // Assess
    expect(second.bandKeys).toEqual(first.bandKeys);
    expect([...second.signature]).toEqual([...first.signature]);
  });

  it.each([
    { name: 'a brief', body: BRIEF },
    { name: 'an empty body', body: '' },
    { name: 'a body one shingle short', body: syntheticText(8, MIN_SHINGLES + 3) },
  ])('gives $name no band keys', ({ body }) => {
    // Act
    const fingerprint = fingerprintDocument(body);

    // Assess
    expect(fingerprint.shingleCount).toBeLessThan(MIN_SHINGLES);
    expect(fingerprint.bandKeys).toEqual([]);
  });

  it('indexes a body of exactly MIN_SHINGLES shingles', () => {
    // Act
    const fingerprint = fingerprintDocument(syntheticText(8, MIN_SHINGLES + 4));

    // Assess
    expect(fingerprint.shingleCount).toBe(MIN_SHINGLES);
    expect(fingerprint.bandKeys).toHaveLength(LSH_BANDS);
  });
});
