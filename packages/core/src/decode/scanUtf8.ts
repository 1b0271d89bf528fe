/** What a UTF-8 validity scan found. */
interface Utf8Scan {
  /** Byte offset of the first invalid or truncated sequence; -1 when valid. */
  firstInvalidOffset: number;
  /** Whether the first invalid sequence is a sequence cut by the end of the bytes. */
  truncatedAtEnd: boolean;
  /** Whether at least one well-formed multi-byte sequence occurs. */
  hasMultiByteSequence: boolean;
}

/** Length of a well-formed sequence starting at `i`, or 0 (RFC 3629 table). */
const sequenceLength = (bytes: Uint8Array, i: number): number => {
  const lead = bytes[i] ?? 0;
  const b1 = bytes[i + 1] ?? -1;
  const isCont = (b: number): boolean => b >= 0x80 && b <= 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) return isCont(b1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return b1 >= low && b1 <= high && isCont(bytes[i + 2] ?? -1) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return b1 >= low && b1 <= high && isCont(bytes[i + 2] ?? -1) && isCont(bytes[i + 3] ?? -1)
      ? 4
      : 0;
  }
  return 0;
};

/** Whether the bytes from `i` to the end are a valid prefix of a sequence. */
const isTruncatedTail = (bytes: Uint8Array, i: number): boolean => {
  const lead = bytes[i] ?? 0;
  const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
  const remaining = bytes.length - i;
  if (expected === 0 || lead > 0xf4 || remaining >= expected) return false;
  for (let k = i + 1; k < bytes.length; k++) {
    const b = bytes[k] ?? 0;
    if (b < 0x80 || b > 0xbf) return false;
  }
  return true;
};

/**
 * Finds the first invalid UTF-8 sequence and whether the bytes also hold
 * well-formed multi-byte sequences (then the file is corrupted UTF-8, not a
 * legacy single-byte encoding). Only called once the fast decoder refused.
 *
 * @example
 * scanUtf8(new Uint8Array([0x63, 0xc3, 0xa9, 0xc3]));
 * // { firstInvalidOffset: 3, truncatedAtEnd: true, hasMultiByteSequence: true }
 */
const scanUtf8 = (bytes: Uint8Array): Utf8Scan => {
  let firstInvalidOffset = -1;
  let hasMultiByteSequence = false;
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      hasMultiByteSequence = true;
      if (firstInvalidOffset >= 0) break;
      i += length;
    } else {
      if (firstInvalidOffset < 0) firstInvalidOffset = i;
      if (hasMultiByteSequence) break;
      i++;
    }
  }
  const truncatedAtEnd = firstInvalidOffset >= 0 && isTruncatedTail(bytes, firstInvalidOffset);
  return { firstInvalidOffset, truncatedAtEnd, hasMultiByteSequence };
};

export type { Utf8Scan };
export { scanUtf8 };
