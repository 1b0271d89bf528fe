import type { DomainEvent } from '@doc-ingest/aws-adapters';
import {
  DocumentEvents,
  isDocumentInsert,
  parseTableChange,
  toDocumentIngestedDetail,
} from '@doc-ingest/contracts';
import type { DynamoDBRecord } from 'aws-lambda';

interface StreamEvents {
  /** One `DocumentIngested` event per new canonical document, id = sequence number. */
  events: DomainEvent[];
  /** Records whose images break the contract: a bug upstream, reported and retried. */
  invalid: { id: string; error: unknown }[];
}

/**
 * Picks the new documents out of a batch of table changes. Sources, topics,
 * rejections and modifications are not events for this consumer.
 */
const documentEventsFromStream = (records: DynamoDBRecord[]): StreamEvents => {
  const result: StreamEvents = { events: [], invalid: [] };
  for (const record of records) {
    const id = record.dynamodb?.SequenceNumber ?? '';
    try {
      const change = parseTableChange(record);
      if (!isDocumentInsert(change)) continue;
      result.events.push({
        id,
        source: DocumentEvents.SOURCE,
        detailType: DocumentEvents.DOCUMENT_INGESTED,
        detail: toDocumentIngestedDetail(change.newRecord),
      });
    } catch (error) {
      result.invalid.push({ id, error });
    }
  }
  return result;
};

export type { StreamEvents };
export { documentEventsFromStream };
