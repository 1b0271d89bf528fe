import { ExitCode } from '../io.ts';
import { createProgress } from '../progress.ts';
import { readTaxonomyFile } from '../readTaxonomyFile.ts';
import { reclassifyDocuments } from '../reclassifyDocuments.ts';
import { resolveTargets, stackNameOption } from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface ReclassifyCommandOptions {
  stackName?: string;
  table?: string;
  dryRun?: boolean;
  taxonomy?: string;
}

/** `ingest reclassify`: bring stored documents to this release's taxonomy. */
const reclassifyCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('reclassify')
      .summary('re-score stored documents with a newer taxonomy')
      .description(
        "Re-score stored documents whose taxonomy version is older than the taxonomy's\n" +
          '(--taxonomy, or the built-in one), from their stored text. A document under a\n' +
          'newer version is never moved back: it is left alone, counted as newer, and the\n' +
          'command says so and exits 1. Each reclassified document publishes a\n' +
          'DocumentReclassified event. Idempotent: run it again to resume.',
      )
      .addOption(stackNameOption())
      .option('--table <name>', 'the document table (default: stack output TableName)')
      .option('--dry-run', 'count what would change, write nothing')
      .option('--taxonomy <file>', 'the taxonomy file (JSON or YAML) to classify with')
      .addHelpText('after', '\nExample:\n  $ ingest reclassify --stack-name DocIngest --dry-run')
      .action(async (options: ReclassifyCommandOptions) => {
        const { table } = await resolveTargets(context, options.stackName, {
          table: { given: options.table, flag: '--table <name>', output: 'TableName' },
        });
        const dryRun = options.dryRun === true;
        const taxonomy =
          options.taxonomy === undefined ? undefined : await readTaxonomyFile(options.taxonomy);
        const progress = createProgress(context.io.stderr, {
          label: 'reclassify',
          unit: 'documents',
        });
        const report = await reclassifyDocuments(
          { dynamodb: context.clients.dynamodb(), s3: context.clients.s3() },
          {
            tableName: table,
            dryRun,
            ...(taxonomy === undefined ? {} : { taxonomy }),
            onProgress: ({ scanned, reclassified, upToDate, conflicts }) =>
              progress.update(scanned, { reclassified, 'up to date': upToDate, conflicts }),
          },
        );
        progress.stop();
        context.io.stdout.write(
          `${JSON.stringify({ command: 'reclassify', dryRun, ...report })}\n`,
        );
        if (report.newer > 0) {
          context.io.stderr.write(
            `ingest: refused to reclassify ${report.newer} document(s) classified under taxonomy ` +
              `${report.newestVersion}, newer than ${report.taxonomyVersion}: a document never ` +
              'goes back to an older taxonomy. Use a taxonomy of that version or newer.\n',
          );
        }
        context.exitCode = report.newer > 0 ? ExitCode.FAILURE : ExitCode.OK;
      }),
};

export { reclassifyCommand };
