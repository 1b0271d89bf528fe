import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { main } from '@doc-ingest/cli';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

const s3 = new S3Client({ region: 'eu-west-1' });
const sqs = new SQSClient({ region: 'eu-west-1' });
const s3Mock = mockClient(s3);
const sqsMock = mockClient(sqs);
const clients = { s3: () => s3, sqs: () => sqs };

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    {
      stdout: { write: (chunk: string) => out.push(chunk) },
      stderr: { write: (chunk: string) => err.push(chunk) },
    },
    clients,
  );
  return { code, out: out.join(''), err: err.join('') };
};

describe('Function: main (ingest redrive and backfill)', () => {
  beforeEach(() => {
    s3Mock.reset();
    sqsMock.reset();
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: 'x', MD5OfMessageBody: 'y' })),
    }));
  });

  it('redrives the dead-letter queue into the ingest queue and reports the count', async () => {
    // Prepare
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [{ MessageId: '1', ReceiptHandle: 'r1', Body: '{}' }] })
      .resolves({ Messages: [] });

    // Act
    const { code, out } = await run('redrive', '--from', 'https://dlq', '--to', 'https://queue');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ command: 'redrive', moved: 1, failed: 0 });
    expect(sqsMock.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.QueueUrl).toBe(
      'https://queue',
    );
  });

  it('backfills a bucket prefix into the ingest queue', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'old/a.txt', Size: 3 }] });

    // Act
    const { code, out } = await run(
      'backfill',
      '--bucket',
      'b',
      '--prefix',
      'old/',
      '--queue',
      'q',
    );

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ command: 'backfill', enqueued: 1, failed: 0 });
  });

  it.each([
    [['redrive', '--from', 'https://dlq'], /--to/],
    [['backfill', '--bucket', 'b'], /--queue/],
  ])('exits 2 when %j lacks a required option', async (argv, message) => {
    // Act
    const { code, err } = await run(...argv);

    // Assess
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(sqsMock.calls()).toHaveLength(0);
  });
});
