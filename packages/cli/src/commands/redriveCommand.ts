import type { SQSClient } from '@aws-sdk/client-sqs';
import { moveMessages } from '@doc-ingest/aws-adapters';
import { type CliIo, ExitCode, UsageError } from '../io.ts';

const REDRIVE_USAGE = `  redrive --from <dlq-url> --to <queue-url>
                             Move messages from the dead-letter queue back to the
                             ingest queue once the cause of the failures is fixed.
                             (Stack outputs: DeadLetterQueueUrl, QueueUrl.)`;

/** `ingest redrive`: dead-letter queue back to the ingest queue. */
const redriveCommand = async (
  options: { from?: string; to?: string },
  io: CliIo,
  sqs: () => SQSClient,
): Promise<number> => {
  if (options.from === undefined || options.to === undefined) {
    throw new UsageError('redrive: give --from <dlq-url> and --to <queue-url>');
  }
  const report = await moveMessages(sqs(), { fromQueueUrl: options.from, toQueueUrl: options.to });
  io.stdout.write(`${JSON.stringify({ command: 'redrive', ...report })}\n`);
  return report.failed === 0 ? ExitCode.OK : ExitCode.FAILURE;
};

export { REDRIVE_USAGE, redriveCommand };
