import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

interface MoveMessagesOptions {
  fromQueueUrl: string;
  toQueueUrl: string;
  /**
   * Stop after this many messages.
   * @default no limit: until the source queue reads empty
   */
  maxMessages?: number;
  /**
   * How long a received message stays hidden while it is being moved.
   * @default 60
   */
  visibilityTimeoutSeconds?: number;
  /** Called after each batch with the counts so far. */
  onProgress?: (report: MoveReport) => void;
}

interface MoveReport {
  moved: number;
  /** Messages the target refused; they stay in the source queue and reappear. */
  failed: number;
}

const sendAndDelete = async (
  client: SQSClient,
  options: MoveMessagesOptions,
  messages: Message[],
): Promise<MoveReport> => {
  const sent = await client.send(
    new SendMessageBatchCommand({
      QueueUrl: options.toQueueUrl,
      Entries: messages.map((message, index) => ({
        Id: String(index),
        MessageBody: message.Body ?? '',
        MessageAttributes: message.MessageAttributes,
      })),
    }),
  );
  const delivered = new Set((sent.Successful ?? []).map((entry) => entry.Id));
  const toDelete = messages.filter((_, index) => delivered.has(String(index)));
  if (toDelete.length > 0) {
    // Deleting only what the target accepted: a crash in between duplicates a
    // message, which ingestion tolerates, but never loses one.
    await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: options.fromQueueUrl,
        Entries: toDelete.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
  }
  return { moved: toDelete.length, failed: messages.length - toDelete.length };
};

/**
 * Moves messages from one queue to another, typically a dead-letter queue
 * back to its source queue once the cause of the failures is fixed.
 *
 * @example
 * const { moved } = await moveMessages(sqs, { fromQueueUrl: dlqUrl, toQueueUrl: queueUrl });
 */
const moveMessages = async (
  client: SQSClient,
  options: MoveMessagesOptions,
): Promise<MoveReport> => {
  const limit = options.maxMessages ?? Number.POSITIVE_INFINITY;
  const report: MoveReport = { moved: 0, failed: 0 };
  while (report.moved + report.failed < limit) {
    const { Messages = [] } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: options.fromQueueUrl,
        MaxNumberOfMessages: Math.min(10, limit - report.moved - report.failed),
        WaitTimeSeconds: 1,
        VisibilityTimeout: options.visibilityTimeoutSeconds ?? 60,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    const batch = await sendAndDelete(client, options, Messages);
    report.moved += batch.moved;
    report.failed += batch.failed;
    options.onProgress?.({ ...report });
  }
  return report;
};

export type { MoveMessagesOptions, MoveReport };
export { moveMessages };
