import * as z from 'zod/mini';
import { IngestStatus, ItemKind } from './constants.ts';
import {
  ContentHashSchema,
  DocumentFormatSchema,
  IsoTimestampSchema,
  SchemaVersionSchema,
  TextEncodingSchema,
} from './primitives.ts';

/**
 * One source object (bucket, key, version) that carried a document's content.
 * Written once per distinct object version; redelivery of the same
 * notification never writes a second one.
 */
const SourceRecordSchema = z.object({
  pk: z.string().check(z.startsWith('SOURCE#')),
  sk: z.string().check(z.startsWith('VERSION#')),
  gsi1pk: z.string().check(z.startsWith('DOC#')),
  gsi1sk: z.string().check(z.startsWith('SOURCE#')),
  kind: z.literal(ItemKind.SOURCE),
  schemaVersion: SchemaVersionSchema,
  bucket: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  versionId: z.optional(z.string()),
  eTag: z.optional(z.string()),
  /** Object size in bytes as stored. */
  size: z.int().check(z.nonnegative()),
  contentHash: ContentHashSchema,
  /** `new` for the object that created the document, `duplicate` otherwise. */
  status: z.enum([IngestStatus.NEW, IngestStatus.DUPLICATE]),
  encoding: TextEncodingSchema,
  /** What the object was read as: `text`, `html` or `feed` (since 1.3; absent before: text). */
  format: z.optional(DocumentFormatSchema),
  /** `NNN` of a `NNN_<16 hex>.txt` key, when the key has that shape. */
  sourceIndex: z.optional(z.int().check(z.nonnegative())),
  /** The 16 hex of such a key: a hint from the uploader, never used for dedupe. */
  declaredHash: z.optional(z.string()),
  /** Whether `declaredHash` is a prefix of the computed content hash. */
  declaredHashMatches: z.optional(z.boolean()),
  receivedAt: IsoTimestampSchema,
  /**
   * When S3 reported this object version deleted, or hidden by a delete
   * marker (schema 1.3+). The source stays as history; it no longer counts
   * in its document's `liveSourceCount`.
   */
  deletedAt: z.optional(IsoTimestampSchema),
});

type SourceRecord = z.infer<typeof SourceRecordSchema>;

export type { SourceRecord };
export { SourceRecordSchema };
