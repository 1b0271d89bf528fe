import { z } from 'zod';
import {
  IngestStatus,
  RejectionReason,
  SCHEMA_VERSION,
  TextEncoding,
  TOPIC_IDS,
} from './constants.ts';

const ContentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

const IsoTimestampSchema = z.iso.datetime({ offset: true });

const SchemaVersionSchema = z.literal(SCHEMA_VERSION);

const TopicIdSchema = z.enum(TOPIC_IDS);

const TopicScoreSchema = z.object({
  id: TopicIdSchema,
  /** 0..1, comparable across documents; the record keeps topics at or above the taxonomy threshold. */
  score: z.number().min(0).max(1),
  /** Matched taxonomy terms (stems or phrases) that explain the score, strongest first. */
  terms: z.array(z.string()),
});

const LanguageShareSchema = z.object({
  /** ISO 639-1 code, or `und` when undetermined. */
  code: z.string().min(2).max(3),
  /** Share of the document's characters in this language, 0..1. */
  share: z.number().min(0).max(1),
});

const TextEncodingSchema = z.enum(Object.values(TextEncoding));
const IngestStatusSchema = z.enum(Object.values(IngestStatus));
const RejectionReasonSchema = z.enum(Object.values(RejectionReason));

/** Where an S3 object lives. `versionId` is absent on unversioned buckets. */
const ObjectRefSchema = z.object({
  bucket: z.string().min(1),
  key: z.string().min(1),
  versionId: z.string().optional(),
});

type TopicId = z.infer<typeof TopicIdSchema>;
type TopicScore = z.infer<typeof TopicScoreSchema>;
type LanguageShare = z.infer<typeof LanguageShareSchema>;
type ObjectRef = z.infer<typeof ObjectRefSchema>;
type TextEncodingName = z.infer<typeof TextEncodingSchema>;
type IngestStatusName = z.infer<typeof IngestStatusSchema>;
type RejectionReasonCode = z.infer<typeof RejectionReasonSchema>;

export type {
  IngestStatusName,
  LanguageShare,
  ObjectRef,
  RejectionReasonCode,
  TextEncodingName,
  TopicId,
  TopicScore,
};
export {
  ContentHashSchema,
  IngestStatusSchema,
  IsoTimestampSchema,
  LanguageShareSchema,
  ObjectRefSchema,
  RejectionReasonSchema,
  SchemaVersionSchema,
  TextEncodingSchema,
  TopicIdSchema,
  TopicScoreSchema,
};
