import { createInMemoryObjectReader, InMemoryReadError } from '@doc-ingest/ingestion';
import { describe, expect, it } from 'vitest';

const ref = { bucket: 'b', key: 'a.txt' };

describe('Function: createInMemoryObjectReader', () => {
  it('answers like the S3 reader: bytes, too-large without bytes, not-found', async () => {
    // Prepare
    const reader = createInMemoryObjectReader();
    reader.put(ref, { bytes: Buffer.from('12345'), eTag: 'e1', versionId: 'v1' });

    // Act
    const ok = await reader.read(ref, { maxBytes: 5 });
    const large = await reader.read(ref, { maxBytes: 4 });
    const otherVersion = await reader.read({ ...ref, versionId: 'v0' }, { maxBytes: 5 });
    const missing = await reader.read({ bucket: 'b', key: 'none.txt' }, { maxBytes: 5 });

    // Assess
    expect(ok).toEqual({
      kind: 'ok',
      bytes: Buffer.from('12345'),
      size: 5,
      eTag: 'e1',
      versionId: 'v1',
    });
    expect(large).toEqual({ kind: 'too-large', size: 5, versionId: 'v1' });
    expect(otherVersion).toEqual({ kind: 'not-found' });
    expect(missing).toEqual({ kind: 'not-found' });
  });

  it('fails the reads of an object made to fail, with its code, until it is put again', async () => {
    // Prepare
    const reader = createInMemoryObjectReader();
    reader.fail(ref, 'AccessDenied');

    // Act
    const error = await reader.read(ref, { maxBytes: 5 }).catch((caught: unknown) => caught);
    reader.put(ref, { bytes: Buffer.from('ok') });
    const after = await reader.read(ref, { maxBytes: 5 });

    // Assess
    expect(error).toBeInstanceOf(InMemoryReadError);
    expect(reader.errorCode(error)).toBe('AccessDenied');
    expect(reader.errorCode(new TypeError('x'))).toBe('TypeError');
    expect(after.kind).toBe('ok');
  });
});
