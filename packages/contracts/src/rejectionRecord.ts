import * as z from 'zod/mini';
import { ItemKind } from './constants.ts';
import { IsoTimestampSchema, RejectionReasonSchema, SchemaVersionSchema } from './primitives.ts';

/** An object the pipeline refused, with a stable reason code and a human detail. */
const RejectionRecordSchema = z.object({
  pk: z.string().check(z.startsWith('REJECTION#')),
  sk: z.string().check(z.startsWith('VERSION#')),
  gsi1pk: z.string().check(z.startsWith('REJECTION#')),
  gsi1sk: z.string(),
  kind: z.literal(ItemKind.REJECTION),
  schemaVersion: SchemaVersionSchema,
  bucket: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  versionId: z.optional(z.string()),
  size: z.int().check(z.nonnegative()),
  reason: RejectionReasonSchema,
  detail: z.string(),
  /** The AWS error code of an `unreadable` object, e.g. `AccessDenied` (schema 1.3+). */
  errorCode: z.optional(z.string()),
  /** ETag of the object as announced or read, when known (schema 1.3+). */
  eTag: z.optional(z.string()),
  rejectedAt: IsoTimestampSchema,
});

type RejectionRecord = z.infer<typeof RejectionRecordSchema>;

export type { RejectionRecord };
export { RejectionRecordSchema };
