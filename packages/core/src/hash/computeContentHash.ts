import { createHash } from 'node:crypto';

/**
 * SHA-256 of the UTF-8 bytes of a normalized text, as 64 lowercase hex digits.
 * This is the identity of a document: equal hashes mean equal content.
 *
 * @example
 * const hash = computeContentHash(normalized.text);
 * // '9f86d081884c7d65…'
 */
const computeContentHash = (normalizedText: string): string =>
  createHash('sha256').update(normalizedText, 'utf8').digest('hex');

export { computeContentHash };
