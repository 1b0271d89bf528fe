import { hashWords } from './hash32.ts';
import { EMPTY_SLOT, MINHASH_PERMUTATIONS } from './minhash.ts';

/**
 * Bands of a signature. Two documents become candidates when all the rows of
 * at least one band agree, which for Jaccard similarity `s` happens with
 * probability `P(s) = 1 - (1 - s^R)^B`. With `B = 32`, `R = 4`
 * (`B * R = MINHASH_PERMUTATIONS = 128`) the S-curve rises around
 * `(1 / B)^(1 / R) ≈ 0.42`: P(0.2) = 0.05, P(0.3) = 0.23, P(0.5) = 0.87,
 * P(0.6) = 0.988, P(0.7) = 0.9996. It sits below the decision threshold on
 * purpose: pairs at the Jaccard threshold (0.6 and up) are found 99 % of the
 * time, and so are most copies caught by containment (Jaccard 0.45 and up),
 * while unrelated pairs (Jaccard under 0.1) almost never become candidates.
 * Every candidate is verified by `compareFingerprints`, so a false candidate
 * costs one comparison, never a false merge.
 */
const LSH_BANDS = 32;

/** Rows (signature slots) per band: `MINHASH_PERMUTATIONS / LSH_BANDS`. */
const LSH_ROWS = MINHASH_PERMUTATIONS / LSH_BANDS;

// Two independent 32-bit hashes of a band make a 64-bit key: random collisions
// between different bands stay negligible at billions of documents.
const KEY_SEEDS = [0x6c62272e, 0x2d358dcc] as const;

const hex32 = (value: number): string => value.toString(16).padStart(8, '0');

/**
 * Probability that two documents of Jaccard similarity `similarity` share at
 * least one band key: `1 - (1 - s^rows)^bands`.
 *
 * @example
 * candidateProbability(0.6); // 0.988
 */
const candidateProbability = (
  similarity: number,
  bands: number = LSH_BANDS,
  rows: number = LSH_ROWS,
): number => 1 - (1 - similarity ** rows) ** bands;

/**
 * The LSH band keys of a MinHash signature, one per band, in band order:
 * `b<band, 2 digits>:<16 hex digits>`, a 64-bit hash of the band's rows. Equal
 * bands give equal keys on every runtime; the band number keeps equal rows in
 * different bands apart. Short and stable, ready to be a DynamoDB partition
 * key such as `NEAR#b07:3f9a1c2e5b0d7e41`. The signature of an empty set (a
 * text without shingles) has no keys.
 *
 * @example
 * bandKeys(minHashSignature(shingleText(body)));
 * // ['b00:9c1f0e2a77d3b410', 'b01:04be…', …] (32 keys)
 */
const bandKeys = (signature: ArrayLike<number>, rows: number = LSH_ROWS): string[] => {
  if (signature.length === 0 || signature.length % rows !== 0) return [];
  if (signature[0] === EMPTY_SLOT) return [];
  const keys: string[] = [];
  for (let band = 0; band * rows < signature.length; band++) {
    const start = band * rows;
    const high = hashWords(signature, start, start + rows, KEY_SEEDS[0]);
    const low = hashWords(signature, start, start + rows, KEY_SEEDS[1]);
    keys.push(`b${String(band).padStart(2, '0')}:${hex32(high)}${hex32(low)}`);
  }
  return keys;
};

export { bandKeys, candidateProbability, LSH_BANDS, LSH_ROWS };
