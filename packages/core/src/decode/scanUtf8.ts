/** What a UTF-8 validity scan found. */
interface Utf8Scan {
  /** Byte offset of the first invalid or truncated sequence; -1 when valid. */
  firstInvalidOffset: number;
  /** Whether the first invalid sequence is a sequence cut by the end of the bytes. */
  truncatedAtEnd: boolean;
  /** Well-formed multi-byte sequences. */
  multiByteSequences: number;
  /** Maximal runs of bytes that form no well-formed sequence. */
  invalidSequences: number;
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
 * Counts well-formed multi-byte sequences and runs of invalid bytes, and finds
 * the first invalid one. Many well-formed sequences among a few invalid runs
 * is corrupted UTF-8; the reverse is a legacy single-byte encoding, where a
 * well-formed sequence can occur by accident (Windows-1252 `é` + NBSP + `»`
 * is the bytes E9 A0 BB, a valid UTF-8 character). Only called once the fast
 * decoder refused.
 *
 * @example
 * scanUtf8(new Uint8Array([0x63, 0xc3, 0xa9, 0xc3]));
 * // { firstInvalidOffset: 3, truncatedAtEnd: true, multiByteSequences: 1, invalidSequences: 1 }
 */
const scanUtf8 = (bytes: Uint8Array): Utf8Scan => {
  let firstInvalidOffset = -1;
  let multiByteSequences = 0;
  let invalidSequences = 0;
  let inInvalidRun = false;
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] ?? 0) < 0x80) {
      inInvalidRun = false;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      multiByteSequences++;
      inInvalidRun = false;
      i += length;
    } else {
      if (firstInvalidOffset < 0) firstInvalidOffset = i;
      if (!inInvalidRun) invalidSequences++;
      inInvalidRun = true;
      i++;
    }
  }
  const truncatedAtEnd = firstInvalidOffset >= 0 && isTruncatedTail(bytes, firstInvalidOffset);
  return { firstInvalidOffset, truncatedAtEnd, multiByteSequences, invalidSequences };
};

export type { Utf8Scan };
export { scanUtf8 };
