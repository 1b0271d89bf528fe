import { GetObjectCommand, NoSuchKey, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { ObjectRef } from '@doc-ingest/contracts';
import type { ObjectReadResult, ReadObjectOptions } from '@doc-ingest/ingestion';

const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NoSuchVersion', 'NotFound']);

const isNotFound = (error: unknown): boolean =>
  error instanceof NoSuchKey ||
  (error instanceof S3ServiceException && NOT_FOUND_CODES.has(error.name));

/**
 * Stops a response without reading the rest of it. Aborting the request makes
 * the body stream emit `aborted`; without a listener that error escapes as an
 * uncaught exception and kills the whole invocation (seen on LocalStack with a
 * 1.5 MiB object), so the stream is given one before it is cut.
 */
const discard = (body: unknown, abort: AbortController): void => {
  const stream = body as {
    on?: (event: string, listener: () => void) => unknown;
    destroy?: () => void;
  };
  stream?.on?.('error', () => undefined);
  abort.abort();
  stream?.destroy?.();
};

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
    // A message without a version (a backfill) learns it here, so a refused
    // object is recorded under its real version, once.
    const version = response.VersionId === undefined ? {} : { versionId: response.VersionId };
    const body = response.Body as AsyncIterable<Uint8Array> | undefined;
    if (body === undefined) return { kind: 'ok', bytes: new Uint8Array(0), size: 0 };
    if (declared > options.maxBytes) {
      discard(body, abort);
      return { kind: 'too-large', size: declared, ...version };
    }
    const bytes = await collectCapped(body, options.maxBytes);
    if (bytes === undefined) {
      discard(body, abort);
      return { kind: 'too-large', size: Math.max(declared, options.maxBytes + 1), ...version };
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

export { readObject };
