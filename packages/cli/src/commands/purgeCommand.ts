import { ContentHashSchema } from '@doc-ingest/contracts';
import { ExitCode, UsageError } from '../io.ts';
import { type PurgeTarget, purgeDocument } from '../purgeDocument.ts';
import {
  flagTarget,
  NEAR_INDEX_TABLE_FLAG,
  resolveTargets,
  stackNameOption,
  TABLE_FLAG,
  targetOption,
} from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface PurgeCommandOptions {
  stackName?: string;
  table?: string;
  nearIndexTable?: string;
  contentHash?: string;
  source?: string;
}

const S3_URI = /^s3:\/\/([^/]+)\/(.+)$/s;

const targetOf = (options: PurgeCommandOptions): PurgeTarget => {
  const { contentHash, source } = options;
  if ((contentHash === undefined) === (source === undefined)) {
    throw new UsageError('purge: give exactly one of --content-hash <sha256> or --source s3://b/k');
  }
  if (contentHash !== undefined) {
    if (!ContentHashSchema.safeParse(contentHash).success) {
      throw new UsageError('purge: --content-hash takes 64 lowercase hex digits');
    }
    return { contentHash };
  }
  const match = S3_URI.exec(source ?? '');
  if (match === null) throw new UsageError('purge: --source takes s3://<bucket>/<key>');
  return { source: { bucket: match[1] as string, key: match[2] as string } };
};

/** `ingest purge`: erase one document, or every document of one source key. */
const purgeCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('purge')
      .summary('erase a document (takedown, erasure request)')
      .description(
        'Erase a document: its items, stored text (every version), topics, sources and\n' +
          'band claims; with --source, every document that key produced and the key’s\n' +
          'rejections. The uploaded objects are not touched. Safe to rerun: a purge that\n' +
          'stopped half way finishes.',
      )
      .addOption(stackNameOption())
      .addOption(targetOption(TABLE_FLAG))
      .addOption(targetOption(NEAR_INDEX_TABLE_FLAG))
      .option('--content-hash <sha256>', 'the document to erase')
      .option('--source <s3-uri>', 'erase what this object key produced: s3://<bucket>/<key>')
      .addHelpText(
        'after',
        '\nExamples:\n' +
          '  $ ingest purge --stack-name DocIngest --content-hash 0d12...f570\n' +
          '  $ ingest purge --stack-name DocIngest --source s3://my-bucket/2026/article.txt',
      )
      .action(async (options: PurgeCommandOptions) => {
        const target = targetOf(options);
        const { table, nearIndexTable } = await resolveTargets(context, options.stackName, {
          table: flagTarget(TABLE_FLAG, options.table),
          nearIndexTable: flagTarget(NEAR_INDEX_TABLE_FLAG, options.nearIndexTable),
        });
        const report = await purgeDocument(
          { tableName: table, nearIndexTableName: nearIndexTable, target },
          { dynamodb: context.clients.dynamodb(), s3: context.clients.s3() },
        );
        context.io.stdout.write(`${JSON.stringify({ command: 'purge', ...report })}\n`);
        context.exitCode = ExitCode.OK;
      }),
};

export { purgeCommand };
