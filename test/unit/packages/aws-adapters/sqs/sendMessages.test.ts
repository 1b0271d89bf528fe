import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { sendMessages } from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

/* SQS is an SDK mock: unit runs have no AWS, and refusals cannot be produced on demand. */

const sqs = new SQSClient({ region: 'eu-west-1' });
const sqsMock = mockClient(sqs);
const messages = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `m${index}`, body: `{"n":${index}}` }));

describe('Function: sendMessages', () => {
  beforeEach(() => {
    sqsMock.reset();
  });

  it('sends at most ten messages per call and reports none refused', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: 'x', MD5OfMessageBody: 'y' })),
    }));

    // Act
    const refused = await sendMessages(sqs, 'https://queue', messages(23));

    // Assess
    expect(refused).toEqual([]);
    const sizes = sqsMock
      .commandCalls(SendMessageBatchCommand)
      .map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  it('returns the ids of the messages the queue refused, and of a whole failed call', async () => {
    // Prepare
    sqsMock
      .on(SendMessageBatchCommand)
      .resolvesOnce({
        Successful: [{ Id: '0', MessageId: 'x', MD5OfMessageBody: 'y' }],
        Failed: [{ Id: '1', Code: 'KMS.Throttling', SenderFault: false }],
      })
      .rejects(new Error('queue unavailable'));
    const batch = messages(12);

    // Act
    const refused = await sendMessages(sqs, 'https://queue', batch);

    // Assess: m1 refused in the first call (its other entries unanswered: refused too);
    // m10 and m11 lost with the second
    expect(refused).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11']);
  });
});
