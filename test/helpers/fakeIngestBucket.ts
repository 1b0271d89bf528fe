import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

/*
 * An in-memory ingest bucket behind a mocked S3 client, for handler tests that
 * run without LocalStack: GetObject answers from `objects` (or fails with the
 * code set in `failing`), PutObject (the text bucket) accepts everything. The
 * LocalStack suites read real objects.
 */

/** One stored object, as GetObject returns it. */
interface FakeObject {
  readonly bytes: Buffer;
  /** Absent: an object of an unversioned bucket. */
  readonly versionId?: string;
}

/** Options of {@link fakeIngestBucket}. */
interface FakeIngestBucketOptions {
  /**
   * ETag of every object.
   * @default the MD5 of its bytes, as S3 gives a single-part upload
   */
  readonly eTag?: string;
  /**
   * A read that names a version gets that version back when the object has
   * none of its own (a versioned bucket whose versions the test does not track).
   * @default false
   */
  readonly echoVersionId?: boolean;
}

/** The ETag S3 gives a single-part upload: the MD5 of its bytes, in hex. */
const eTagOf = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

/**
 * The mocked client and the bucket's contents; call `reset` in `beforeEach`.
 *
 * @example
 * const ingestBucket = fakeIngestBucket();
 * beforeEach(() => ingestBucket.reset([['incoming/a.txt', Buffer.from('Title\n\nText')]]));
 */
const fakeIngestBucket = (options: FakeIngestBucketOptions = {}) => {
  const s3Mock = mockClient(S3Client);
  /** Key -> current object. */
  const objects = new Map<string, FakeObject>();
  /** Keys whose reads fail with this S3 error code (an access or key-policy denial). */
  const failing = new Map<string, string>();

  const put = (key: string, bytes: Buffer, versionId?: string) => {
    objects.set(key, versionId === undefined ? { bytes } : { bytes, versionId });
  };

  const read = (input: { Key: string; VersionId?: string }) => {
    const code = failing.get(input.Key);
    if (code !== undefined) {
      throw new S3ServiceException({
        name: code,
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: `${code} (mocked)`,
      });
    }
    const stored = objects.get(input.Key);
    if (stored === undefined) throw new NoSuchKey({ message: 'gone', $metadata: {} });
    const versionId =
      stored.versionId ?? (options.echoVersionId === true ? input.VersionId : undefined);
    return {
      Body: Readable.from([stored.bytes]) as never,
      ContentLength: stored.bytes.byteLength,
      ETag: `"${options.eTag ?? eTagOf(stored.bytes)}"`,
      ...(versionId === undefined ? {} : { VersionId: versionId }),
    };
  };

  /** Empties the bucket, stores `initial` (unversioned) and stubs the client afresh. */
  const reset = (initial: Iterable<readonly [string, Buffer]> = []) => {
    objects.clear();
    failing.clear();
    for (const [key, bytes] of initial) put(key, bytes);
    s3Mock.reset();
    s3Mock.on(GetObjectCommand).callsFake(read);
    s3Mock.on(PutObjectCommand).resolves({});
  };

  return { s3Mock, objects, failing, put, reset };
};

export type { FakeIngestBucketOptions, FakeObject };
export { eTagOf, fakeIngestBucket };
