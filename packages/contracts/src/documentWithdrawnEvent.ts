import * as z from 'zod/mini';
import { DocumentEvents, SCHEMA_VERSION } from './constants.ts';
import { documentEventId, EventIdSchema } from './documentEventId.ts';
import type { DocumentRecord } from './documentRecord.ts';
import { ContentHashSchema, IsoTimestampSchema, SchemaVersionSchema } from './primitives.ts';

/**
 * Detail of the `DocumentWithdrawn` event (schema 1.3+): every source object
 * of the document was deleted, so its live sources reached zero. The document
 * stays in the table (a purge erases it); consumers may hide it.
 */
const DocumentWithdrawnDetailSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  eventId: EventIdSchema,
  contentHash: ContentHashSchema,
  createdAt: IsoTimestampSchema,
  withdrawnAt: IsoTimestampSchema,
});

type DocumentWithdrawnDetail = z.infer<typeof DocumentWithdrawnDetailSchema>;

/** @example const detail = toDocumentWithdrawnDetail(doc, doc.withdrawnAt); */
const toDocumentWithdrawnDetail = (
  doc: Pick<DocumentRecord, 'contentHash' | 'createdAt'>,
  withdrawnAt: string,
): DocumentWithdrawnDetail => ({
  schemaVersion: SCHEMA_VERSION,
  eventId: documentEventId(DocumentEvents.DOCUMENT_WITHDRAWN, doc.contentHash, withdrawnAt),
  contentHash: doc.contentHash,
  createdAt: doc.createdAt,
  withdrawnAt,
});

export type { DocumentWithdrawnDetail };
export { DocumentWithdrawnDetailSchema, toDocumentWithdrawnDetail };
