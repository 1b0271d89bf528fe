import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { type DomainEvent, publishEvents, sendMessages } from '@doc-ingest/aws-adapters';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadPublishConfig } from './config.ts';
import { documentEventsFromStream } from './documentEventsFromStream.ts';
import { settleRecords } from './settleRecords.ts';

const logger = new Logger();
const metrics = new Metrics();
const config = loadPublishConfig(process.env);
const eventBridge = new EventBridgeClient({});
const sqs = new SQSClient({});

/** Publishes, and turns a failed call into "every event failed": the retry logic is the same. */
const tryPublish = async (
  events: DomainEvent[],
): Promise<{ failedEventIds: Set<string>; publishError?: string }> => {
  try {
    const failed = await publishEvents(eventBridge, config.eventBusName, events);
    return failed.length === 0
      ? { failedEventIds: new Set() }
      : {
          failedEventIds: new Set(failed),
          publishError: `EventBridge refused ${failed.length} of ${events.length} entries`,
        };
  } catch (error) {
    logger.warn('PutEvents failed', { error });
    return {
      failedEventIds: new Set(events.map((event) => event.id)),
      publishError: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
};

/*
 * Nothing is lost and nothing is retried forever. Failed records are reported
 * (partial batch response; the mapping retries without limit and bisects), and
 * stream batches are ordered, so the first failed record and every later one
 * are reported and the retry resumes there. A record whose events still fail
 * once it is older than the retry window, or whose images break the contract,
 * is written to the failure queue with its keys and events and acknowledged;
 * if the queue refuses it too, it is retried like a failed publication.
 */
const handler = middy(
  async (event: DynamoDBStreamEvent, _context: Context): Promise<DynamoDBBatchResponse> => {
    const records = documentEventsFromStream(event.Records);
    const events = records.flatMap((record) => record.events);
    const { failedEventIds, publishError } = await tryPublish(events);
    metrics.addMetric(
      'DocumentEventsPublished',
      MetricUnit.Count,
      events.length - failedEventIds.size,
    );
    const { deadLetters, retry } = settleRecords(records, {
      failedEventIds,
      ...(publishError === undefined ? {} : { publishError }),
      nowSeconds: Date.now() / 1000,
      retryWindowSeconds: config.retryWindowSeconds,
    });
    for (const { id, message } of deadLetters) {
      logger.error('giving up on a stream record; its events go to the failure queue', {
        sequenceNumber: id,
        reason: message.reason,
        error: message.error,
        contentHash: message.contentHash,
      });
    }
    const refused = await sendMessages(
      sqs,
      config.failureQueueUrl,
      deadLetters.map(({ id, message }) => ({ id, body: JSON.stringify(message) })),
    );
    metrics.addMetric(
      'DocumentEventsDeadLettered',
      MetricUnit.Count,
      deadLetters.length - refused.length,
    );
    const failedIds = new Set([...retry, ...refused]);
    const order = records.map((record) => record.id);
    const firstFailure = order.findIndex((id) => failedIds.has(id));
    if (firstFailure < 0) return { batchItemFailures: [] };
    logger.warn('reporting the first failed record and every later one', {
      failed: failedIds.size,
      publishError,
    });
    return {
      batchItemFailures: order.slice(firstFailure).map((itemIdentifier) => ({ itemIdentifier })),
    };
  },
)
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));

export { handler };
