import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { readObject } from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

const s3 = new S3Client({ region: 'eu-west-1' });
const s3Mock = mockClient(s3);
const ref = { bucket: 'b', key: 'k.txt', versionId: 'v1' };

/** A body that counts how many chunks were pulled from it. */
const countingBody = (chunks: number, chunkSize: number) => {
  const state = { pulled: 0 };
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < chunks; i++) {
        state.pulled++;
        yield Buffer.alloc(chunkSize, 0x61);
      }
    })(),
  );
  return { stream, state };
};

describe('Function: readObject', () => {
  beforeEach(() => s3Mock.reset());

  it('reads the requested version whole when under the cap', async () => {
    // Prepare
    const { stream } = countingBody(3, 10);
    s3Mock
      .on(GetObjectCommand, { Bucket: 'b', Key: 'k.txt', VersionId: 'v1' })
      .resolves({ Body: stream as never, ContentLength: 30, ETag: '"abc"', VersionId: 'v1' });

    // Act
    const read = await readObject(s3, ref, { maxBytes: 100 });

    // Assess
    expect(read).toMatchObject({ kind: 'ok', size: 30, eTag: 'abc', versionId: 'v1' });
  });

  it('refuses an object whose declared length exceeds the cap without reading it', async () => {
    // Prepare
    const { stream, state } = countingBody(1000, 1024);
    s3Mock.on(GetObjectCommand).resolves({ Body: stream as never, ContentLength: 1_024_000 });

    // Act
    const read = await readObject(s3, ref, { maxBytes: 1000 });

    // Assess
    expect(read).toEqual({ kind: 'too-large', size: 1_024_000 });
    expect(state.pulled).toBe(0);
  });

  it('stops reading a body that grows past the cap', async () => {
    // Prepare: no declared length, as with a chunked response
    const { stream, state } = countingBody(1000, 1024);
    s3Mock.on(GetObjectCommand).resolves({ Body: stream as never });

    // Act
    const read = await readObject(s3, ref, { maxBytes: 4096 });

    // Assess
    expect(read.kind).toBe('too-large');
    expect(state.pulled).toBeLessThan(10);
  });

  it('reports a missing object as not found', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'gone', $metadata: {} }));

    // Act
    const read = await readObject(s3, ref, { maxBytes: 100 });

    // Assess
    expect(read).toEqual({ kind: 'not-found' });
  });

  it('lets other errors propagate for a retry', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).rejects(new Error('SlowDown'));

    // Act & Assess
    await expect(readObject(s3, ref, { maxBytes: 100 })).rejects.toThrow('SlowDown');
  });
});
