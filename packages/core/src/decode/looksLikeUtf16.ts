const SAMPLE_BYTES = 4096;

/**
 * Whether NUL-bearing bytes look like BOM-less UTF-16: NULs on one byte
 * parity (the high byte of Latin characters) and almost never on the other.
 * A run of NULs inside text hits both parities and does not qualify.
 *
 * @example
 * looksLikeUtf16(new Uint8Array([0x48, 0, 0x69, 0])); // true
 */
const looksLikeUtf16 = (bytes: Uint8Array): boolean => {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  const mostly = (count: number): boolean => count >= pairs * 0.3;
  const rarely = (count: number): boolean => count <= pairs * 0.05;
  return (mostly(oddNuls) && rarely(evenNuls)) || (mostly(evenNuls) && rarely(oddNuls));
};

export { looksLikeUtf16 };
