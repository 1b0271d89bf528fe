import * as z from 'zod/mini';

/** A stable event id: the same fact always gets the same id, however often it is published. */
const EventIdSchema = z.string().check(z.minLength(1));

type EventId = z.infer<typeof EventIdSchema>;

/**
 * The id of a document event: what happened (`detailType`), to which content
 * (`contentHash`), and the document's version marker for that fact
 * (`createdAt` for `DocumentIngested` and `DocumentPurged`, `withdrawnAt` for
 * `DocumentWithdrawn`). The stream consumer and `ingest republish` derive it
 * alike, so consumers drop a repeat by this id alone. A document ingested
 * again after a purge has another `createdAt`, hence other ids.
 *
 * @example
 * documentEventId('DocumentIngested', doc.contentHash, doc.createdAt);
 */
const documentEventId = (detailType: string, contentHash: string, marker: string): EventId =>
  `${detailType}:${contentHash}:${marker}`;

export type { EventId };
export { documentEventId, EventIdSchema };
