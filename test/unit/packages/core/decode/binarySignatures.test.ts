import { describe, expect, it } from 'vitest';
import { detectBinarySignature } from '../../../../../packages/core/src/decode/binarySignatures.ts';

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

describe('Function: detectBinarySignature', () => {
  it.each<[number[], string]>([
    [[0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a, 0x00], 'PNG'],
    [ascii('%PDF-1.7\n'), 'PDF'],
    [[0x1f, 0x8b, 0x08], 'gzip'],
    [[0x50, 0x4b, 0x03, 0x04, 0x14], 'ZIP'],
    [[0xff, 0xd8, 0xff, 0xe1], 'JPEG'],
    [ascii('GIF87a'), 'GIF'],
    [[0x7f, ...ascii('ELF'), 0x02], 'ELF'],
    [[...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBP')], 'WebP'],
    [[0, 0, 0, 0x18, ...ascii('ftypmp42')], 'MP4/QuickTime'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'OLE2 (legacy Office)'],
  ])('recognises %j as %s', (bytes, name) => {
    // Act
    const signature = detectBinarySignature(new Uint8Array(bytes));

    // Assess
    expect(signature?.name).toBe(name);
  });

  it.each(['%PDF est un format', 'GIF animé', 'PK 2024', 'BMW', 'MZ', ''])(
    'finds no signature in the text %j',
    (text) => {
      // Act
      const signature = detectBinarySignature(new TextEncoder().encode(text));

      // Assess
      expect(signature).toBeUndefined();
    },
  );
});
