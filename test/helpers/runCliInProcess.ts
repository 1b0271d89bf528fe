import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { runCliMain } from './runCliMain.ts';

/**
 * Runs the `ingest` CLI in this process with the given clients (aimed at
 * LocalStack), and returns its exit code, its output and its JSON report
 * (the last line of stdout). The real binary is `runIngestBinary`.
 *
 * @example
 * const { code, report } = await runCliInProcess(clients, ['backfill', '--bucket', name]);
 */
const runCliInProcess = async (
  clients: { s3: S3Client; sqs: SQSClient; dynamodb: DynamoDBClient },
  argv: string[],
) => {
  const { code, stdout, stderr } = await runCliMain(argv, {
    s3: () => clients.s3,
    sqs: () => clients.sqs,
    dynamodb: () => clients.dynamodb,
  });
  // Each command reports its own JSON shape: left untyped.
  const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  return { code, report, stdout, stderr };
};

export { runCliInProcess };
