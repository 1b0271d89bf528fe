import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

// SendMessageBatch accepts at most 10 entries per call.
const MAX_ENTRIES_PER_CALL = 10;

interface OutgoingMessage {
  /** Caller's id for the message, used to report which ones failed. */
  id: string;
  body: string;
}

/**
 * Sends messages to a queue in batches of ten and returns the ids of those
 * the queue did not accept (a batch whose call fails counts as refused whole),
 * so the caller keeps exactly those for a retry.
 *
 * @example
 * const refused = await sendMessages(sqs, queueUrl, [{ id: 'a', body: '{}' }]);
 */
const sendMessages = async (
  client: SQSClient,
  queueUrl: string,
  messages: OutgoingMessage[],
): Promise<string[]> => {
  const refused: string[] = [];
  for (let start = 0; start < messages.length; start += MAX_ENTRIES_PER_CALL) {
    const chunk = messages.slice(start, start + MAX_ENTRIES_PER_CALL);
    try {
      const response = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((message, index) => ({
            Id: String(index),
            MessageBody: message.body,
          })),
        }),
      );
      const accepted = new Set((response.Successful ?? []).map((entry) => entry.Id));
      chunk.forEach((message, index) => {
        if (!accepted.has(String(index))) refused.push(message.id);
      });
    } catch {
      // The caller retries refused messages; the error itself changes nothing for it.
      refused.push(...chunk.map((message) => message.id));
    }
  }
  return refused;
};

export type { OutgoingMessage };
export { sendMessages };
