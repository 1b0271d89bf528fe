import * as z from 'zod/mini';
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
