import { createSimdMinHash } from './minHashSimd.ts';

/** Hash functions (rows) of a MinHash signature. */
const MINHASH_PERMUTATIONS = 128;

/**
 * Seed of the generator that draws the 32-bit seeds of the hash functions.
 * Changing it (or `MINHASH_PERMUTATIONS`) changes every signature: stored
 * signatures and band keys must then be recomputed.
 */
const MINHASH_SEED = 0x5eed_1e55;

/**
 * The slot value of an empty signature: the largest 32-bit value. A real slot
 * reaches it only if every hashed shingle does, which is negligible.
 */
const EMPTY_SLOT = 0xffffffff;

/** SplitMix32-style generator: a fixed, portable stream of 32-bit integers. */
const splitMix32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
};

const drawSeeds = (count: number, seed: number): Int32Array => {
  const next = splitMix32(seed);
  const seeds = new Int32Array(count);
  for (let i = 0; i < count; i++) seeds[i] = next();
  return seeds;
};

const SEEDS = drawSeeds(MINHASH_PERMUTATIONS, MINHASH_SEED);

/**
 * Hash function `i` of the signature: MurmurHash3's finalizer of `x XOR seed_i`.
 * The finalizer is a bijection that spreads every bit over every bit, so each
 * seed gives an independent-looking permutation of the 32-bit shingle hashes.
 * Only 32-bit integer operations, which V8 runs without leaving small integers:
 * about three times faster than a universal hash modulo 2^31 - 1 in doubles.
 *
 * @example
 * seededHash(0x2a, 0); // the same number on every run and runtime
 */
const seededHash = (x: number, i: number): number => {
  let h = x ^ (SEEDS[i] as number);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * `minHashSignature` one hash at a time: the plain loop, and what runs where
 * WebAssembly SIMD does not.
 */
const minHashScalar = (shingles: ArrayLike<number>): Uint32Array => {
  const mins = new Uint32Array(MINHASH_PERMUTATIONS).fill(EMPTY_SLOT);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
      const h = seededHash(x, i);
      if (h < (mins[i] as number)) mins[i] = h;
    }
  }
  return mins;
};

// The SIMD version, made on first use; `null` until then, `undefined` where it cannot run.
let simd: ((shingles: ArrayLike<number>) => Uint32Array) | undefined | null = null;

/**
 * The MinHash signature of a set of 32-bit shingle hashes: for each of the
 * `MINHASH_PERMUTATIONS` hash functions (`seededHash`), the smallest value over
 * the set. The seeds are fixed (a SplitMix32 stream seeded with
 * `MINHASH_SEED`), so a signature computed today matches one stored last year.
 * An empty set gives `EMPTY_SLOT` everywhere. Runs in O(shingles x
 * permutations): four hash functions at a time in WebAssembly SIMD where it
 * runs (`minHashSimd.ts`, about 15 µs for 300 shingles), else the scalar loop
 * (`minHashScalar`, about 60 µs); both give the same signature.
 *
 * @example
 * const signature = minHashSignature(shingleText(body));
 * signature.length; // 128
 */
const minHashSignature = (shingles: ArrayLike<number>): Uint32Array => {
  if (simd === null) simd = createSimdMinHash(SEEDS);
  return simd === undefined ? minHashScalar(shingles) : simd(shingles);
};

/**
 * The share of slots where two signatures agree: an unbiased estimate of the
 * Jaccard similarity of the two shingle sets (standard error
 * `sqrt(J(1 - J) / 128)`, at most 0.045). Empty slots never agree, so an
 * empty set is 0-similar to everything, itself included.
 *
 * @example
 * estimateJaccard(minHashSignature(shinglesA), minHashSignature(shinglesB)); // 0.83
 */
const estimateJaccard = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < length; i++) {
    if (a[i] === b[i] && a[i] !== EMPTY_SLOT) equal++;
  }
  return equal / length;
};

export {
  EMPTY_SLOT,
  estimateJaccard,
  MINHASH_PERMUTATIONS,
  MINHASH_SEED,
  minHashScalar,
  minHashSignature,
  SEEDS,
  seededHash,
};
