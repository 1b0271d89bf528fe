import type { DomainEvent } from '@doc-ingest/aws-adapters';
import {
  DocumentEvents,
  documentEventsOfChange,
  parseTableChange,
  type TableChange,
} from '@doc-ingest/contracts';
import type { DynamoDBRecord } from 'aws-lambda';

/** One stream record of the batch and what it means for the bus. */
interface StreamRecordEvents {
  /** The record's sequence number: its `itemIdentifier` in a partial batch response. */
  id: string;
  eventName: TableChange['eventName'];
  /** The item's table keys (`pk`, `sk`), to find it again after the record expired. */
  keys: Record<string, string>;
  /** Epoch seconds of the table change, when the record says. */
  changedAtSeconds?: number;
  approximateCreationTime?: string;
  /** Its events, with ids `<sequence number>#<n>` to tell which EventBridge refused. */
  events: DomainEvent[];
  /** Set when the images break the contract (a bug upstream): retrying cannot help. */
  error?: unknown;
}

const plainKeys = (record: DynamoDBRecord): Record<string, string> => {
  const keys: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.dynamodb?.Keys ?? {})) {
    const plain = value.S ?? value.N;
    if (plain !== undefined) keys[name] = plain;
  }
  return keys;
};

/**
 * Reads each record of a batch of table changes into the events it means
 * (see `documentEventsOfChange`): document INSERTs, withdrawals, reclassifications and purges.
 * Sources, topics, rejections and other modifications mean none.
 */
const documentEventsFromStream = (records: DynamoDBRecord[]): StreamRecordEvents[] =>
  records.map((record) => {
    const id = record.dynamodb?.SequenceNumber ?? '';
    const base: StreamRecordEvents = {
      id,
      eventName: record.eventName ?? 'INSERT',
      keys: plainKeys(record),
      events: [],
    };
    const seconds = record.dynamodb?.ApproximateCreationDateTime;
    if (typeof seconds === 'number') base.changedAtSeconds = seconds;
    try {
      const change = parseTableChange(record);
      if (change.approximateCreationTime !== undefined)
        base.approximateCreationTime = change.approximateCreationTime;
      base.events = documentEventsOfChange(change).map((event, index) => ({
        id: `${id}#${index}`,
        source: DocumentEvents.SOURCE,
        detailType: event.detailType,
        detail: event.detail,
      }));
    } catch (error) {
      base.error = error;
    }
    return base;
  });

export type { StreamRecordEvents };
export { documentEventsFromStream };
