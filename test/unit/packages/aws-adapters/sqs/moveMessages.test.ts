import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { moveMessages } from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

const sqs = new SQSClient({ region: 'eu-west-1' });
const sqsMock = mockClient(sqs);
const messages = (count: number, offset = 0) =>
  Array.from({ length: count }, (_, i) => ({
    MessageId: `m${offset + i}`,
    ReceiptHandle: `r${offset + i}`,
    Body: `{"n":${offset + i}}`,
  }));

describe('Function: moveMessages', () => {
  beforeEach(() => sqsMock.reset());

  it('moves every message and deletes each one only after the target took it', async () => {
    // Prepare
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: messages(10) })
      .resolvesOnce({ Messages: messages(3, 10) })
      .resolves({ Messages: [] });
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: 'x', MD5OfMessageBody: 'y' })),
      Failed: [],
    }));

    // Act
    const report = await moveMessages(sqs, { fromQueueUrl: 'dlq', toQueueUrl: 'queue' });

    // Assess
    expect(report).toEqual({ moved: 13, failed: 0 });
    const sentBodies = sqsMock
      .commandCalls(SendMessageBatchCommand)
      .flatMap((c) => c.args[0].input.Entries?.map((e) => e.MessageBody));
    expect(sentBodies).toHaveLength(13);
    const deleted = sqsMock
      .commandCalls(DeleteMessageBatchCommand)
      .flatMap((c) => c.args[0].input.Entries?.map((e) => e.ReceiptHandle));
    expect(deleted).toEqual(messages(13).map((m) => m.ReceiptHandle));
  });

  it('keeps in the source queue what the target refused', async () => {
    // Prepare
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: messages(2) })
      .resolves({ Messages: [] });
    sqsMock.on(SendMessageBatchCommand).resolves({
      Successful: [{ Id: '0', MessageId: 'x', MD5OfMessageBody: 'y' }],
      Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }],
    });

    // Act
    const report = await moveMessages(sqs, { fromQueueUrl: 'dlq', toQueueUrl: 'queue' });

    // Assess
    expect(report).toEqual({ moved: 1, failed: 1 });
    const deleted = sqsMock
      .commandCalls(DeleteMessageBatchCommand)
      .flatMap((c) => c.args[0].input.Entries?.map((e) => e.ReceiptHandle));
    expect(deleted).toEqual(['r0']);
  });

  it('stops at the requested maximum', async () => {
    // Prepare
    sqsMock.on(ReceiveMessageCommand).callsFake((input: { MaxNumberOfMessages: number }) => ({
      Messages: messages(input.MaxNumberOfMessages),
    }));
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: 'x', MD5OfMessageBody: 'y' })),
    }));

    // Act
    const report = await moveMessages(sqs, {
      fromQueueUrl: 'dlq',
      toQueueUrl: 'queue',
      maxMessages: 15,
    });

    // Assess
    expect(report.moved).toBe(15);
  });
});
