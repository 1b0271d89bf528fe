import { GetObjectCommand, NoSuchKey, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { ObjectRef } from '@doc-ingest/contracts';

interface ReadObjectOptions {
  /** Objects larger than this are not read: the result says `too-large`. */
  maxBytes: number;
}

type ObjectReadResult =
  | {
      kind: 'ok';
      bytes: Uint8Array;
      size: number;
      eTag?: string;
      versionId?: string;
    }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-found' };

const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NoSuchVersion', 'NotFound']);

const isNotFound = (error: unknown): boolean =>
  error instanceof NoSuchKey ||
  (error instanceof S3ServiceException && NOT_FOUND_CODES.has(error.name));

const collectCapped = async (
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | undefined> => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    // The declared length can be absent or wrong; the cap holds either way.
    if (total > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
};

/**
 * Reads one object version, refusing to buffer more than `maxBytes`: an object
 * whose declared length exceeds the cap is never downloaded, and a body that
 * grows past it is abandoned mid-stream.
 *
 * @example
 * const read = await readObject(s3, { bucket, key, versionId }, { maxBytes: 1_048_576 });
 * if (read.kind === 'ok') process(read.bytes);
 */
const readObject = async (
  client: S3Client,
  ref: ObjectRef,
  options: ReadObjectOptions,
): Promise<ObjectReadResult> => {
  const abort = new AbortController();
  try {
    const response = await client.send(
      new GetObjectCommand({
        Bucket: ref.bucket,
        Key: ref.key,
        VersionId: ref.versionId,
      }),
      { abortSignal: abort.signal },
    );
    const declared = response.ContentLength ?? 0;
    const body = response.Body as AsyncIterable<Uint8Array> | undefined;
    if (declared > options.maxBytes || body === undefined) {
      abort.abort();
      return body === undefined
        ? { kind: 'ok', bytes: new Uint8Array(0), size: 0 }
        : { kind: 'too-large', size: declared };
    }
    const bytes = await collectCapped(body, options.maxBytes);
    if (bytes === undefined) {
      abort.abort();
      return { kind: 'too-large', size: Math.max(declared, options.maxBytes + 1) };
    }
    const result: ObjectReadResult = { kind: 'ok', bytes, size: bytes.byteLength };
    if (response.ETag !== undefined) result.eTag = response.ETag.replaceAll('"', '');
    if (response.VersionId !== undefined) result.versionId = response.VersionId;
    return result;
  } catch (error) {
    if (isNotFound(error)) return { kind: 'not-found' };
    throw error;
  }
};

export type { ObjectReadResult, ReadObjectOptions };
export { readObject };
