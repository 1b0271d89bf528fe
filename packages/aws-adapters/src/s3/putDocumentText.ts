import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef } from '@doc-ingest/contracts';

const TEXT_PREFIX = 'text/';

/**
 * Stores a normalized text too large to inline in its DynamoDB record. The key
 * is derived from the content hash, so a retried write replaces the object
 * with identical bytes.
 *
 * @example
 * const location = await putDocumentText(s3, textBucket, contentHash, text);
 */
const putDocumentText = async (
  client: S3Client,
  bucket: string,
  contentHash: string,
  text: string,
): Promise<ObjectRef> => {
  const key = `${TEXT_PREFIX}${contentHash}.txt`;
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: text,
      ContentType: 'text/plain; charset=utf-8',
    }),
  );
  return { bucket, key };
};

export { putDocumentText, TEXT_PREFIX };
