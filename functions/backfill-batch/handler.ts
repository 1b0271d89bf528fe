import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SQSClient } from '@aws-sdk/client-sqs';
import { EnvKeys } from '@doc-ingest/contracts';
import { backfillBatch } from '@doc-ingest/jobs';
import middy from '@middy/core';
import * as z from 'zod/mini';

const ConfigSchema = z.object({
  [EnvKeys.INGEST_BUCKET_NAME]: z.string().check(z.minLength(1)),
  [EnvKeys.INGEST_QUEUE_URL]: z.string().check(z.minLength(1)),
});

const logger = new Logger();
// Parsed at cold start, so a bad deployment fails fast.
const config = ConfigSchema.parse(process.env);
const sqs = new SQSClient({});

/** A batch of the backfill map's S3 listing -> one notification per object on the ingest queue. */
const handler = middy(async (event: unknown) => {
  const report = await backfillBatch(
    sqs,
    {
      bucket: config[EnvKeys.INGEST_BUCKET_NAME],
      queueUrl: config[EnvKeys.INGEST_QUEUE_URL],
    },
    event,
  );
  logger.info('batch enqueued', { ...report });
  return report;
}).use(injectLambdaContext(logger));

export { handler };
