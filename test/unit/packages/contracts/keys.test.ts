import {
  MAX_OBJECT_PATH_BYTES,
  objectPath,
  rejectionIndexSortKey,
  sourceIndexSortKey,
  sourcePartitionKey,
  versionSortKey,
} from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const BUCKET = 'a-bucket-name-of-sixty-three-characters-which-is-the-s3-maximum';

describe('Function: objectPath', () => {
  it('keeps a short path readable', () => {
    expect(objectPath({ bucket: 'b', key: 'in/a b.txt' })).toBe('b/in/a b.txt');
  });

  it.each([
    ['1,024 bytes of 3-byte characters', `${'東'.repeat(340)}.txt`],
    ['1,024 bytes of 4-byte characters', '😀'.repeat(256)],
    ['1,024 bytes of ASCII', 'k'.repeat(1024)],
    ['one byte over the limit', 'k'.repeat(MAX_OBJECT_PATH_BYTES - 1)],
  ])('hashes %s into a fixed-size path', (_, key) => {
    // Act
    const path = objectPath({ bucket: BUCKET, key });

    // Assess
    expect(path).toMatch(new RegExp(`^${BUCKET}#sha256/[0-9a-f]{64}$`));
  });

  it('keeps a path of exactly the limit readable', () => {
    const key = 'k'.repeat(MAX_OBJECT_PATH_BYTES - 2);
    expect(objectPath({ bucket: 'b', key })).toBe(`b/${key}`);
  });

  it('gives distinct long keys distinct paths, and no short key can produce a hashed one', () => {
    // Prepare
    const long = 'x'.repeat(1000);
    const hashed = objectPath({ bucket: 'b', key: long });
    const lookalike = hashed.slice('b/'.length - 1); // '#sha256/<hex>' as a literal key

    // Act
    const other = objectPath({ bucket: 'b', key: `${long}y` });
    const literal = objectPath({ bucket: 'b', key: lookalike });

    // Assess
    expect(other).not.toBe(hashed);
    expect(literal).not.toBe(hashed);
  });

  it('keeps every key attribute of the longest key within DynamoDB limits', () => {
    // Prepare
    const ref = { bucket: BUCKET, key: '😀'.repeat(256) };
    const at = '2026-12-06T22:00:00.000+05:30';

    // Assess: partition keys 2,048 bytes, sort keys 1,024 bytes.
    expect(bytes(sourcePartitionKey(ref))).toBeLessThanOrEqual(2048);
    expect(bytes(sourceIndexSortKey(at, ref))).toBeLessThanOrEqual(1024);
    expect(bytes(rejectionIndexSortKey(at, ref))).toBeLessThanOrEqual(1024);
    const longestPlain = { bucket: BUCKET, key: 'k'.repeat(MAX_OBJECT_PATH_BYTES - 64) };
    expect(bytes(sourceIndexSortKey(at, longestPlain))).toBeLessThanOrEqual(1024);
  });
});

describe('Function: versionSortKey', () => {
  it.each([
    [{ versionId: 'v1', eTag: 'e' }, 'VERSION#v1'],
    [{ eTag: 'abc' }, 'VERSION#null#abc'],
    [{ versionId: 'null', eTag: 'abc' }, 'VERSION#null#abc'],
    [{}, 'VERSION#null'],
  ])('names %o as %s', (ref, expected) => {
    expect(versionSortKey(ref)).toBe(expected);
  });
});
