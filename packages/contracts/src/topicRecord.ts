import { z } from 'zod';
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
  pk: z.string().startsWith('DOC#'),
  sk: z.string().startsWith('TOPIC#'),
  gsi1pk: z.string().startsWith('TOPIC#'),
  gsi1sk: z.string(),
  kind: z.literal(ItemKind.TOPIC),
  schemaVersion: SchemaVersionSchema,
  topicId: TopicIdSchema,
  contentHash: ContentHashSchema,
  score: z.number().min(0).max(1),
  title: z.string(),
  language: z.string(),
  taxonomyVersion: z.string().min(1),
  createdAt: IsoTimestampSchema,
});

type TopicRecord = z.infer<typeof TopicRecordSchema>;

export type { TopicRecord };
export { TopicRecordSchema };
