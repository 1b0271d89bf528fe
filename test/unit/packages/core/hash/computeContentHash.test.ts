import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeContentHash } from '../../../../../packages/core/src/hash/computeContentHash.ts';

describe('Function: computeContentHash', () => {
  it('gives the SHA-256 of the empty string', () => {
    // Act
    const hash = computeContentHash('');

    // Assess
    expect(hash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the UTF-8 bytes, as 64 lowercase hex digits', () => {
    // Prepare
    const text = 'Sécurité : l’ONU\n\n« Texte »';
    const expected = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

    // Act
    const hash = computeContentHash(text);

    // Assess
    expect(hash).toBe(expected);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells NFC and NFD apart (normalization is the caller’s job)', () => {
    // Act
    const nfc = computeContentHash('é'.normalize('NFC'));
    const nfd = computeContentHash('é'.normalize('NFD'));

    // Assess
    expect(nfc).not.toBe(nfd);
  });
});
