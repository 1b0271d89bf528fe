import { describe, expect, it } from 'vitest';
import {
  MINHASH_PERMUTATIONS,
  minHashSignature,
} from '../../../../../packages/core/src/similarity/minhash.ts';
import { shingleText } from '../../../../../packages/core/src/similarity/shingles.ts';
import {
  parseSignature,
  serializeSignature,
} from '../../../../../packages/core/src/similarity/signatureCodec.ts';
import { syntheticText } from './articles.ts';

describe('Function: serializeSignature', () => {
  it('writes 128 slots as 684 base64 characters that parse back', () => {
    // Prepare
    const signature = minHashSignature(shingleText(syntheticText(4, 100)));

    // Act
    const text = serializeSignature(signature);
    const parsed = parseSignature(text);

    // Assess
    expect(text).toHaveLength(684);
    expect(parsed).toBeInstanceOf(Uint32Array);
    expect([...(parsed ?? [])]).toEqual([...signature]);
  });

  it('writes a typed array, or a view into a larger one, as the same numbers in a plain array', () => {
    // Prepare
    const numbers = [1, 0x01020304, 0xffffffff, 0];
    const larger = new Uint32Array([7, ...numbers, 9]);

    // Act
    const typed = serializeSignature(Uint32Array.from(numbers));
    const view = serializeSignature(larger.subarray(1, 1 + numbers.length));

    // Assess
    expect(typed).toBe(serializeSignature(numbers));
    expect(view).toBe(serializeSignature(numbers));
  });

  it('is little-endian whatever the platform', () => {
    // Act
    const text = serializeSignature([1, 0x01020304]);

    // Assess
    expect(Buffer.from(text, 'base64')).toEqual(Buffer.from([1, 0, 0, 0, 4, 3, 2, 1]));
  });
});

describe('Function: parseSignature', () => {
  const signature = minHashSignature(shingleText(syntheticText(7, 100)));
  const stored = serializeSignature(signature);

  it.each([
    { name: 'as written', text: stored },
    { name: 'without its padding', text: stored.replace(/=+$/, '') },
  ])('reads back a signature $name', ({ text }) => {
    // Act
    const parsed = parseSignature(text);

    // Assess
    expect(text).not.toBe('');
    expect([...(parsed ?? [])]).toEqual([...signature]);
  });

  it.each([
    { name: 'not base64', text: 'not base64!' },
    { name: 'too short', text: serializeSignature(new Uint32Array(MINHASH_PERMUTATIONS - 1)) },
    { name: 'too long', text: serializeSignature(new Uint32Array(MINHASH_PERMUTATIONS * 2)) },
    { name: 'empty', text: '' },
    { name: 'a signature with more after it', text: `${stored}QUJD` },
    { name: 'a signature with a character outside base64', text: `!${stored.slice(1)}` },
  ])('returns undefined when the text is $name', ({ text }) => {
    // Act
    const parsed = parseSignature(text);

    // Assess
    expect(parsed).toBeUndefined();
  });
});
