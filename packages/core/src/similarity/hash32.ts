const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * MurmurHash3's 32-bit finalizer: a bijection of the 32-bit integers that
 * spreads every input bit over every output bit.
 *
 * @example
 * fmix32(1); // 0x514e28b7
 */
const fmix32 = (value: number): number => {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * FNV-1a over the UTF-16 code units of a string, as an unsigned 32-bit
 * integer. Fast, deterministic across runtimes, not cryptographic.
 *
 * @example
 * fnv1a32('a'); // 0xe40c292c
 */
const fnv1a32 = (text: string, seed: number = FNV_OFFSET_BASIS): number => {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
};

/**
 * Hash of a run of 32-bit integers (FNV-1a over whole words, then `fmix32`),
 * as an unsigned 32-bit integer. Order matters: `[1, 2]` and `[2, 1]` differ.
 *
 * @example
 * hashWords([7, 8, 9], 0, 3); // the same number on every run and runtime
 */
const hashWords = (
  words: ArrayLike<number>,
  start: number,
  end: number,
  seed: number = FNV_OFFSET_BASIS,
): number => {
  let h = seed;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ (words[i] as number), FNV_PRIME);
  }
  return fmix32(h);
};

export { FNV_OFFSET_BASIS, FNV_PRIME, fmix32, fnv1a32, hashWords };
