import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { publishEvents } from '@doc-ingest/aws-adapters';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadPublishConfig } from './config.ts';
import { documentEventsFromStream } from './documentEventsFromStream.ts';

const logger = new Logger();
const metrics = new Metrics();
const config = loadPublishConfig(process.env);
const eventBridge = new EventBridgeClient({});

/*
 * Stream batches are ordered: when a record fails, it and every later record
 * are reported, so the retry (or the bisection) resumes from the first failure.
 */
const handler = middy(
  async (event: DynamoDBStreamEvent, _context: Context): Promise<DynamoDBBatchResponse> => {
    const { events, invalid } = documentEventsFromStream(event.Records);
    for (const { id, error } of invalid) {
      logger.error('stream record violates the record contract', { sequenceNumber: id, error });
    }
    const publishFailures = await publishEvents(eventBridge, config.eventBusName, events);
    metrics.addMetric(
      'DocumentEventsPublished',
      MetricUnit.Count,
      events.length - publishFailures.length,
    );
    const failedIds = new Set([...publishFailures, ...invalid.map(({ id }) => id)]);
    const order = event.Records.map((record) => record.dynamodb?.SequenceNumber ?? '');
    const firstFailure = order.findIndex((id) => failedIds.has(id));
    if (firstFailure < 0) return { batchItemFailures: [] };
    logger.warn('publishing failed; reporting the first failed record', { count: failedIds.size });
    return {
      batchItemFailures: order.slice(firstFailure).map((itemIdentifier) => ({ itemIdentifier })),
    };
  },
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));

export { handler };
