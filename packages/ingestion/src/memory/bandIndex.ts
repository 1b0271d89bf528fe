/** A table from band partition keys to numbers (the in-memory store's claim order). */
interface BandIndex {
  /** The number held under the band key `bandKey` of fingerprint version `version`, or -1. */
  find(version: string, bandKey: string): number;
  /** The number held under a band's partition key (`NEAR#<version>#<band key>`), or -1. */
  findPartition(pk: string): number;
  /**
   * Holds `value` (0 or more) under a band's partition key unless it holds
   * one there already: returns that one, or -1 when it took `value`.
   */
  add(pk: string, value: number): number;
  /** How many keys it holds. */
  readonly size: number;
}

const PREFIX = 'NEAR#';
// A slot: the key's two 32-bit halves, its tag (version and band, 0 when
// empty) and the value.
const SLOT = 4;
const INITIAL_SLOTS = 1 << 12;

// Hex digit values by character code; -1 for any other character.
const HEX = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) HEX[digit.toString(16).charCodeAt(0)] = digit;
const ZERO = 48;
const COLON = 58;
const LOWER_B = 98;

/** Length of a band key as `bandKeys` writes it: `b07:` and 16 hex digits. */
const KEY_LENGTH = 20;

/** The unsigned 32-bit value of the 8 lowercase hex digits at `start`, or -1 when one is not a hex digit. */
const hexWord = (text: string, start: number): number => {
  let value = 0;
  for (let i = start; i < start + 8; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (HEX[code] as number) : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
};

/**
 * A table of band keys held as numbers, for the in-memory store: a band key
 * as `bandKeys` writes it (`b07:3f9a1c2e5b0d7e41`) is a band number and 64
 * bits, kept in one typed array with open addressing, so that a lookup
 * builds no string, hashes none and reads one slot instead of a map entry,
 * its key string and the value it points to (a run of `ingest process` looks
 * up 8 bands per file among 8 per canonical document). Exact: a key is
 * found only under the very version, band and 64 bits it was set with; any
 * other form of key (a test's, a future layout's) goes to a plain map.
 *
 * @example
 * const index = createBandIndex();
 * index.add('NEAR#w5-m128-b8r2-v3#b00:9c1f0e2a77d3b410', 0); // -1: it was free
 * index.find('w5-m128-b8r2-v3', 'b00:9c1f0e2a77d3b410'); // 0
 */
const createBandIndex = (): BandIndex => {
  let slots = new Int32Array(INITIAL_SLOTS * SLOT);
  let mask = INITIAL_SLOTS - 1;
  let held = 0;
  // Keys not of the canonical form, by partition key.
  const others = new Map<string, number>();
  // Fingerprint versions by number (tags count from 1: 0 marks an empty slot).
  const versions = new Map<string, number>();
  // The key being looked up, parsed (so that parsing allocates nothing).
  let high = 0;
  let low = 0;
  let tag = 0;

  const versionNumber = (version: string, create: boolean): number => {
    const known = versions.get(version);
    if (known !== undefined || !create) return known ?? -1;
    versions.set(version, versions.size + 1);
    return versions.size;
  };

  /** Parses the band key at `start` of `text` into `high`, `low`, `tag`; false when not canonical. */
  const parseKey = (text: string, start: number, version: number): boolean => {
    if (text.length - start !== KEY_LENGTH || text.charCodeAt(start) !== LOWER_B) return false;
    const tens = text.charCodeAt(start + 1) - ZERO;
    const units = text.charCodeAt(start + 2) - ZERO;
    if (tens < 0 || tens > 9 || units < 0 || units > 9) return false;
    if (text.charCodeAt(start + 3) !== COLON) return false;
    const first = hexWord(text, start + 4);
    const second = hexWord(text, start + 12);
    if (first < 0 || second < 0) return false;
    // As the typed array holds them (signed): only the bits matter.
    high = first | 0;
    low = second | 0;
    tag = (version << 7) | (tens * 10 + units);
    return true;
  };

  const slotOf = (): number => {
    let hash = Math.imul(high ^ Math.imul(low, 0x9e3779b1) ^ tag, 0x85ebca6b);
    hash ^= hash >>> 15;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const slotTag = slots[at + 2] as number;
      if (slotTag === 0 || (slotTag === tag && slots[at] === high && slots[at + 1] === low)) {
        return at;
      }
      slot = (slot + 1) & mask;
    }
  };

  const lookUp = (): number => {
    const at = slotOf();
    return slots[at + 2] === 0 ? -1 : (slots[at + 3] as number);
  };

  const grow = () => {
    const old = slots;
    slots = new Int32Array(old.length * 2);
    mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === 0) continue;
      high = old[at] as number;
      low = old[at + 1] as number;
      tag = old[at + 2] as number;
      slots.set(old.subarray(at, at + SLOT), slotOf());
    }
  };

  /** The start of the band key in a partition key of `version`, or -1. */
  const bandKeyStart = (pk: string): { version: number; start: number } | undefined => {
    if (!pk.startsWith(PREFIX)) return undefined;
    const start = pk.length - KEY_LENGTH;
    if (start <= PREFIX.length || pk.charCodeAt(start - 1) !== 35 /* # */) return undefined;
    return { version: versionNumber(pk.slice(PREFIX.length, start - 1), true), start };
  };

  return {
    find: (version, bandKey) => {
      const number = versionNumber(version, false);
      if (number !== -1 && parseKey(bandKey, 0, number)) return lookUp();
      return others.get(`${PREFIX}${version}#${bandKey}`) ?? -1;
    },
    findPartition: (pk) => {
      const at = bandKeyStart(pk);
      if (at !== undefined && parseKey(pk, at.start, at.version)) return lookUp();
      return others.get(pk) ?? -1;
    },
    add: (pk, value) => {
      const at = bandKeyStart(pk);
      if (at === undefined || !parseKey(pk, at.start, at.version)) {
        const known = others.get(pk);
        if (known !== undefined) return known;
        others.set(pk, value);
        return -1;
      }
      let slot = slotOf();
      if (slots[slot + 2] !== 0) return slots[slot + 3] as number;
      held++;
      if (held * 2 > slots.length / SLOT) {
        const key = [high, low, tag] as const;
        grow();
        [high, low, tag] = key;
        slot = slotOf();
      }
      slots[slot] = high;
      slots[slot + 1] = low;
      slots[slot + 2] = tag;
      slots[slot + 3] = value;
      return -1;
    },
    get size() {
      return held + others.size;
    },
  };
};

export type { BandIndex };
export { createBandIndex };
