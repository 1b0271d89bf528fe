import { describe, expect, it } from 'vitest';
import { keyExtension } from '../../../../../packages/core/src/source/keyExtension.ts';

describe('Function: keyExtension', () => {
  it.each([
    ['a/b/report.txt', 'txt'],
    ['Scan.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['README', ''],
    ['.env', ''],
    ['dir.v2/file', ''],
    ['', ''],
  ])('gives %j the extension %j', (key, extension) => {
    // Act
    const result = keyExtension(key);

    // Assess
    expect(result).toBe(extension);
  });
});
