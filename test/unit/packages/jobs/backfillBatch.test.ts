import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BACKFILL_EVENT_NAME } from '@doc-ingest/aws-adapters';
import { backfillBatch, EnqueueIncompleteError, JobInputError } from '@doc-ingest/jobs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

// SQS is mocked: a refused entry cannot be produced on demand by LocalStack.
const sqs = new SQSClient({ region: 'eu-west-1' });
const sqsMock = mockClient(sqs);
const target = { bucket: 'ingest', queueUrl: 'https://queue' };

const acceptAll = () =>
  sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
    Successful: input.Entries.map((entry) => ({ Id: entry.Id })),
  }));

const sentBodies = () =>
  sqsMock
    .commandCalls(SendMessageBatchCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => JSON.parse(entry.MessageBody as string));

describe('Function: backfillBatch', () => {
  beforeEach(() => sqsMock.reset());

  it('enqueues a batch from the S3 item reader ten to a call, in the shape S3 sends', async () => {
    // Prepare
    acceptAll();
    const Items = Array.from({ length: 23 }, (_, i) => ({
      Key: `in/doc ${i}.txt`,
      Size: i,
      Etag: `"tag${i}"`,
      LastModified: '2026-01-01T00:00:00Z',
      StorageClass: 'STANDARD',
    }));

    // Act
    const report = await backfillBatch(sqs, target, { Items });

    // Assess
    expect(report).toEqual({ enqueued: 23, failed: 0 });
    expect(
      sqsMock.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries?.length),
    ).toEqual([10, 10, 3]);
    const [first] = sentBodies();
    expect(first.Records[0]).toMatchObject({
      eventName: BACKFILL_EVENT_NAME,
      s3: { bucket: { name: 'ingest' }, object: { key: 'in/doc+0.txt', size: 0, eTag: 'tag0' } },
    });
  });

  it('takes a single object, as a map without an item batcher hands it', async () => {
    // Prepare
    acceptAll();

    // Act
    const report = await backfillBatch(sqs, target, { Key: 'a.txt', Size: 1, ETag: '"x"' });

    // Assess
    expect(report).toEqual({ enqueued: 1, failed: 0 });
    expect(sentBodies()[0].Records[0].s3.object).toEqual({ key: 'a.txt', size: 1, eTag: 'x' });
  });

  it('fails the whole batch when the queue refuses an entry, so the state machine retries it', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '0', MessageId: 'm', MD5OfMessageBody: 'x' }],
      Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }],
    });

    // Act
    const attempt = backfillBatch(sqs, target, { Items: [{ Key: 'a' }, { Key: 'b' }] });

    // Assess
    await expect(attempt).rejects.toThrow(EnqueueIncompleteError);
    await expect(attempt).rejects.toThrow('the queue refused 1 of 2 notifications');
  });

  it.each([[{ Items: [{ Size: 1 }] }], [{ Items: 'a.txt' }], [{ Key: '' }], [null]])(
    'refuses input the state machine never sends: %j',
    async (input) => {
      // Act
      const attempt = backfillBatch(sqs, target, input);

      // Assess
      await expect(attempt).rejects.toThrow(JobInputError);
      expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
    },
  );
});
