import { enqueueBackfill } from '@doc-ingest/aws-adapters';
import { Option } from 'commander';
import type { CliContext } from '../context.ts';
import { ExitCode } from '../io.ts';
import { pollOption, runDistributed } from '../jobCommandRun.ts';
import { chooseJobMode } from '../jobMode.ts';
import { createProgress } from '../progress.ts';
import { resolveTargets, stackNameOption } from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface BackfillOptions {
  stackName?: string;
  bucket?: string;
  queue?: string;
  prefix?: string;
  local?: boolean;
  wait?: boolean;
  redrive?: string;
  poll: number;
}

/** Today's single-process backfill: list and enqueue from this machine. */
const backfillHere = async (
  context: CliContext,
  options: BackfillOptions,
  outputs: Partial<Record<string, string>>,
) => {
  const target = await resolveTargets(context, options.stackName, {
    bucket: {
      given: options.bucket ?? outputs.BucketName,
      flag: '--bucket <name>',
      output: 'BucketName',
    },
    queue: { given: options.queue ?? outputs.QueueUrl, flag: '--queue <url>', output: 'QueueUrl' },
  });
  const progress = createProgress(context.io.stderr, { label: 'backfill', unit: 'objects' });
  const report = await enqueueBackfill(context.clients.s3(), context.clients.sqs(), {
    bucket: target.bucket,
    queueUrl: target.queue,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    onProgress: (counts) => progress.update(counts.enqueued + counts.failed, { ...counts }),
  });
  progress.stop();
  context.io.stdout.write(`${JSON.stringify({ command: 'backfill', mode: 'local', ...report })}\n`);
  context.exitCode = report.failed === 0 ? ExitCode.OK : ExitCode.FAILURE;
};

/** `ingest backfill`: existing objects into the ingest queue. */
const backfillCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('backfill')
      .summary('enqueue objects that predate the stack or lost their notification')
      .description(
        'Enqueue a notification for every existing object of the ingest bucket (under a\n' +
          'prefix), in the shape S3 sends: for objects that predate the stack or whose\n' +
          'notification was lost. Safe to repeat: recorded objects are not written twice.\n\n' +
          "With --stack-name, runs as a job on the stack's backfill state machine (a\n" +
          'Step Functions Distributed Map over the S3 listing), shows its progress and\n' +
          'reports its result. --local, explicit --bucket/--queue without a stack, or a\n' +
          'stack without the state machine run it in this process instead.',
      )
      .addOption(stackNameOption())
      .option('--bucket <name>', 'the bucket (default: stack output BucketName)')
      .option('--queue <url>', 'the ingest queue (default: stack output QueueUrl)')
      .option('--prefix <prefix>', 'only keys under this prefix')
      .option('--local', 'run in this process, not as a job on the stack')
      .option('--no-wait', 'start the job, print its execution ARN and return')
      .addOption(pollOption())
      .addOption(
        new Option(
          '--redrive <executionArn>',
          'resume a failed job: rerun its failed batches only',
        ).conflicts(['local', 'prefix', 'bucket', 'queue']),
      )
      .addHelpText(
        'after',
        '\nExamples:\n  $ ingest backfill --stack-name DocIngest --prefix 2025/\n' +
          '  $ ingest backfill --stack-name DocIngest --local\n' +
          '  $ ingest backfill --redrive arn:aws:states:...:execution:...\n',
      )
      .action(async (options: BackfillOptions) => {
        const wait = options.wait !== false;
        if (options.redrive !== undefined) {
          await runDistributed(context, {
            command: 'backfill',
            unit: 'objects',
            redrive: options.redrive,
            wait,
            pollSeconds: options.poll,
          });
          return;
        }
        // Flags name a bucket or queue the stack's job does not serve: run here.
        const explicit = options.bucket !== undefined || options.queue !== undefined;
        const mode = await chooseJobMode(
          context,
          { ...options, local: options.local === true || explicit },
          'BackfillStateMachineArn',
        );
        if (mode.kind === 'local') {
          await backfillHere(context, options, mode.outputs);
          return;
        }
        const prefix = options.prefix ?? '';
        await runDistributed(context, {
          command: 'backfill',
          unit: 'objects',
          stateMachineArn: mode.stateMachineArn,
          input: { prefix },
          wait,
          pollSeconds: options.poll,
          extra: { prefix },
        });
      }),
};

export { backfillCommand };
