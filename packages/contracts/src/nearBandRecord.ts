import * as z from 'zod/mini';
import { ItemKind } from './constants.ts';
import { NEAR_BAND_SORT_KEY } from './keys.ts';
import { ContentHashSchema, FingerprintSchema, SchemaVersionSchema } from './primitives.ts';

/**
 * The owner of one LSH band: the first canonical document that claimed the
 * band key, with a copy of its fingerprint. A new document reads the owners
 * of its bands in one request and compares itself with them, without reading
 * the owners' documents. Near-duplicates never claim a band, so a copy always
 * points at a canonical document.
 *
 * Schema 1.1 wrote one item per document and band (`sk = DOC#<hash>`, no
 * fingerprint); writers from 1.2 on no longer read them, readers still parse them.
 */
const NearBandRecordSchema = z.object({
  pk: z.string().check(z.startsWith('NEAR#')),
  /** `OWNER` (1.2+), or `DOC#<hash>` on a 1.1 item. */
  sk: z.union([z.literal(NEAR_BAND_SORT_KEY), z.string().check(z.startsWith('DOC#'))]),
  kind: z.literal(ItemKind.NEAR_BAND),
  schemaVersion: SchemaVersionSchema,
  contentHash: ContentHashSchema,
  fingerprintVersion: z.string().check(z.minLength(1)),
  /** The owner's stored fingerprint, as on its document item (1.2+). */
  fingerprint: z.optional(FingerprintSchema),
});

type NearBandRecord = z.infer<typeof NearBandRecordSchema>;

export type { NearBandRecord };
export { NearBandRecordSchema };
