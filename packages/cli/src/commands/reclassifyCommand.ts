import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { type CliIo, ExitCode, UsageError } from '../io.ts';
import { reclassifyDocuments } from '../reclassifyDocuments.ts';

const RECLASSIFY_USAGE = `  reclassify --table <name> [--dry-run]
                             Re-score stored documents whose taxonomy version
                             is older than this release's, from their stored
                             text. Consumers see MODIFY events on the stream.
                             Idempotent: run it again to resume.`;

/** `ingest reclassify`: bring stored documents to this release's taxonomy. */
const reclassifyCommand = async (
  options: { table?: string; 'dry-run'?: boolean },
  io: CliIo,
  clients: { dynamodb: () => DynamoDBClient; s3: () => S3Client },
): Promise<number> => {
  if (options.table === undefined) throw new UsageError('reclassify: give --table <name>');
  const report = await reclassifyDocuments(
    { dynamodb: clients.dynamodb(), s3: clients.s3() },
    {
      tableName: options.table,
      dryRun: options['dry-run'] === true,
      onProgress: (progress) => io.stderr.write(`reclassify: ${JSON.stringify(progress)}\n`),
    },
  );
  io.stdout.write(
    `${JSON.stringify({ command: 'reclassify', dryRun: options['dry-run'] === true, ...report })}\n`,
  );
  return ExitCode.OK;
};

export { RECLASSIFY_USAGE, reclassifyCommand };
