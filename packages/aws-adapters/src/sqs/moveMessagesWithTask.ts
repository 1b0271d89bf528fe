import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  type SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { AdapterError } from '../errors.ts';
import type { MoveReport } from './moveMessages.ts';

/** The endpoint cannot run a move task for this source (no such API, or not a DLQ). */
class MoveTaskUnavailableError extends AdapterError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MoveTaskUnavailableError';
  }
}

interface MoveTaskOptions {
  fromQueueUrl: string;
  toQueueUrl: string;
  /** Called on every poll with the task's counts so far. */
  onProgress?: (progress: { moved: number; toMove: number }) => void;
  /**
   * Time between two polls of the task.
   * @default 1000
   */
  pollIntervalMs?: number;
}

/**
 * Errors that mean "use the receive/send loop instead": an endpoint without
 * the API, or a source queue that is not a dead-letter queue of any queue.
 */
const UNAVAILABLE =
  /UnsupportedOperation|InvalidAction|UnknownOperation|NotImplemented|InvalidParameterValue/;

const queueArn = async (client: SQSClient, queueUrl: string): Promise<string> => {
  const { Attributes = {} } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  if (Attributes.QueueArn === undefined) throw new AdapterError(`no ARN for ${queueUrl}`);
  return Attributes.QueueArn;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Moves a dead-letter queue's messages with SQS's own redrive
 * (`StartMessageMoveTask`) and waits for the task to end, reporting its
 * progress. Throws `MoveTaskUnavailableError` when the endpoint or the queue
 * does not allow a move task, so the caller can fall back to `moveMessages`.
 *
 * @example
 * const { moved } = await moveMessagesWithTask(sqs, { fromQueueUrl: dlq, toQueueUrl: queue });
 */
const moveMessagesWithTask = async (
  client: SQSClient,
  options: MoveTaskOptions,
): Promise<MoveReport> => {
  const [sourceArn, destinationArn] = await Promise.all([
    queueArn(client, options.fromQueueUrl),
    queueArn(client, options.toQueueUrl),
  ]);
  try {
    await client.send(
      new StartMessageMoveTaskCommand({ SourceArn: sourceArn, DestinationArn: destinationArn }),
    );
  } catch (error) {
    const name = (error as Error).name;
    if (UNAVAILABLE.test(name)) {
      throw new MoveTaskUnavailableError(`${name}: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  }
  for (;;) {
    await sleep(options.pollIntervalMs ?? 1000);
    // The newest task of the source comes first; only one can run at a time.
    const { Results = [] } = await client.send(
      new ListMessageMoveTasksCommand({ SourceArn: sourceArn, MaxResults: 1 }),
    );
    const task = Results[0];
    const moved = task?.ApproximateNumberOfMessagesMoved ?? 0;
    const toMove = task?.ApproximateNumberOfMessagesToMove ?? moved;
    options.onProgress?.({ moved, toMove });
    if (task?.Status === 'RUNNING' || task?.Status === 'CANCELLING') continue;
    if (task?.Status === 'COMPLETED') return { moved, failed: 0 };
    throw new AdapterError(
      `move task ended ${task?.Status ?? 'unseen'} after ${moved} of ${toMove} messages: ${task?.FailureReason ?? 'no reason given'}`,
    );
  }
};

export type { MoveTaskOptions };
export { MoveTaskUnavailableError, moveMessagesWithTask };
