import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  announcedObjects,
  BACKFILL_EVENT_NAME,
  enqueueBackfill,
  S3NotificationBodySchema,
} from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

const s3 = new S3Client({ region: 'eu-west-1' });
const sqs = new SQSClient({ region: 'eu-west-1' });
const s3Mock = mockClient(s3);
const sqsMock = mockClient(sqs);

describe('Function: enqueueBackfill', () => {
  beforeEach(() => {
    s3Mock.reset();
    sqsMock.reset();
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: 'x', MD5OfMessageBody: 'y' })),
    }));
  });

  it('enqueues one notification per object, in the shape the handler reads', async () => {
    // Prepare
    s3Mock
      .on(ListObjectsV2Command)
      .resolvesOnce({
        Contents: [
          { Key: 'in/a.txt', Size: 10, ETag: '"e1"' },
          { Key: 'in/Rapport é+ü (copie).txt', Size: 20 },
        ],
        IsTruncated: true,
        NextContinuationToken: 't',
      })
      .resolvesOnce({ Contents: [{ Key: 'in/c.txt', Size: 30 }], IsTruncated: false });

    // Act
    const report = await enqueueBackfill(s3, sqs, { bucket: 'b', prefix: 'in/', queueUrl: 'q' });

    // Assess
    expect(report).toEqual({ enqueued: 3, failed: 0 });
    const announced = sqsMock
      .commandCalls(SendMessageBatchCommand)
      .flatMap((c) => c.args[0].input.Entries ?? [])
      .flatMap((entry) =>
        announcedObjects(S3NotificationBodySchema.parse(JSON.parse(entry.MessageBody ?? ''))),
      );
    expect(announced.map((o) => [o.bucket, o.key, o.eventName])).toEqual([
      ['b', 'in/a.txt', BACKFILL_EVENT_NAME],
      ['b', 'in/Rapport é+ü (copie).txt', BACKFILL_EVENT_NAME],
      ['b', 'in/c.txt', BACKFILL_EVENT_NAME],
    ]);
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Prefix).toBe('in/');
  });

  it('counts what the queue refused', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a' }, { Key: 'b' }] });
    sqsMock.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '0', MessageId: 'x', MD5OfMessageBody: 'y' }],
      Failed: [{ Id: '1', Code: 'Throttled', SenderFault: false }],
    });

    // Act
    const report = await enqueueBackfill(s3, sqs, { bucket: 'b', queueUrl: 'q' });

    // Assess
    expect(report).toEqual({ enqueued: 1, failed: 1 });
  });
});
