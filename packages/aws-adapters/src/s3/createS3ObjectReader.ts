import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectReader } from '@doc-ingest/ingestion';
import { awsErrorCode } from '../awsErrorCode.ts';
import { readObject } from './readObject.ts';

/**
 * The ingest decisions' {@link ObjectReader} over S3: size-capped reads of
 * one object version (`readObject`), failures named by their AWS error code.
 *
 * @example
 * const reader = createS3ObjectReader(new S3Client({}));
 */
const createS3ObjectReader = (s3: S3Client): ObjectReader => ({
  read: (object, options) => readObject(s3, object, options),
  errorCode: awsErrorCode,
});

export { createS3ObjectReader };
