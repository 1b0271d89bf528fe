import * as z from 'zod/mini';
import { DocumentEvents } from './constants.ts';
import { documentEventId, EventIdSchema } from './documentEventId.ts';
import type { DocumentRecord } from './documentRecord.ts';
import {
  ContentHashSchema,
  IsoTimestampSchema,
  NearDuplicateRefSchema,
  ObjectRefSchema,
  SchemaVersionSchema,
  TopicIdSchema,
  TopicScoreSchema,
} from './primitives.ts';

/**
 * Detail of the `DocumentIngested` EventBridge event, published once per new
 * canonical document. `topicIds` is flat so that rules can filter on it.
 */
const DocumentIngestedDetailSchema = z.object({
  schemaVersion: SchemaVersionSchema,
  /**
   * Stable id of this fact (schema 1.3+; every event published since carries
   * it): the same document always yields the same id, so drop repeats by it.
   */
  eventId: z.optional(EventIdSchema),
  contentHash: ContentHashSchema,
  title: z.string(),
  language: z.string(),
  topicIds: z.array(TopicIdSchema),
  topics: z.array(TopicScoreSchema),
  taxonomyVersion: z.string(),
  firstSource: ObjectRefSchema,
  /** Present when the document republishes an earlier one (schema 1.1+). */
  nearDuplicateOf: z.optional(NearDuplicateRefSchema),
  createdAt: IsoTimestampSchema,
});

type DocumentIngestedDetail = z.infer<typeof DocumentIngestedDetailSchema>;

/** @example const detail = toDocumentIngestedDetail(change.newRecord); */
const toDocumentIngestedDetail = (doc: DocumentRecord): DocumentIngestedDetail => ({
  schemaVersion: doc.schemaVersion,
  eventId: documentEventId(DocumentEvents.DOCUMENT_INGESTED, doc.contentHash, doc.createdAt),
  contentHash: doc.contentHash,
  title: doc.title,
  language: doc.language,
  topicIds: doc.topics.map((topic) => topic.id),
  topics: doc.topics,
  taxonomyVersion: doc.taxonomyVersion,
  firstSource: doc.firstSource,
  ...(doc.nearDuplicateOf === undefined ? {} : { nearDuplicateOf: doc.nearDuplicateOf }),
  createdAt: doc.createdAt,
});

export type { DocumentIngestedDetail };
export { DocumentIngestedDetailSchema, toDocumentIngestedDetail };
