import { MINHASH_PERMUTATIONS } from './minhash.ts';

const BYTES_PER_SLOT = 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Whether typed arrays hold their words little-endian, as the stored signatures do. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * A MinHash signature as base64 of its slots in little-endian 32-bit words:
 * 684 characters for 128 slots, to store on a DynamoDB item next to the
 * document.
 *
 * @example
 * const stored = serializeSignature(fingerprint.signature); // 'q0sAAI8R…'
 */
const serializeSignature = (signature: ArrayLike<number>): string => {
  if (LITTLE_ENDIAN && signature instanceof Uint32Array) {
    // The slots' memory already holds the little-endian words: encode it as is.
    return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString(
      'base64',
    );
  }
  const view = new DataView(new ArrayBuffer(signature.length * BYTES_PER_SLOT));
  for (let i = 0; i < signature.length; i++) {
    view.setUint32(i * BYTES_PER_SLOT, signature[i] as number, true);
  }
  return Buffer.from(view.buffer).toString('base64');
};

/**
 * Reads back a `serializeSignature` string. `undefined` when it is not base64
 * of exactly `MINHASH_PERMUTATIONS` slots (a signature of other parameters, or
 * a damaged item): such a document cannot be compared and must be
 * fingerprinted again.
 *
 * @example
 * const signature = parseSignature(item.signature);
 * if (signature !== undefined) estimateJaccard(signature, fingerprint.signature);
 */
const parseSignature = (
  text: string,
  slots: number = MINHASH_PERMUTATIONS,
): Uint32Array | undefined => {
  const signature = new Uint32Array(slots);
  if (LITTLE_ENDIAN) {
    // Fast path: decode straight into the slots; the text is what
    // `serializeSignature` wrote exactly when it encodes back to itself.
    const bytes = Buffer.from(signature.buffer);
    if (bytes.write(text, 'base64') === bytes.length && bytes.toString('base64') === text) {
      return signature;
    }
  }
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== slots * BYTES_PER_SLOT) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < slots; i++) signature[i] = view.getUint32(i * BYTES_PER_SLOT, true);
  return signature;
};

export { parseSignature, serializeSignature };
