import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { ContentHashSchema } from '@doc-ingest/contracts';
import { type CliIo, ExitCode, UsageError } from '../io.ts';
import { type PurgeTarget, purgeDocument } from '../purgeDocument.ts';

const PURGE_USAGE = `  purge --table <name> (--content-hash <sha256> | --source s3://<bucket>/<key>)
                             Erase a document (takedown, erasure request): its
                             items, stored text, topics, sources and band claims;
                             with --source, every document that key produced and
                             the key's rejections. Safe to rerun.`;

const S3_URI = /^s3:\/\/([^/]+)\/(.+)$/s;

const targetOf = (options: { 'content-hash'?: string; source?: string }): PurgeTarget => {
  const { 'content-hash': contentHash, source } = options;
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
const purgeCommand = async (
  options: { table?: string; 'content-hash'?: string; source?: string },
  io: CliIo,
  clients: { dynamodb: () => DynamoDBClient; s3: () => S3Client },
): Promise<number> => {
  if (options.table === undefined) throw new UsageError('purge: give --table <name>');
  const target = targetOf(options);
  const report = await purgeDocument(
    { tableName: options.table, target },
    { dynamodb: clients.dynamodb(), s3: clients.s3() },
  );
  io.stdout.write(`${JSON.stringify({ command: 'purge', ...report })}\n`);
  return ExitCode.OK;
};

export { PURGE_USAGE, purgeCommand };
