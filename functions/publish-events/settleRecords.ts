import {
  EventFailureReason,
  FAILED_EVENTS_MESSAGE_TYPE,
  type FailedEventsMessage,
  RecordSchemaViolationError,
  SCHEMA_VERSION,
} from '@doc-ingest/contracts';
import type { StreamRecordEvents } from './documentEventsFromStream.ts';

interface SettleOptions {
  /** Ids of the events EventBridge did not accept. */
  failedEventIds: ReadonlySet<string>;
  /** Why they failed, when known (the last error). */
  publishError?: string;
  nowSeconds: number;
  retryWindowSeconds: number;
}

interface Settlement {
  /** Records given up on, each with its self-contained failure-queue message. */
  deadLetters: { id: string; message: FailedEventsMessage }[];
  /**
   * The record to deliver again (its events failed, its retry window is still
   * open): at most one, the first; the stream resumes there.
   */
  retry: string[];
}

const DOCUMENT_KEY = /^DOC#([0-9a-f]{64})$/;

const describeError = (error: unknown): string => {
  if (error instanceof RecordSchemaViolationError)
    return `${error.message}: ${error.issues.join('; ')}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
};

const failureMessage = (
  record: StreamRecordEvents,
  reason: FailedEventsMessage['reason'],
  error: string,
  nowSeconds: number,
): FailedEventsMessage => {
  const contentHash = DOCUMENT_KEY.exec(record.keys.pk ?? '')?.[1];
  return {
    type: FAILED_EVENTS_MESSAGE_TYPE,
    schemaVersion: SCHEMA_VERSION,
    reason,
    error,
    failedAt: new Date(nowSeconds * 1000).toISOString(),
    change: {
      eventName: record.eventName,
      ...(record.id === '' ? {} : { sequenceNumber: record.id }),
      ...(record.approximateCreationTime === undefined
        ? {}
        : { approximateCreationTime: record.approximateCreationTime }),
      keys: record.keys,
    },
    ...(contentHash === undefined ? {} : { contentHash }),
    events: record.events.map((event) => ({
      detailType: event.detailType as FailedEventsMessage['events'][number]['detailType'],
      detail: event.detail as Record<string, unknown>,
    })),
  };
};

/**
 * Decides, record by record, what a batch's outcome is. A record whose images
 * break the contract can never succeed: it goes to the failure queue at once
 * instead of blocking its shard. A record whose events EventBridge refused is
 * retried while it is younger than the retry window, then goes to the failure
 * queue, with its events and keys, before the stream forgets it.
 */
const settleRecords = (records: StreamRecordEvents[], options: SettleOptions): Settlement => {
  const settlement: Settlement = { deadLetters: [], retry: [] };
  for (const record of records) {
    if (record.error !== undefined) {
      settlement.deadLetters.push({
        id: record.id,
        message: failureMessage(
          record,
          EventFailureReason.CONTRACT_VIOLATION,
          describeError(record.error),
          options.nowSeconds,
        ),
      });
      continue;
    }
    if (!record.events.some((event) => options.failedEventIds.has(event.id))) continue;
    // A record without a time counts as just changed: the stream's own expiry still bounds it.
    const age = options.nowSeconds - (record.changedAtSeconds ?? options.nowSeconds);
    if (age < options.retryWindowSeconds) {
      // The stream resumes here, and every later record comes again with it:
      // deciding about them now would dead-letter them once per retry.
      settlement.retry.push(record.id);
      break;
    }
    settlement.deadLetters.push({
      id: record.id,
      message: failureMessage(
        record,
        EventFailureReason.PUBLISH_FAILED,
        options.publishError ?? 'EventBridge refused the event',
        options.nowSeconds,
      ),
    });
  }
  return settlement;
};

export type { Settlement, SettleOptions };
export { settleRecords };
