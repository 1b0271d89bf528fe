import { describe, expect, it } from 'vitest';
import { looksLikeUtf16 } from '../../../../../packages/core/src/decode/looksLikeUtf16.ts';

const TEXT = 'Football : Hervé Renard quitte le Maroc après la CAN.';

describe('Function: looksLikeUtf16', () => {
  it.each([
    ['UTF-16LE', Buffer.from(TEXT, 'utf16le'), true],
    ['UTF-16BE', Buffer.from(TEXT, 'utf16le').swap16(), true],
    [
      'a run of NULs in UTF-8 text',
      Buffer.concat([Buffer.from(TEXT), Buffer.alloc(16), Buffer.from(TEXT)]),
      false,
    ],
    ['a single trailing NUL', Buffer.concat([Buffer.from(TEXT), Buffer.alloc(1)]), false],
    ['too few bytes', Buffer.from([0x41, 0x00]), false],
  ])('says %s is %s', (_, input, expected) => {
    // Act
    const result = looksLikeUtf16(new Uint8Array(input));

    // Assess
    expect(result).toBe(expected);
  });
});
