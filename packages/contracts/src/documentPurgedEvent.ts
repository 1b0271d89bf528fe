import * as z from 'zod/mini';
import { DocumentEvents, SCHEMA_VERSION } from './constants.ts';
import { documentEventId, EventIdSchema } from './documentEventId.ts';
import type { DocumentRecord } from './documentRecord.ts';
import { ContentHashSchema, IsoTimestampSchema, SchemaVersionSchema } from './primitives.ts';

/**
 * Detail of the `DocumentPurged` event (schema 1.3+): the document item was
 * erased from the table (takedown or erasure request). It carries no title or
 * text on purpose: consumers delete what they hold for `contentHash`.
 */
const DocumentPurgedDetailSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  eventId: EventIdSchema,
  contentHash: ContentHashSchema,
  /** When the purged document had been created: tells one incarnation from a later one. */
  createdAt: IsoTimestampSchema,
  /** When the table change happened (the stream record's time), when known. */
  purgedAt: z.optional(IsoTimestampSchema),
});

type DocumentPurgedDetail = z.infer<typeof DocumentPurgedDetailSchema>;

/** @example const detail = toDocumentPurgedDetail(change.oldRecord, change.approximateCreationTime); */
const toDocumentPurgedDetail = (
  doc: Pick<DocumentRecord, 'contentHash' | 'createdAt'>,
  purgedAt?: string,
): DocumentPurgedDetail => ({
  schemaVersion: SCHEMA_VERSION,
  eventId: documentEventId(DocumentEvents.DOCUMENT_PURGED, doc.contentHash, doc.createdAt),
  contentHash: doc.contentHash,
  createdAt: doc.createdAt,
  ...(purgedAt === undefined ? {} : { purgedAt }),
});

export type { DocumentPurgedDetail };
export { DocumentPurgedDetailSchema, toDocumentPurgedDetail };
