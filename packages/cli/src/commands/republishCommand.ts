import { ContentHashSchema, IsoTimestampSchema } from '@doc-ingest/contracts';
import { ExitCode, UsageError } from '../io.ts';
import { createProgress } from '../progress.ts';
import { type RepublishSelection, republishEvents } from '../republishEvents.ts';
import {
  flagTarget,
  resolveTargets,
  stackNameOption,
  TABLE_FLAG,
  targetOption,
} from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface RepublishCommandOptions {
  stackName?: string;
  table?: string;
  bus?: string;
  contentHash?: string[];
  since?: string;
  until?: string;
  fromFailureQueue?: string | true;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const selectionOf = (
  options: RepublishCommandOptions,
  failureQueueUrl?: string,
): RepublishSelection => {
  const hashes = options.contentHash ?? [];
  const chosen = [
    hashes.length > 0,
    options.since !== undefined,
    options.fromFailureQueue !== undefined,
  ];
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
  return { failureQueueUrl: failureQueueUrl as string };
};

/** `ingest republish`: document events again, from the table (the source of truth). */
const republishCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('republish')
      .summary('publish document events again from the table')
      .description(
        'Publish document events again from the table: for documents by hash, for documents\n' +
          'created or withdrawn in a time window, or for what the stream-failure queue holds\n' +
          '(its messages are deleted once published). Event ids are stable, so consumers\n' +
          'drop what they already had.',
      )
      .addOption(stackNameOption())
      .addOption(targetOption(TABLE_FLAG))
      .option('--bus <name>', 'the event bus (default: stack output EventBusName)')
      .option('--content-hash <sha256>', 'a document to republish (repeatable)', collect)
      .option('--since <iso>', 'documents created or withdrawn at or after this time')
      .option('--until <iso>', 'with --since: before this time')
      .option(
        '--from-failure-queue [url]',
        'what the stream-failure queue holds (default: stack output StreamFailureQueueUrl)',
      )
      .addHelpText(
        'after',
        '\nExamples:\n' +
          '  $ ingest republish -s DocIngest --from-failure-queue\n' +
          '  $ ingest republish -s DocIngest --since 2026-12-01T00:00:00Z --until 2026-12-02T00:00:00Z',
      )
      .action(async (options: RepublishCommandOptions) => {
        selectionOf(options, 'checked-below');
        const fromQueue = options.fromFailureQueue;
        const { table, bus } = await resolveTargets(context, options.stackName, {
          table: flagTarget(TABLE_FLAG, options.table),
          bus: { given: options.bus, flag: '--bus <name>', output: 'EventBusName' },
        });
        const queue =
          fromQueue === undefined
            ? undefined
            : (
                await resolveTargets(context, options.stackName, {
                  queue: {
                    given: typeof fromQueue === 'string' ? fromQueue : undefined,
                    flag: '--from-failure-queue <url>',
                    output: 'StreamFailureQueueUrl',
                  },
                })
              ).queue;
        const selection = selectionOf(options, queue);
        const progress = createProgress(context.io.stderr, {
          label: 'republish',
          unit: 'documents',
        });
        const report = await republishEvents(
          {
            dynamodb: context.clients.dynamodb(),
            eventBridge: context.clients.eventBridge(),
            ...('failureQueueUrl' in selection ? { sqs: context.clients.sqs() } : {}),
          },
          {
            tableName: table,
            eventBusName: bus,
            selection,
            onProgress: ({ documents, published, failed }) =>
              progress.update(documents, { published, failed }),
          },
        );
        progress.stop();
        context.io.stdout.write(`${JSON.stringify({ command: 'republish', ...report })}\n`);
        context.exitCode =
          report.failed === 0 && report.messages.kept === 0 ? ExitCode.OK : ExitCode.FAILURE;
      }),
};

export { republishCommand };
