import { describe, expect, it } from 'vitest';
import { cp1252Byte } from '../../../../../packages/core/src/decode/cp1252.ts';

describe('Function: cp1252Byte', () => {
  it('inverts the Windows-1252 decoder for every byte 0x80-0xFF', () => {
    // Prepare
    const decoder = new TextDecoder('windows-1252');
    const bytes = Array.from({ length: 128 }, (_, index) => 0x80 + index);

    // Act
    const roundTrip = bytes.map((byte) =>
      cp1252Byte(decoder.decode(new Uint8Array([byte])).charCodeAt(0)),
    );

    // Assess
    expect(roundTrip).toEqual(bytes);
  });

  it.each([0x41, 0x0100, 0x4e00])('gives -1 for U+%s', (code) => {
    // Act
    const byte = cp1252Byte(code);

    // Assess
    expect(byte).toBe(-1);
  });
});
