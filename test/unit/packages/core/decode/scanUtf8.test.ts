import { describe, expect, it } from 'vitest';
import { scanUtf8 } from '../../../../../packages/core/src/decode/scanUtf8.ts';

describe('Function: scanUtf8', () => {
  it.each<
    [
      string,
      number[],
      {
        firstInvalidOffset: number;
        truncatedAtEnd: boolean;
        multiByteSequences: number;
        invalidSequences: number;
      },
    ]
  >([
    [
      'valid ASCII',
      [0x61, 0x62],
      { firstInvalidOffset: -1, truncatedAtEnd: false, multiByteSequences: 0, invalidSequences: 0 },
    ],
    [
      'valid multi-byte',
      [0x63, 0xc3, 0xa9, 0xe2, 0x80, 0x99, 0xf0, 0x9f, 0x98, 0x80],
      { firstInvalidOffset: -1, truncatedAtEnd: false, multiByteSequences: 3, invalidSequences: 0 },
    ],
    [
      'corruption after é',
      [0xc3, 0xa9, 0x20, 0xc3, 0x28],
      { firstInvalidOffset: 3, truncatedAtEnd: false, multiByteSequences: 1, invalidSequences: 1 },
    ],
    [
      'corruption before é',
      [0xff, 0x20, 0xc3, 0xa9],
      { firstInvalidOffset: 0, truncatedAtEnd: false, multiByteSequences: 1, invalidSequences: 1 },
    ],
    [
      'a truncated last character',
      [0x63, 0xc3, 0xa9, 0xe2, 0x80],
      { firstInvalidOffset: 3, truncatedAtEnd: true, multiByteSequences: 1, invalidSequences: 1 },
    ],
    [
      'Windows-1252 accents',
      [0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0],
      { firstInvalidOffset: 3, truncatedAtEnd: false, multiByteSequences: 0, invalidSequences: 2 },
    ],
    [
      'an overlong encoding',
      [0xc0, 0xaf],
      { firstInvalidOffset: 0, truncatedAtEnd: false, multiByteSequences: 0, invalidSequences: 1 },
    ],
    [
      'a UTF-16 surrogate',
      [0xed, 0xa0, 0x80],
      { firstInvalidOffset: 0, truncatedAtEnd: false, multiByteSequences: 0, invalidSequences: 1 },
    ],
    [
      'a code point above U+10FFFF',
      [0xf4, 0x90, 0x80, 0x80],
      { firstInvalidOffset: 0, truncatedAtEnd: false, multiByteSequences: 0, invalidSequences: 1 },
    ],
    [
      'Windows-1252 French with one accidental UTF-8 sequence (é NBSP »)',
      [0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0xe9, 0xa0, 0xbb, 0x20, 0xe8],
      { firstInvalidOffset: 3, truncatedAtEnd: false, multiByteSequences: 1, invalidSequences: 3 },
    ],
  ])('scans %s', (_, input, expected) => {
    // Act
    const scan = scanUtf8(new Uint8Array(input));

    // Assess
    expect(scan).toEqual(expected);
  });
});
