import { enqueueBackfill } from '@doc-ingest/aws-adapters';
import { ExitCode } from '../io.ts';
import { createProgress } from '../progress.ts';
import { resolveTargets, stackNameOption } from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface BackfillOptions {
  stackName?: string;
  bucket?: string;
  queue?: string;
  prefix?: string;
}

/** `ingest backfill`: existing objects into the ingest queue. */
const backfillCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('backfill')
      .summary('enqueue objects that predate the stack or lost their notification')
      .description(
        'Enqueue a notification for every existing object of the ingest bucket (under a\n' +
          'prefix), in the shape S3 sends: for objects that predate the stack or whose\n' +
          'notification was lost. Safe to repeat: recorded objects are not written twice.',
      )
      .addOption(stackNameOption())
      .option('--bucket <name>', 'the bucket (default: stack output BucketName)')
      .option('--queue <url>', 'the ingest queue (default: stack output QueueUrl)')
      .option('--prefix <prefix>', 'only keys under this prefix')
      .addHelpText('after', '\nExample:\n  $ ingest backfill --stack-name DocIngest --prefix 2025/')
      .action(async (options: BackfillOptions) => {
        const target = await resolveTargets(context, options.stackName, {
          bucket: { given: options.bucket, flag: '--bucket <name>', output: 'BucketName' },
          queue: { given: options.queue, flag: '--queue <url>', output: 'QueueUrl' },
        });
        const progress = createProgress(context.io.stderr, { label: 'backfill', unit: 'objects' });
        const report = await enqueueBackfill(context.clients.s3(), context.clients.sqs(), {
          bucket: target.bucket,
          queueUrl: target.queue,
          ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
          onProgress: (counts) => progress.update(counts.enqueued + counts.failed, { ...counts }),
        });
        progress.stop();
        context.io.stdout.write(`${JSON.stringify({ command: 'backfill', ...report })}\n`);
        context.exitCode = report.failed === 0 ? ExitCode.OK : ExitCode.FAILURE;
      }),
};

export { backfillCommand };
