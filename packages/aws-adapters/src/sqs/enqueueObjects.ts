import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { encodeNotificationKey } from '../events/s3Notification.ts';

/** One listed object, as ListObjectsV2 (or a Step Functions S3 item reader) gives it. */
interface ListedObject {
  key: string;
  size?: number;
  eTag?: string;
}

interface EnqueueReport {
  enqueued: number;
  failed: number;
}

/** The event name backfilled messages carry, so logs tell them from S3's own. */
const BACKFILL_EVENT_NAME = 'ObjectCreated:Backfill';

/** SendMessageBatch takes at most ten entries. */
const SQS_BATCH_LIMIT = 10;

const notificationBody = (bucket: string, object: ListedObject): string =>
  JSON.stringify({
    Records: [
      {
        eventName: BACKFILL_EVENT_NAME,
        eventTime: new Date().toISOString(),
        s3: {
          bucket: { name: bucket },
          object: {
            key: encodeNotificationKey(object.key),
            size: object.size,
            eTag: object.eTag?.replaceAll('"', ''),
          },
        },
      },
    ],
  });

/**
 * Enqueues one notification per object, in the shape S3 sends, ten to a
 * SendMessageBatch call. Shared by the single-process backfill and the
 * distributed one (a Step Functions map hands each worker a batch of keys).
 *
 * @example
 * await enqueueObjects(sqs, { bucket, queueUrl, objects: [{ key: 'in/a.txt' }] });
 */
const enqueueObjects = async (
  sqs: SQSClient,
  options: { bucket: string; queueUrl: string; objects: readonly ListedObject[] },
): Promise<EnqueueReport> => {
  const report: EnqueueReport = { enqueued: 0, failed: 0 };
  for (let start = 0; start < options.objects.length; start += SQS_BATCH_LIMIT) {
    const chunk = options.objects.slice(start, start + SQS_BATCH_LIMIT);
    const response = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: chunk.map((object, index) => ({
          Id: String(index),
          MessageBody: notificationBody(options.bucket, object),
        })),
      }),
    );
    report.enqueued += response.Successful?.length ?? 0;
    report.failed += response.Failed?.length ?? 0;
  }
  return report;
};

export type { EnqueueReport, ListedObject };
export { BACKFILL_EVENT_NAME, enqueueObjects };
