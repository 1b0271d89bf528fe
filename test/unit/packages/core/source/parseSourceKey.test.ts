import { describe, expect, it } from 'vitest';
import { parseSourceKey } from '../../../../../packages/core/src/source/parseSourceKey.ts';

describe('Function: parseSourceKey', () => {
  it.each([
    ['000_0bb5c3fa893d042c.txt', 0, '0bb5c3fa893d042c'],
    ['inbox/2024/042_3B6E52C3D201DB76.txt', 42, '3b6e52c3d201db76'],
    ['123456789_06d54a70a82adb6a.txt', 123456789, '06d54a70a82adb6a'],
  ])('reads the index and declared hash of %s', (key, sourceIndex, declaredHash) => {
    // Act
    const info = parseSourceKey(key);

    // Assess
    expect(info).toEqual({ sourceIndex, declaredHash });
  });

  it.each([
    'report.txt',
    '1234567890_0bb5c3fa893d042c.txt',
    '001_0bb5c3fa893d042.txt',
    '001_0bb5c3fa893d042cd.txt',
    '001_0bb5c3fa893d042g.txt',
    '001_0bb5c3fa893d042c.TXT',
    '001_0bb5c3fa893d042c.txt.gz',
    '001_0bb5c3fa893d042c.txt/notes.md',
    'x001_0bb5c3fa893d042c.txt',
    '',
  ])('gives no hints for %j', (key) => {
    // Act
    const info = parseSourceKey(key);

    // Assess
    expect(info).toEqual({});
  });
});
