import {
  type DocumentRecord,
  ItemKind,
  NEAR_BAND_SORT_KEY,
  type NearBandRecord,
  nearBandPartitionKey,
  SCHEMA_VERSION,
} from '@doc-ingest/contracts';
import { FINGERPRINT_VERSION } from '../similarity/fingerprintDocument.ts';
import { BAND_LAYOUTS, bandKeysOfVersion } from '../similarity/lshBands.ts';
import { MIN_SHINGLES } from '../similarity/nearDuplicate.ts';
import { parseSignature } from '../similarity/signatureCodec.ts';

/**
 * The band owner items of the current fingerprint version for a document
 * already stored, built from its stored signature alone: how a canonical
 * document indexed under an earlier layout (v2: 32 bands of 4 rows) is
 * indexed again after an upgrade, without reading its text. None for a
 * near-duplicate (copies own no band), a document without a fingerprint, a
 * fingerprint of other shingles or signature, or a text too short to compare.
 * The owner items carry the stored fingerprint as it is: v2 and v3 signatures
 * compare.
 *
 * @example
 * const bands = nearBandsOfStoredDocument(document); // 8 items, or []
 */
const nearBandsOfStoredDocument = (document: DocumentRecord): NearBandRecord[] => {
  const { fingerprint } = document;
  if (document.nearDuplicateOf !== undefined || fingerprint === undefined) return [];
  if (!Object.hasOwn(BAND_LAYOUTS, fingerprint.version)) return [];
  if (fingerprint.shingleCount < MIN_SHINGLES) return [];
  const signature = parseSignature(fingerprint.signature);
  if (signature === undefined) return [];
  return bandKeysOfVersion(FINGERPRINT_VERSION, signature).map((bandKey) => ({
    pk: nearBandPartitionKey(FINGERPRINT_VERSION, bandKey),
    sk: NEAR_BAND_SORT_KEY,
    kind: ItemKind.NEAR_BAND,
    schemaVersion: SCHEMA_VERSION,
    contentHash: document.contentHash,
    fingerprintVersion: FINGERPRINT_VERSION,
    fingerprint,
  }));
};

export { nearBandsOfStoredDocument };
