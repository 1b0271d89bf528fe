import * as z from 'zod/mini';
import { ItemKind } from './constants.ts';
import {
  ContentHashSchema,
  IsoTimestampSchema,
  SchemaVersionSchema,
  TopicIdSchema,
} from './primitives.ts';

/**
 * Membership of a document in one topic. Exists so consumers can query the
 * `gsi1` index by topic; the authoritative scores are on the document.
 */
const TopicRecordSchema = z.object({
  pk: z.string().check(z.startsWith('DOC#')),
  sk: z.string().check(z.startsWith('TOPIC#')),
  gsi1pk: z.string().check(z.startsWith('TOPIC#')),
  gsi1sk: z.string(),
  kind: z.literal(ItemKind.TOPIC),
  schemaVersion: SchemaVersionSchema,
  topicId: TopicIdSchema,
  contentHash: ContentHashSchema,
  score: z.number().check(z.gte(0), z.lte(1)),
  title: z.string(),
  language: z.string(),
  taxonomyVersion: z.string().check(z.minLength(1)),
  createdAt: IsoTimestampSchema,
});

type TopicRecord = z.infer<typeof TopicRecordSchema>;

export type { TopicRecord };
export { TopicRecordSchema };
