import { bandKeys, LSH_BANDS, LSH_ROWS } from './lshBands.ts';
import { MINHASH_PERMUTATIONS, minHashSignature } from './minhash.ts';
import { MIN_SHINGLES } from './nearDuplicate.ts';
import { SHINGLE_WORDS, shingleText } from './shingles.ts';

/**
 * Names the parameters a fingerprint depends on (shingle words, permutations,
 * bands x rows, seed generation). Store it with signatures and band keys:
 * fingerprints of different versions must not be compared. `v2` hashes with
 * seeded MurmurHash3 finalizers; `v1` (universal hashes modulo 2^31 - 1) was
 * three times slower. `v3` (issue 12) keeps v2's shingles and signature
 * and indexes 8 bands of 2 rows instead of 32 of 4 (`w5-m128-b32r4-v2`):
 * signatures of both compare, band keys of v2 are only rebuilt to be released.
 */
const FINGERPRINT_VERSION = `w${SHINGLE_WORDS}-m${MINHASH_PERMUTATIONS}-b${LSH_BANDS}r${LSH_ROWS}-v3`;

/** Everything near-duplicate detection needs of one document. */
interface Fingerprint {
  /** MinHash signature, `MINHASH_PERMUTATIONS` slots (`serializeSignature` to store it). */
  signature: Uint32Array;
  /** LSH band keys, `LSH_BANDS` of them; none when the text is too short to be compared. */
  bandKeys: string[];
  /** Distinct shingles of the text. */
  shingleCount: number;
  /** The distinct shingle hashes, for exact similarity where they can be kept (in memory). */
  shingles: Uint32Array;
}

/**
 * Fingerprints the text of a document for near-duplicate detection: its
 * distinct word 5-shingles (`shingleText`), their MinHash signature and its
 * LSH band keys. Pass the body (`fingerprintText` picks it from a normalized
 * document) so that a changed headline does not matter. A text with fewer
 * than `MIN_SHINGLES` shingles gets no band keys: it is never a near-duplicate
 * and is not worth indexing. Deterministic and linear in the text.
 *
 * @example
 * const fingerprint = fingerprintDocument(normalized.body);
 * fingerprint.bandKeys; // ['b00:9c1f0e2a77d3b410', …] (8 keys)
 */
const fingerprintDocument = (body: string): Fingerprint => {
  const shingles = shingleText(body);
  const signature = minHashSignature(shingles);
  return {
    signature,
    bandKeys: shingles.length >= MIN_SHINGLES ? bandKeys(signature) : [],
    shingleCount: shingles.length,
    shingles,
  };
};

export type { Fingerprint };
export { FINGERPRINT_VERSION, fingerprintDocument };
