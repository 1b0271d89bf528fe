import * as z from 'zod/mini';
import { ItemKind } from './constants.ts';
import {
  ContentHashSchema,
  FingerprintSchema,
  IsoTimestampSchema,
  LanguageShareSchema,
  NearDuplicateRefSchema,
  ObjectRefSchema,
  SchemaVersionSchema,
  TopicScoreSchema,
} from './primitives.ts';

/**
 * The canonical record of one distinct content: exactly one per content hash,
 * however many source objects carried it.
 *
 * The normalized text is inline in `text` when it fits comfortably in a
 * DynamoDB item; larger texts live in S3 and `textLocation` points to them.
 */
const DocumentRecordSchema = z
  .object({
    pk: z.string().check(z.startsWith('DOC#')),
    sk: z.literal('DOCUMENT'),
    kind: z.literal(ItemKind.DOCUMENT),
    schemaVersion: SchemaVersionSchema,
    contentHash: ContentHashSchema,
    title: z.string(),
    /** ISO 639-1 code of the main language (ISO 639-3 for one without a 639-1 code), or `und`. */
    language: z.string().check(z.minLength(2), z.maxLength(3)),
    /** Every language with a noticeable share, main language first. */
    languages: z.array(LanguageShareSchema),
    /** Topics at or above the threshold, highest score first. */
    topics: z.array(TopicScoreSchema),
    taxonomyVersion: z.string().check(z.minLength(1)),
    text: z.optional(z.string()),
    textLocation: z.optional(ObjectRefSchema),
    /** UTF-8 byte length of the normalized text. */
    textBytes: z.int().check(z.nonnegative()),
    charCount: z.int().check(z.nonnegative()),
    /** What normalization did, e.g. `mojibake-repaired`, `boilerplate-removed:2`. */
    notes: z.array(z.string()),
    firstSource: ObjectRefSchema,
    /** MinHash fingerprint of the body (schema 1.1+), for near-duplicate lookups and re-checks. */
    fingerprint: z.optional(FingerprintSchema),
    /**
     * Set when this content is a republished copy of an earlier canonical
     * document (schema 1.1+): that document's hash and the body similarity.
     */
    nearDuplicateOf: z.optional(NearDuplicateRefSchema),
    /** Distinct source objects recorded for this content; incremented atomically. */
    sourceCount: z.int().check(z.positive()),
    /**
     * Recorded sources not deleted since (schema 1.3+; absent on older items,
     * where every source is live). Incremented and decremented atomically.
     */
    liveSourceCount: z.optional(z.int().check(z.nonnegative())),
    /**
     * When `liveSourceCount` reached zero: no object carries this content any
     * more (schema 1.3+). Removed again if a new object brings it back.
     */
    withdrawnAt: z.optional(IsoTimestampSchema),
    /**
     * When `ingest reclassify` last moved the document to a newer taxonomy
     * version (schema 1.4+); each such change is a `DocumentReclassified` event.
     */
    reclassifiedAt: z.optional(IsoTimestampSchema),
    createdAt: IsoTimestampSchema,
    updatedAt: IsoTimestampSchema,
  })
  .check(
    z.refine((doc) => (doc.text === undefined) !== (doc.textLocation === undefined), {
      message: 'a document has either inline text or a textLocation',
    }),
  );

type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

export type { DocumentRecord };
export { DocumentRecordSchema };
