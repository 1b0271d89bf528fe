import type { SQSClient } from '@aws-sdk/client-sqs';
import { type EnqueueReport, enqueueObjects } from '@doc-ingest/aws-adapters';
import * as z from 'zod/mini';
import { EnqueueIncompleteError, JobInputError } from './errors.ts';

/**
 * What a Distributed Map with an S3 ListObjectsV2 item reader and an item
 * batcher hands each worker: `Items` as S3 lists them. Without a batcher
 * (batch size 1, or an engine without ItemBatcher) each worker gets one object.
 */
const ListedObjectSchema = z.object({
  Key: z.string().check(z.minLength(1)),
  Size: z.optional(z.number()),
  // Step Functions spells it `Etag`; the S3 API (and LocalStack's reader) `ETag`.
  Etag: z.optional(z.string()),
  ETag: z.optional(z.string()),
});

/** A batch (with an ItemBatcher), or one object (a map without one). */
const ListedBatchSchema = z.union([
  z.object({ Items: z.array(ListedObjectSchema) }),
  ListedObjectSchema,
]);

type ListedBatch = z.infer<typeof ListedBatchSchema>;

/**
 * One worker's share of a distributed backfill: a notification per listed
 * object on the ingest queue. Fails whole (and is retried by the state
 * machine) if the queue refuses any; repeating is harmless.
 *
 * @example
 * await backfillBatch(sqs, { bucket, queueUrl }, event);
 */
const backfillBatch = async (
  sqs: SQSClient,
  target: { bucket: string; queueUrl: string },
  input: unknown,
): Promise<EnqueueReport> => {
  const parsed = ListedBatchSchema.safeParse(input);
  if (!parsed.success) {
    throw new JobInputError(`not a batch of listed objects: ${parsed.error.message}`);
  }
  const items = 'Items' in parsed.data ? parsed.data.Items : [parsed.data];
  const objects = items.map((item) => ({
    key: item.Key,
    size: item.Size,
    eTag: item.Etag ?? item.ETag,
  }));
  const report = await enqueueObjects(sqs, { ...target, objects });
  if (report.failed > 0) {
    throw new EnqueueIncompleteError(
      `the queue refused ${report.failed} of ${objects.length} notifications`,
    );
  }
  return report;
};

export type { ListedBatch };
export { backfillBatch };
