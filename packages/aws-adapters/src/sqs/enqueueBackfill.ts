import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { type EnqueueReport, enqueueObjects } from './enqueueObjects.ts';

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

type BackfillReport = EnqueueReport;

/**
 * Enqueues a notification for every existing object, in the shape S3 sends,
 * so objects that predate the stack or whose notification was lost get
 * ingested. Safe to repeat: ingestion of an already-recorded object writes
 * nothing. This is the single-process backfill (`ingest backfill --local`);
 * the stack's backfill state machine does the same work spread over workers.
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
    const objects = (page.Contents ?? []).flatMap((object) =>
      object.Key === undefined ? [] : [{ key: object.Key, size: object.Size, eTag: object.ETag }],
    );
    if (objects.length === 0) continue;
    const sent = await enqueueObjects(sqs, {
      bucket: options.bucket,
      queueUrl: options.queueUrl,
      objects,
    });
    report.enqueued += sent.enqueued;
    report.failed += sent.failed;
    options.onProgress?.({ ...report });
  }
  return report;
};

export type { BackfillOptions, BackfillReport };
export { enqueueBackfill };
