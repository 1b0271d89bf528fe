import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parse } from '@aws-lambda-powertools/parser';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import {
  announcedObjects,
  createDynamoDocumentStore,
  createS3ObjectReader,
  removedObjects,
  type S3NotificationBody,
  S3NotificationBodySchema,
  timeBudget,
} from '@doc-ingest/aws-adapters';
import {
  type IngestDependencies,
  type IngestReport,
  ingestObject,
  type RemovalReport,
  removeObject,
} from '@doc-ingest/ingestion';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadIngestConfig } from './config.ts';

const logger = new Logger();
const metrics = new Metrics();
const config = loadIngestConfig(process.env);
const s3 = new S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL !== undefined });
// The decisions (@doc-ingest/ingestion) read through S3 and record in the deployed store.
const deps: IngestDependencies = {
  reader: createS3ObjectReader(s3),
  store: createDynamoDocumentStore({
    dynamodb: new DynamoDBClient({}),
    s3,
    tableName: config.tableName,
    nearIndexTableName: config.nearIndexTableName,
    textBucketName: config.textBucketName,
  }),
  config,
  now: () => new Date().toISOString(),
};

const METRIC_BY_STATUS: Record<IngestReport['status'] | RemovalReport['status'], string> = {
  new: 'DocumentsIngested',
  'near-duplicate': 'NearDuplicatesIngested',
  duplicate: 'DuplicatesRecorded',
  'already-recorded': 'RedeliveriesIgnored',
  rejected: 'ObjectsRejected',
  removed: 'RemovalsRecorded',
};

// Bodies are parsed in `readNotification`, not by the batch parser integration:
// that one extends Powertools' classic-zod SQS schemas, which would put all of
// zod (~450 KB) in the bundle; the contract's zod/mini schemas need ~25 KB.
const processor = new BatchProcessor(EventType.SQS);

const report = (outcome: IngestReport | RemovalReport): void => {
  metrics.addMetric(METRIC_BY_STATUS[outcome.status], MetricUnit.Count, 1);
  // Keys and hashes only: document text never reaches the logs. A rejection's
  // detail can quote a few characters of it, so it stays in the rejection record.
  const { detail: _detail, ...logged } = outcome as IngestReport;
  logger.info('object processed', logged);
};

/** The S3 notification a message carries; anything else fails the message toward the DLQ. */
const readNotification = (record: SQSRecord): S3NotificationBody => {
  try {
    return parse(JSON.parse(record.body), undefined, S3NotificationBodySchema);
  } catch (error) {
    logger.error('message is not an S3 notification; it will be retried, then dead-lettered', {
      messageId: record.messageId,
      error,
    });
    throw error;
  }
};

const ingestMessage = async (record: SQSRecord): Promise<void> => {
  const body = readNotification(record);
  // The queue dead-letters a message after maxReceiveCount receives; the last
  // one records what could not be read, so the object has an outcome.
  const delivery = {
    lastReceive: Number(record.attributes.ApproximateReceiveCount) >= config.maxReceiveCount,
  };
  for (const announced of announcedObjects(body)) {
    try {
      report(await ingestObject(announced, deps, delivery));
    } catch (error) {
      logger.error('object failed; the message will be retried', {
        bucket: announced.bucket,
        sourceKey: announced.key,
        error,
      });
      throw error;
    }
  }
  for (const removed of removedObjects(body)) {
    try {
      report(await removeObject(removed, deps));
    } catch (error) {
      logger.error('removal failed; the message will be retried', {
        bucket: removed.bucket,
        sourceKey: removed.key,
        error,
      });
      throw error;
    }
  }
};

// One record at a time, each started only with time to finish: a slow object
// (or a slow S3) leaves the records after it for redelivery, and the ones
// done are acknowledged, instead of a timeout failing the whole batch.
const handler = middy(async (event: SQSEvent, context: Context) => {
  const ensureTime = timeBudget(context);
  return processPartialResponse(
    event,
    async (record: SQSRecord) => {
      ensureTime();
      await ingestMessage(record);
    },
    processor,
    { context, processInParallel: false },
  );
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));

export { handler };
