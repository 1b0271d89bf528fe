import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { ContentHashSchema, IsoTimestampSchema } from '@doc-ingest/contracts';
import { type CliIo, ExitCode, UsageError } from '../io.ts';
import { type RepublishSelection, republishEvents } from '../republishEvents.ts';

const REPUBLISH_USAGE = `  republish --table <name> --bus <name>
            (--content-hash <hash>... | --since <iso> [--until <iso>]
             | --from-failure-queue <url>)
                             Publish document events again from the table:
                             for documents by hash, for documents created or
                             withdrawn in a time window, or for what the
                             stream-failure queue holds (its messages are
                             deleted once published). Event ids are stable, so
                             consumers drop what they already had.
                             (Stack outputs: TableName, EventBusName,
                             StreamFailureQueueUrl.)`;

interface RepublishCommandOptions {
  table?: string;
  bus?: string;
  'content-hash'?: string[];
  since?: string;
  until?: string;
  'from-failure-queue'?: string;
}

const selectionOf = (options: RepublishCommandOptions): RepublishSelection => {
  const hashes = options['content-hash'] ?? [];
  const queueUrl = options['from-failure-queue'];
  const chosen = [hashes.length > 0, options.since !== undefined, queueUrl !== undefined];
  if (chosen.filter(Boolean).length !== 1) {
    throw new UsageError(
      'republish: give exactly one of --content-hash, --since or --from-failure-queue',
    );
  }
  if (options.until !== undefined && options.since === undefined) {
    throw new UsageError('republish: --until needs --since');
  }
  for (const hash of hashes) {
    if (!ContentHashSchema.safeParse(hash).success)
      throw new UsageError(`republish: '${hash}' is not a content hash (64 lowercase hex)`);
  }
  for (const time of [options.since, options.until]) {
    if (time !== undefined && !IsoTimestampSchema.safeParse(time).success)
      throw new UsageError(`republish: '${time}' is not an ISO timestamp`);
  }
  if (hashes.length > 0) return { contentHashes: hashes };
  if (options.since !== undefined)
    return options.until === undefined
      ? { since: options.since }
      : { since: options.since, until: options.until };
  return { failureQueueUrl: queueUrl as string };
};

/** `ingest republish`: document events again, from the table. */
const republishCommand = async (
  options: RepublishCommandOptions,
  io: CliIo,
  clients: {
    dynamodb: () => DynamoDBClient;
    eventBridge: () => EventBridgeClient;
    sqs: () => SQSClient;
  },
): Promise<number> => {
  if (options.table === undefined || options.bus === undefined) {
    throw new UsageError('republish: give --table <name> and --bus <name>');
  }
  const selection = selectionOf(options);
  const report = await republishEvents(
    {
      dynamodb: clients.dynamodb(),
      eventBridge: clients.eventBridge(),
      ...('failureQueueUrl' in selection ? { sqs: clients.sqs() } : {}),
    },
    {
      tableName: options.table,
      eventBusName: options.bus,
      selection,
      onProgress: (progress) => io.stderr.write(`republish: ${JSON.stringify(progress)}\n`),
    },
  );
  io.stdout.write(`${JSON.stringify({ command: 'republish', ...report })}\n`);
  return report.failed === 0 && report.messages.kept === 0 ? ExitCode.OK : ExitCode.FAILURE;
};

export { REPUBLISH_USAGE, republishCommand };
