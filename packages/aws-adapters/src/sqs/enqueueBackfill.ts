import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { encodeNotificationKey } from '../events/s3Notification.ts';

interface BackfillOptions {
  bucket: string;
  /**
   * Only keys under this prefix.
   * @default the whole bucket
   */
  prefix?: string;
  queueUrl: string;
  /** Called after each page of objects with the counts so far. */
  onProgress?: (report: BackfillReport) => void;
}

interface BackfillReport {
  enqueued: number;
  failed: number;
}

/** The event name backfilled messages carry, so logs tell them from S3's own. */
const BACKFILL_EVENT_NAME = 'ObjectCreated:Backfill';

const notificationBody = (bucket: string, key: string, size: number | undefined, eTag?: string) =>
  JSON.stringify({
    Records: [
      {
        eventName: BACKFILL_EVENT_NAME,
        eventTime: new Date().toISOString(),
        s3: {
          bucket: { name: bucket },
          object: { key: encodeNotificationKey(key), size, eTag: eTag?.replaceAll('"', '') },
        },
      },
    ],
  });

/**
 * Enqueues a notification for every existing object, in the shape S3 sends,
 * so objects that predate the stack or whose notification was lost get
 * ingested. Safe to repeat: ingestion of an already-recorded object writes
 * nothing.
 *
 * @example
 * await enqueueBackfill(s3, sqs, { bucket, prefix: 'incoming/', queueUrl });
 */
const enqueueBackfill = async (
  s3: S3Client,
  sqs: SQSClient,
  options: BackfillOptions,
): Promise<BackfillReport> => {
  const report: BackfillReport = { enqueued: 0, failed: 0 };
  const pages = paginateListObjectsV2(
    { client: s3, pageSize: 10 },
    { Bucket: options.bucket, Prefix: options.prefix },
  );
  for await (const page of pages) {
    const objects = (page.Contents ?? []).filter((object) => object.Key !== undefined);
    if (objects.length === 0) continue;
    const response = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: objects.map((object, index) => ({
          Id: String(index),
          MessageBody: notificationBody(
            options.bucket,
            object.Key as string,
            object.Size,
            object.ETag,
          ),
        })),
      }),
    );
    report.enqueued += response.Successful?.length ?? 0;
    report.failed += response.Failed?.length ?? 0;
    options.onProgress?.({ ...report });
  }
  return report;
};

export type { BackfillOptions, BackfillReport };
export { BACKFILL_EVENT_NAME, enqueueBackfill };
