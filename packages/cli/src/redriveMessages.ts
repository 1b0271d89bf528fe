import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  type MoveReport,
  MoveTaskUnavailableError,
  moveMessages,
  moveMessagesWithTask,
} from '@doc-ingest/aws-adapters';

interface RedriveOptions {
  fromQueueUrl: string;
  toQueueUrl: string;
  /** `task`: SQS's own redrive only; `loop`: receive/send/delete only; `auto`: task, else loop. */
  method: 'auto' | 'task' | 'loop';
  onProgress?: (progress: { moved: number; failed: number; toMove?: number }) => void;
  /** Poll interval of the move task (tests shorten it). */
  pollIntervalMs?: number;
}

interface RedriveReport extends MoveReport {
  method: 'move-task' | 'receive-send';
}

/**
 * Moves a dead-letter queue back into its source queue: with SQS's
 * `StartMessageMoveTask` where the endpoint and the queue allow it (AWS
 * keeps the message attributes and does the work server-side), otherwise
 * with the receive/send/delete loop, which works against any queue.
 */
const redriveMessages = async (sqs: SQSClient, options: RedriveOptions): Promise<RedriveReport> => {
  const { fromQueueUrl, toQueueUrl, onProgress } = options;
  if (options.method !== 'loop') {
    try {
      const report = await moveMessagesWithTask(sqs, {
        fromQueueUrl,
        toQueueUrl,
        onProgress: ({ moved, toMove }) => onProgress?.({ moved, failed: 0, toMove }),
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      });
      return { method: 'move-task', ...report };
    } catch (error) {
      if (!(error instanceof MoveTaskUnavailableError) || options.method === 'task') throw error;
    }
  }
  const report = await moveMessages(sqs, {
    fromQueueUrl,
    toQueueUrl,
    onProgress: (counts) => onProgress?.(counts),
  });
  return { method: 'receive-send', ...report };
};

export type { RedriveOptions, RedriveReport };
export { redriveMessages };
