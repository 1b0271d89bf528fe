import { reclassifyDocuments } from '@doc-ingest/jobs';
import { ExitCode } from '../io.ts';
import { createProgress } from '../progress.ts';
import { resolveTargets, stackNameOption } from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface ReclassifyCommandOptions {
  stackName?: string;
  table?: string;
  dryRun?: boolean;
}

/** `ingest reclassify`: bring stored documents to this release's taxonomy. */
const reclassifyCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('reclassify')
      .summary("re-score stored documents with this release's taxonomy")
      .description(
        "Re-score stored documents whose taxonomy version is older than this release's,\n" +
          'from their stored text. Consumers see a MODIFY of each changed document on the\n' +
          'stream. Idempotent: run it again to resume after an interruption.',
      )
      .addOption(stackNameOption())
      .option('--table <name>', 'the document table (default: stack output TableName)')
      .option('--dry-run', 'count what would change, write nothing')
      .addHelpText('after', '\nExample:\n  $ ingest reclassify --stack-name DocIngest --dry-run')
      .action(async (options: ReclassifyCommandOptions) => {
        const { table } = await resolveTargets(context, options.stackName, {
          table: { given: options.table, flag: '--table <name>', output: 'TableName' },
        });
        const dryRun = options.dryRun === true;
        const progress = createProgress(context.io.stderr, {
          label: 'reclassify',
          unit: 'documents',
        });
        const report = await reclassifyDocuments(
          { dynamodb: context.clients.dynamodb(), s3: context.clients.s3() },
          {
            tableName: table,
            dryRun,
            onProgress: ({ scanned, reclassified, upToDate, conflicts }) =>
              progress.update(scanned, { reclassified, 'up to date': upToDate, conflicts }),
          },
        );
        progress.stop();
        context.io.stdout.write(
          `${JSON.stringify({ command: 'reclassify', dryRun, ...report })}\n`,
        );
        context.exitCode = ExitCode.OK;
      }),
};

export { reclassifyCommand };
