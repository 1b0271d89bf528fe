import type { SQSClient } from '@aws-sdk/client-sqs';
import { type EnqueueReport, enqueueObjects } from '@doc-ingest/aws-adapters';
import * as z from 'zod/mini';
import { EnqueueIncompleteError, JobInputError } from './errors.ts';

/**
 * What a Distributed Map with an S3 ListObjectsV2 item reader and an item
 * batcher hands each worker: `Items` as S3 lists them (note `Etag`).
 */
const ListedBatchSchema = z.object({
  Items: z.array(
    z.object({
      Key: z.string().check(z.minLength(1)),
      Size: z.optional(z.number()),
      Etag: z.optional(z.string()),
    }),
  ),
});

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
  const objects = parsed.data.Items.map((item) => ({
    key: item.Key,
    size: item.Size,
    eTag: item.Etag,
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
