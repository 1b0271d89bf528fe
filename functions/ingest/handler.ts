import type { ParsedRecord } from '@aws-lambda-powertools/batch';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { parser } from '@aws-lambda-powertools/batch/parser';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import {
  announcedObjects,
  type S3NotificationBody,
  S3NotificationBodySchema,
} from '@doc-ingest/aws-adapters';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadIngestConfig } from './config.ts';
import { type IngestReport, ingestObject } from './ingestObject.ts';

const logger = new Logger();
const metrics = new Metrics();
const config = loadIngestConfig(process.env);
const deps = {
  s3: new S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL !== undefined }),
  dynamodb: new DynamoDBClient({}),
  config,
  now: () => new Date().toISOString(),
};

const METRIC_BY_STATUS: Record<IngestReport['status'], string> = {
  new: 'DocumentsIngested',
  'near-duplicate': 'NearDuplicatesIngested',
  duplicate: 'DuplicatesRecorded',
  'already-recorded': 'RedeliveriesIgnored',
  rejected: 'ObjectsRejected',
};

const processor = new BatchProcessor(EventType.SQS, {
  parser,
  innerSchema: S3NotificationBodySchema,
  transformer: 'json',
  logger,
});

const report = (outcome: IngestReport): void => {
  metrics.addMetric(METRIC_BY_STATUS[outcome.status], MetricUnit.Count, 1);
  // Keys and hashes only: document text never reaches the logs.
  logger.info('object processed', { ...outcome });
};

const ingestMessage = async (
  record: ParsedRecord<SQSRecord, S3NotificationBody>,
): Promise<void> => {
  for (const announced of announcedObjects(record.body)) {
    try {
      report(await ingestObject(announced, deps));
    } catch (error) {
      logger.error('object failed; the message will be retried', {
        bucket: announced.bucket,
        sourceKey: announced.key,
        error,
      });
      throw error;
    }
  }
};

const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, ingestMessage, processor, { context }),
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));

export { handler };
