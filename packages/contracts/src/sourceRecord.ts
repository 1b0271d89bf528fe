import { z } from 'zod';
import { IngestStatus, ItemKind } from './constants.ts';
import {
  ContentHashSchema,
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
  pk: z.string().startsWith('SOURCE#'),
  sk: z.string().startsWith('VERSION#'),
  gsi1pk: z.string().startsWith('DOC#'),
  gsi1sk: z.string().startsWith('SOURCE#'),
  kind: z.literal(ItemKind.SOURCE),
  schemaVersion: SchemaVersionSchema,
  bucket: z.string().min(1),
  key: z.string().min(1),
  versionId: z.string().optional(),
  eTag: z.string().optional(),
  /** Object size in bytes as stored. */
  size: z.number().int().nonnegative(),
  contentHash: ContentHashSchema,
  /** `new` for the object that created the document, `duplicate` otherwise. */
  status: z.enum([IngestStatus.NEW, IngestStatus.DUPLICATE]),
  encoding: TextEncodingSchema,
  /** `NNN` of a `NNN_<16 hex>.txt` key, when the key has that shape. */
  sourceIndex: z.number().int().nonnegative().optional(),
  /** The 16 hex of such a key: a hint from the uploader, never used for dedupe. */
  declaredHash: z.string().optional(),
  /** Whether `declaredHash` is a prefix of the computed content hash. */
  declaredHashMatches: z.boolean().optional(),
  receivedAt: IsoTimestampSchema,
});

type SourceRecord = z.infer<typeof SourceRecordSchema>;

export type { SourceRecord };
export { SourceRecordSchema };
