import { z } from 'zod';
import { ItemKind } from './constants.ts';
import { ContentHashSchema, SchemaVersionSchema } from './primitives.ts';

/**
 * One LSH band of a canonical document's fingerprint. Documents sharing a
 * band key are near-duplicate candidates; the writer queries the band keys of
 * a new document to find them. Near-duplicates themselves are not indexed, so
 * a copy always points at the canonical document.
 */
const NearBandRecordSchema = z.object({
  pk: z.string().startsWith('NEAR#'),
  sk: z.string().startsWith('DOC#'),
  kind: z.literal(ItemKind.NEAR_BAND),
  schemaVersion: SchemaVersionSchema,
  contentHash: ContentHashSchema,
  fingerprintVersion: z.string().min(1),
});

type NearBandRecord = z.infer<typeof NearBandRecordSchema>;

export type { NearBandRecord };
export { NearBandRecordSchema };
