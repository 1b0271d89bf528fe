import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { enqueueBackfill } from '@doc-ingest/aws-adapters';
import { type CliIo, ExitCode, UsageError } from '../io.ts';

const BACKFILL_USAGE = `  backfill --bucket <name> --queue <queue-url> [--prefix <p>]
                             Enqueue every existing object (under a prefix) for
                             ingestion: for buckets that predate the stack or
                             lost notifications. Safe to repeat.`;

/** `ingest backfill`: existing objects into the ingest queue. */
const backfillCommand = async (
  options: { bucket?: string; queue?: string; prefix?: string },
  io: CliIo,
  clients: { s3: () => S3Client; sqs: () => SQSClient },
): Promise<number> => {
  if (options.bucket === undefined || options.queue === undefined) {
    throw new UsageError('backfill: give --bucket <name> and --queue <queue-url>');
  }
  const report = await enqueueBackfill(clients.s3(), clients.sqs(), {
    bucket: options.bucket,
    queueUrl: options.queue,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
  io.stdout.write(`${JSON.stringify({ command: 'backfill', ...report })}\n`);
  return report.failed === 0 ? ExitCode.OK : ExitCode.FAILURE;
};

export { BACKFILL_USAGE, backfillCommand };
