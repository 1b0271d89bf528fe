import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { Option } from 'commander';
import { ExitCode } from '../io.ts';
import { createProgress } from '../progress.ts';
import { type RedriveOptions, redriveMessages } from '../redriveMessages.ts';
import { resolveTargets, stackNameOption } from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface RedriveCommandOptions {
  stackName?: string;
  from?: string;
  to?: string;
  method: RedriveOptions['method'];
}

/** Messages waiting in a queue, for the progress total (approximate, as SQS says). */
const queueDepth = async (sqs: SQSClient, queueUrl: string): Promise<number | undefined> => {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages'],
    }),
  );
  const depth = Number(Attributes.ApproximateNumberOfMessages);
  // An empty or unknown depth gives a running count rather than a bar with no end.
  return Number.isFinite(depth) && depth > 0 ? depth : undefined;
};

/** `ingest redrive`: dead-letter queue back to the ingest queue. */
const redriveCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('redrive')
      .summary('move the dead-letter queue back to the ingest queue')
      .description(
        'Move the messages of the dead-letter queue back to the ingest queue once the\n' +
          'cause of the failures is fixed. Uses SQS StartMessageMoveTask where the\n' +
          'endpoint supports it, else a receive/send/delete loop (never loses a message:\n' +
          'a crash at worst duplicates one, which ingestion tolerates).',
      )
      .addOption(stackNameOption())
      .option('--from <url>', 'source queue (default: stack output DeadLetterQueueUrl)')
      .option('--to <url>', 'target queue (default: stack output QueueUrl)')
      .addOption(
        new Option('--method <method>', 'auto: move task, else loop')
          .choices(['auto', 'task', 'loop'])
          .default('auto'),
      )
      .addHelpText('after', '\nExample:\n  $ ingest redrive --stack-name DocIngest')
      .action(async (options: RedriveCommandOptions) => {
        const target = await resolveTargets(context, options.stackName, {
          from: { given: options.from, flag: '--from <url>', output: 'DeadLetterQueueUrl' },
          to: { given: options.to, flag: '--to <url>', output: 'QueueUrl' },
        });
        const sqs = context.clients.sqs();
        const progress = createProgress(context.io.stderr, {
          label: 'redrive',
          unit: 'messages',
          ...(context.io.stderr.isTTY ? { total: await queueDepth(sqs, target.from) } : {}),
        });
        const report = await redriveMessages(sqs, {
          fromQueueUrl: target.from,
          toQueueUrl: target.to,
          method: options.method,
          onProgress: ({ moved, failed, toMove }) => {
            if (toMove !== undefined && toMove > 0) progress.setTotal(toMove);
            progress.update(moved + failed, { moved, failed });
          },
        });
        progress.stop();
        context.io.stdout.write(`${JSON.stringify({ command: 'redrive', ...report })}\n`);
        context.exitCode = report.failed === 0 ? ExitCode.OK : ExitCode.FAILURE;
      }),
};

export { redriveCommand };
