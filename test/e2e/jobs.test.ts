import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readKeyHistory } from '@doc-ingest/aws-adapters';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localClients } from '../../scripts/lib/localAws.ts';
import { createPoll } from '../helpers/poll.ts';
import { runIngestBinary } from '../helpers/runIngestBinary.ts';

/*
 * The backfill and reclassify jobs on LocalStack's Step Functions, started
 * by the `ingest` binary with --stack-name only. The local deploy uses what
 * LocalStack's community Step Functions runs (one object per Standard child,
 * docs/SCALE.md); batching, Express children and redrive are checked by the
 * template and CLI unit tests instead.
 */

const { stackName, outputs } = inject('deployment');
const clients = localClients();
const RECORD_TIMEOUT_MS = 120_000;
const RUN_ID = Date.now().toString(36);
const PREFIX = `jobs-suite/${RUN_ID}/`;
const KEYS = ['a.txt', 'b.txt', 'c.txt'].map((name) => `${PREFIX}${name}`);

const ingest = runIngestBinary;

const recordsOf = async (key: string) => {
  const history = await readKeyHistory(clients.dynamodb, outputs.TableName, {
    bucket: outputs.BucketName,
    key,
  });
  return history.sources.length + history.rejections.length;
};

const poll = createPoll(RECORD_TIMEOUT_MS);

const awaitRecorded = (key: string) =>
  poll(`${key} recorded`, async () => ((await recordsOf(key)) > 0 ? true : undefined));

beforeAll(async () => {
  for (const [index, key] of KEYS.entries()) {
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: outputs.BucketName,
        Key: key,
        Body: `Jobs suite ${RUN_ID}, article ${index}.\n\nUn texte court sur la fraude fiscale et le blanchiment d'argent numéro ${index}.\n`,
      }),
    );
  }
  for (const key of KEYS) await awaitRecorded(key);
}, RECORD_TIMEOUT_MS * 2);

describe('E2E: bulk jobs on the deployed state machines', () => {
  it('backfill: one child per listed object under the prefix, and nothing recorded twice', async () => {
    // Act
    const { code, stdout, stderr } = await ingest(
      'backfill',
      '--stack-name',
      stackName,
      '--prefix',
      PREFIX,
      '--poll',
      '1',
    );

    // Assess
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      command: 'backfill',
      mode: 'distributed',
      status: 'SUCCEEDED',
      items: { total: KEYS.length, succeeded: KEYS.length, failed: 0 },
    });
    // Re-announced objects that are already recorded write nothing.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    for (const key of KEYS) expect(await recordsOf(key)).toBe(1);
  }, 300_000);

  it('reclassify --dry-run: one child per scan segment, each to the end of its segment', async () => {
    // Act
    const { code, stdout, stderr } = await ingest(
      'reclassify',
      '--stack-name',
      stackName,
      '--segments',
      '2',
      '--dry-run',
      '--poll',
      '1',
    );

    // Assess
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      command: 'reclassify',
      mode: 'distributed',
      dryRun: true,
      status: 'SUCCEEDED',
      items: { total: 2, succeeded: 2, failed: 0 },
    });
  }, 300_000);
});
