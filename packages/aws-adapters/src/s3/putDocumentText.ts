import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentTextKey, type ObjectRef } from '@doc-ingest/contracts';

/**
 * Where the normalized text of a content lives in the text bucket: one object
 * per content hash, so every copy of a content shares it.
 *
 * @example
 * documentTextLocation('texts', hash); // { bucket: 'texts', key: 'text/<hash>.txt' }
 */
const documentTextLocation = (bucket: string, contentHash: string): ObjectRef => ({
  bucket,
  key: documentTextKey(contentHash),
});

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
  const location = documentTextLocation(bucket, contentHash);
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: location.key,
      Body: text,
      ContentType: 'text/plain; charset=utf-8',
    }),
  );
  return location;
};

export { documentTextLocation, putDocumentText };
