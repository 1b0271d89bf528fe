import { hashWords } from './hash32.ts';
import { EMPTY_SLOT } from './minhash.ts';

/**
 * Bands of a signature. Two documents become candidates when all the rows of
 * at least one band agree, which for Jaccard similarity `s` happens with
 * probability `P(s) = 1 - (1 - s^R)^B`. Each band is one index item per
 * canonical document (a DynamoDB write and a lookup key), so the layout is
 * the near-duplicate index's cost. With `B = 8`, `R = 2` (the first 16 of
 * the 128 signature slots): P(0.3) = 0.53, P(0.45) = 0.84, P(0.5) = 0.90,
 * P(0.62) = 0.98, P(0.7) = 0.995. Measured with `bench/nearIndex.ts`
 * (docs/BENCHMARKS.md, "Near-duplicate index layout"): it brings up every
 * labelled development and DICE pair the decision calls near-duplicate, like
 * the 32 x 4 bands before (version `b32r4`), where 6 x 2 misses a DICE pair.
 * One-row bands (a key is one slot) scored as well with 6 keys but do not
 * scale: a slot is a 32-bit shingle hash, so past about ten million documents
 * most keys would already belong to an unrelated document. Every candidate is
 * verified by `compareFingerprints` on the whole signature, so a false
 * candidate costs one comparison, never a false merge.
 */
const LSH_BANDS = 8;

/** Rows (signature slots) per band. */
const LSH_ROWS = 2;

/**
 * Band layouts of the fingerprint versions this code can rebuild keys for:
 * the current one, and `w5-m128-b32r4-v2` (schema 1.1 to 1.4), whose band
 * items a purge must still find. Same shingles and signature in both.
 */
const BAND_LAYOUTS: Readonly<Record<string, { bands: number; rows: number }>> = {
  'w5-m128-b32r4-v2': { bands: 32, rows: 4 },
  'w5-m128-b8r2-v3': { bands: LSH_BANDS, rows: LSH_ROWS },
};

// Two independent 32-bit hashes of a band make a 64-bit key: random collisions
// between different bands stay negligible at billions of documents.
const KEY_SEEDS = [0x6c62272e, 0x2d358dcc] as const;

const HEX_DIGITS = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const ZERO = 48;

// The character codes of the key being written: `b`, two digits, `:`, 16 hex digits.
const keyCodes: number[] = Array.from('b00:0000000000000000', (char) => char.charCodeAt(0));

/**
 * `b<band, 2 digits>:<high, 8 hex digits><low, 8 hex digits>` as one flat
 * string from its character codes: the key is hashed as a map key next (a
 * concatenation of padded pieces had to be flattened first), and building it
 * so took a third of the time. Bands from 100 on get their decimal number in
 * full, as `padStart` would.
 */
const formatKey = (band: number, high: number, low: number): string => {
  if (band > 99) {
    return `b${band}:${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;
  }
  keyCodes[1] = ZERO + Math.floor(band / 10);
  keyCodes[2] = ZERO + (band % 10);
  for (let digit = 0; digit < 8; digit++) {
    const shift = 28 - 4 * digit;
    keyCodes[4 + digit] = HEX_DIGITS[(high >>> shift) & 15] as number;
    keyCodes[12 + digit] = HEX_DIGITS[(low >>> shift) & 15] as number;
  }
  return String.fromCharCode(...keyCodes);
};

/**
 * Probability that two documents of Jaccard similarity `similarity` share at
 * least one band key: `1 - (1 - s^rows)^bands`.
 *
 * @example
 * candidateProbability(0.62); // 0.98
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
 * // ['b00:9c1f0e2a77d3b410', 'b01:04be…', …] (8 keys)
 */
const bandKeys = (
  signature: ArrayLike<number>,
  rows: number = LSH_ROWS,
  bands: number = LSH_BANDS,
): string[] => {
  if (signature.length === 0 || bands * rows > signature.length) return [];
  if (signature[0] === EMPTY_SLOT) return [];
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    const start = band * rows;
    const high = hashWords(signature, start, start + rows, KEY_SEEDS[0]);
    const low = hashWords(signature, start, start + rows, KEY_SEEDS[1]);
    keys.push(formatKey(band, high, low));
  }
  return keys;
};

/**
 * The band keys a stored signature of fingerprint version `version` was
 * indexed under, or none for a version whose layout is unknown.
 *
 * @example
 * bandKeysOfVersion(stored.version, parseSignature(stored.signature));
 */
const bandKeysOfVersion = (version: string, signature: ArrayLike<number>): string[] => {
  const layout = BAND_LAYOUTS[version];
  return layout === undefined ? [] : bandKeys(signature, layout.rows, layout.bands);
};

export { BAND_LAYOUTS, bandKeys, bandKeysOfVersion, candidateProbability, LSH_BANDS, LSH_ROWS };
