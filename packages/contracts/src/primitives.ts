import * as z from 'zod/mini';
import {
  DocumentFormat,
  IngestStatus,
  RejectionReason,
  SCHEMA_MAJOR,
  TextEncoding,
} from './constants.ts';
import { TaxonomyTopicIdSchema } from './taxonomyFile.ts';

const ContentHashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'));

const IsoTimestampSchema = z.iso.datetime({ offset: true });

/** `<major>.<minor>`: minor versions only add optional fields, so any minor of our major parses. */
const SchemaVersionSchema = z
  .string()
  .check(z.regex(new RegExp(`^${SCHEMA_MAJOR}\\.\\d+$`), `schema version ${SCHEMA_MAJOR}.x`));

/** A topic id of the deployed taxonomy (any taxonomy: ids are data, see `TaxonomyFileSchema`). */
const TopicIdSchema = TaxonomyTopicIdSchema;

const TopicScoreSchema = z.object({
  id: TopicIdSchema,
  /** 0..1, comparable across documents; the record keeps topics at or above the taxonomy threshold. */
  score: z.number().check(z.gte(0), z.lte(1)),
  /** Matched taxonomy terms (stems or phrases) that explain the score, strongest first. */
  terms: z.array(z.string()),
});

const LanguageShareSchema = z.object({
  /** ISO 639-1 code (ISO 639-3 for a language without one, e.g. `ceb`), or `und` when undetermined. */
  code: z.string().check(z.minLength(2), z.maxLength(3)),
  /** Share of the document's characters in this language, 0..1. */
  share: z.number().check(z.gte(0), z.lte(1)),
});

const TextEncodingSchema = z.enum(Object.values(TextEncoding));
const DocumentFormatSchema = z.enum(Object.values(DocumentFormat));
const IngestStatusSchema = z.enum(Object.values(IngestStatus));
const RejectionReasonSchema = z.enum(Object.values(RejectionReason));

/** Where an S3 object lives. `versionId` is absent on unversioned buckets. */
const ObjectRefSchema = z.object({
  bucket: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  versionId: z.optional(z.string()),
});

/** A stored MinHash fingerprint: parameters version, base64 signature, shingle count. */
const FingerprintSchema = z.object({
  version: z.string().check(z.minLength(1)),
  signature: z.string().check(z.minLength(1)),
  shingleCount: z.int().check(z.nonnegative()),
});

/** The canonical document a near-duplicate copies, and how similar the bodies are (0..1). */
const NearDuplicateRefSchema = z.object({
  contentHash: ContentHashSchema,
  similarity: z.number().check(z.gte(0), z.lte(1)),
});

type TopicId = z.infer<typeof TopicIdSchema>;
type TopicScore = z.infer<typeof TopicScoreSchema>;
type LanguageShare = z.infer<typeof LanguageShareSchema>;
type ObjectRef = z.infer<typeof ObjectRefSchema>;
type StoredFingerprint = z.infer<typeof FingerprintSchema>;
type NearDuplicateRef = z.infer<typeof NearDuplicateRefSchema>;
type TextEncodingName = z.infer<typeof TextEncodingSchema>;
type DocumentFormatName = z.infer<typeof DocumentFormatSchema>;
type IngestStatusName = z.infer<typeof IngestStatusSchema>;
type RejectionReasonCode = z.infer<typeof RejectionReasonSchema>;

export type {
  DocumentFormatName,
  IngestStatusName,
  LanguageShare,
  NearDuplicateRef,
  ObjectRef,
  RejectionReasonCode,
  StoredFingerprint,
  TextEncodingName,
  TopicId,
  TopicScore,
};
export {
  ContentHashSchema,
  DocumentFormatSchema,
  FingerprintSchema,
  IngestStatusSchema,
  IsoTimestampSchema,
  LanguageShareSchema,
  NearDuplicateRefSchema,
  ObjectRefSchema,
  RejectionReasonSchema,
  SchemaVersionSchema,
  TextEncodingSchema,
  TopicIdSchema,
  TopicScoreSchema,
};
