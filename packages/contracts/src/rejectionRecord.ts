import { z } from 'zod';
import { ItemKind } from './constants.ts';
import { IsoTimestampSchema, RejectionReasonSchema, SchemaVersionSchema } from './primitives.ts';

/** An object the pipeline refused, with a stable reason code and a human detail. */
const RejectionRecordSchema = z.object({
  pk: z.string().startsWith('REJECTION#'),
  sk: z.string().startsWith('VERSION#'),
  gsi1pk: z.string().startsWith('REJECTION#'),
  gsi1sk: z.string(),
  kind: z.literal(ItemKind.REJECTION),
  schemaVersion: SchemaVersionSchema,
  bucket: z.string().min(1),
  key: z.string().min(1),
  versionId: z.string().optional(),
  size: z.number().int().nonnegative(),
  reason: RejectionReasonSchema,
  detail: z.string(),
  rejectedAt: IsoTimestampSchema,
});

type RejectionRecord = z.infer<typeof RejectionRecordSchema>;

export type { RejectionRecord };
export { RejectionRecordSchema };
