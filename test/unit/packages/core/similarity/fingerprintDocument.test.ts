import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_VERSION,
  fingerprintDocument,
} from '../../../../../packages/core/src/similarity/fingerprintDocument.ts';
import { fnv1a32, hashWords } from '../../../../../packages/core/src/similarity/hash32.ts';
import { bandKeys, LSH_BANDS } from '../../../../../packages/core/src/similarity/lshBands.ts';
import {
  EMPTY_SLOT,
  MINHASH_PERMUTATIONS,
  seededHash,
} from '../../../../../packages/core/src/similarity/minhash.ts';
import { MIN_SHINGLES } from '../../../../../packages/core/src/similarity/nearDuplicate.ts';
import {
  foldForMatching,
  SHINGLE_WORDS,
} from '../../../../../packages/core/src/similarity/shingles.ts';
import { BRIEF, syntheticText, WIRE_REPORT } from './articles.ts';

/**
 * The fingerprint computed the plain way, as its documentation states it: the
 * folded text split into runs of letters and digits, each word hashed with
 * FNV-1a, each run of five word hashes with `hashWords`, the distinct shingles
 * in order of first appearance, the unsigned minimum of every seeded hash, and
 * the band keys of that signature. The optimized code (one scan, typed arrays,
 * its own hash table) must give the same numbers.
 */
const referenceFingerprint = (body: string) => {
  const words = (foldForMatching(body).match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => fnv1a32(word));
  const distinct = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    distinct.add(hashWords(words, i, i + SHINGLE_WORDS));
  }
  const shingles = [...distinct];
  const signature = Array.from({ length: MINHASH_PERMUTATIONS }, (_, i) =>
    shingles.reduce((min, shingle) => Math.min(min, seededHash(shingle, i)), EMPTY_SLOT),
  );
  const keys = shingles.length >= MIN_SHINGLES ? bandKeys(signature) : [];
  return { shingles, signature, bandKeys: keys };
};

// Pieces of text a fingerprint must read alike in both ways: accents precomposed
// and combining, capitals, digits, punctuation, joiners, Greek (final sigma),
// Arabic, Cyrillic, letters and symbols beyond the BMP, a lone surrogate.
const PIECES = [
  'la',
  'Città',
  'CAFE\u0301',
  'perché',
  'Straße',
  'İstanbul',
  'ΟΔΟΣ',
  'σοφός',
  'Москва',
  'می\u200Cخواهیم',
  'القاهرة',
  'œuvre',
  '2026',
  '12,5',
  'l’ONU',
  'e-mail',
  '𝐀𝐁',
  '😀',
  '\uD800',
  'x\u0301\u0302\u0303',
  ' ',
  '  ',
  '\n',
  '.',
  ', ',
  '—',
  '\t',
];

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

  it('gives the value it gave before the scan was optimized', () => {
    // Act
    const fingerprint = fingerprintDocument(WIRE_REPORT);

    // Assess
    expect(fingerprint.shingleCount).toBe(150);
    expect([...fingerprint.shingles.slice(0, 3)]).toEqual([3971102781, 3163670547, 4285427382]);
    expect([...fingerprint.signature.slice(0, 4)]).toEqual([15596835, 19491582, 5742484, 17389951]);
    expect(fingerprint.bandKeys).toEqual([
      'b00:ebceeb957da38e35',
      'b01:68ed90094d8c2142',
      'b02:5914333d9ec2dd3a',
      'b03:2fb75dc509de0047',
      'b04:4f87581046371f15',
      'b05:969e3f9ddd63a138',
      'b06:7b14d9d35b359aa0',
      'b07:d41fe1eac16dfea8',
    ]);
  });

  it('equals the plain reference computation on any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), {
          minLength: 30,
          maxLength: 200,
        }),
        (pieces) => {
          // Prepare
          const body = pieces.join(' ');

          // Act
          const fingerprint = fingerprintDocument(body);
          const reference = referenceFingerprint(body);

          // Assess
          expect([...fingerprint.shingles]).toEqual(reference.shingles);
          expect(fingerprint.shingleCount).toBe(reference.shingles.length);
          expect([...fingerprint.signature]).toEqual(reference.signature);
          expect(fingerprint.bandKeys).toEqual(reference.bandKeys);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the plain reference computation on a long article', () => {
    // Prepare
    const body = `${WIRE_REPORT}\n${syntheticText(5, 3000)}`;

    // Act
    const fingerprint = fingerprintDocument(body);
    const reference = referenceFingerprint(body);

    // Assess
    expect([...fingerprint.shingles]).toEqual(reference.shingles);
    expect([...fingerprint.signature]).toEqual(reference.signature);
    expect(fingerprint.bandKeys).toEqual(reference.bandKeys);
  });
});
