import { ExitCode } from '../io.ts';
import { createProgress } from '../progress.ts';
import { reindexNearBands } from '../reindexNearBands.ts';
import {
  flagTarget,
  NEAR_INDEX_TABLE_FLAG,
  resolveTargets,
  stackNameOption,
  TABLE_FLAG,
  targetOption,
} from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface ReindexCommandOptions {
  stackName?: string;
  table?: string;
  nearIndexTable?: string;
  dryRun?: boolean;
}

/** `ingest reindex`: rebuild the near-duplicate index from the stored signatures. */
const reindexCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('reindex')
      .summary('rebuild the near-duplicate index from stored signatures')
      .description(
        'Claim, for every canonical document, the near-duplicate bands of the current\n' +
          'fingerprint version that nobody owns, computed from its stored signature (no\n' +
          'text is read): after a fingerprint upgrade, or to repair lost index items. A band\n' +
          'another document owns stays with it. Safe to rerun and to run during ingestion.',
      )
      .addOption(stackNameOption())
      .addOption(targetOption(TABLE_FLAG))
      .addOption(targetOption(NEAR_INDEX_TABLE_FLAG))
      .option('--dry-run', 'count the bands that would be claimed; write nothing')
      .addHelpText(
        'after',
        '\nExamples:\n' +
          '  $ ingest reindex --stack-name DocIngest --dry-run\n' +
          '  $ ingest reindex --stack-name DocIngest',
      )
      .action(async (options: ReindexCommandOptions) => {
        const { table, nearIndexTable } = await resolveTargets(context, options.stackName, {
          table: flagTarget(TABLE_FLAG, options.table),
          nearIndexTable: flagTarget(NEAR_INDEX_TABLE_FLAG, options.nearIndexTable),
        });
        const progress = createProgress(context.io.stderr, { label: 'reindex', unit: 'documents' });
        const report = await reindexNearBands(context.clients.dynamodb(), {
          tableName: table,
          nearIndexTableName: nearIndexTable,
          dryRun: options.dryRun === true,
          ...(context.io.signal === undefined ? {} : { signal: context.io.signal }),
          onProgress: ({ documents, reindexed, bandsClaimed }) =>
            progress.update(documents, { reindexed, bands: bandsClaimed }),
        });
        progress.stop();
        context.io.stdout.write(`${JSON.stringify({ command: 'reindex', ...report })}\n`);
        context.exitCode = report.stopped ? ExitCode.FAILURE : ExitCode.OK;
      }),
};

export { reindexCommand };
