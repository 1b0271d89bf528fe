import * as z from 'zod/mini';
import { DocumentEvents, SCHEMA_VERSION } from './constants.ts';
import { documentEventId, EventIdSchema } from './documentEventId.ts';
import type { DocumentRecord } from './documentRecord.ts';
import {
  ContentHashSchema,
  IsoTimestampSchema,
  SchemaVersionSchema,
  TopicIdSchema,
  TopicScoreSchema,
} from './primitives.ts';

/**
 * Detail of the `DocumentReclassified` event (schema 1.4+): `ingest reclassify`
 * moved a document to a newer taxonomy version. `topicIds` / `topics` are the
 * new classification, `previousTopicIds` the old one. The id names the version
 * reached, so a republished fact keeps its id.
 */
const DocumentReclassifiedDetailSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  eventId: EventIdSchema,
  contentHash: ContentHashSchema,
  createdAt: IsoTimestampSchema,
  taxonomyVersion: z.string(),
  previousTaxonomyVersion: z.string(),
  topicIds: z.array(TopicIdSchema),
  topics: z.array(TopicScoreSchema),
  previousTopicIds: z.array(TopicIdSchema),
  reclassifiedAt: IsoTimestampSchema,
});

type DocumentReclassifiedDetail = z.infer<typeof DocumentReclassifiedDetailSchema>;

/** @example const detail = toDocumentReclassifiedDetail(change.newRecord, change.oldRecord); */
const toDocumentReclassifiedDetail = (
  doc: Pick<
    DocumentRecord,
    'contentHash' | 'createdAt' | 'taxonomyVersion' | 'topics' | 'reclassifiedAt' | 'updatedAt'
  >,
  previous: Pick<DocumentRecord, 'taxonomyVersion' | 'topics'>,
): DocumentReclassifiedDetail => ({
  schemaVersion: SCHEMA_VERSION,
  eventId: documentEventId(
    DocumentEvents.DOCUMENT_RECLASSIFIED,
    doc.contentHash,
    doc.taxonomyVersion,
  ),
  contentHash: doc.contentHash,
  createdAt: doc.createdAt,
  taxonomyVersion: doc.taxonomyVersion,
  previousTaxonomyVersion: previous.taxonomyVersion,
  topicIds: doc.topics.map((topic) => topic.id),
  topics: doc.topics,
  previousTopicIds: previous.topics.map((topic) => topic.id),
  reclassifiedAt: doc.reclassifiedAt ?? doc.updatedAt,
});

export type { DocumentReclassifiedDetail };
export { DocumentReclassifiedDetailSchema, toDocumentReclassifiedDetail };
