import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DOCUMENT_SORT_KEY,
  documentPartitionKey,
  FingerprintSchema,
  NEAR_BAND_SORT_KEY,
  NearDuplicateRefSchema,
  nearBandPartitionKey,
  ObjectRefSchema,
} from '@doc-ingest/contracts';
import type { ContentLookup, ContentToLookUp } from '@doc-ingest/ingestion';
import { batchGetKeys } from './batchGetKeys.ts';

/** Where documents and band owners live (schema 1.4+: two tables, the index off the stream). */
interface ContentTables {
  /** The document table. */
  documents: string;
  /** The near-duplicate index table: band owner items. */
  nearIndex: string;
}

const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });

/**
 * Reads, in two BatchGetItems at once (one per table), whether a content is
 * stored already and which canonical documents own its LSH bands, with the
 * fingerprints the band items carry. An owner that cannot be read is not compared and its band is not
 * reported unclaimed; a document that cannot be read is reported absent.
 *
 * @example
 * const known = await lookUpContent(dynamodb, table, { contentHash, fingerprintVersion, bandKeys });
 */
const lookUpContent = async (
  client: DynamoDBClient,
  tables: ContentTables,
  content: ContentToLookUp,
): Promise<ContentLookup> => {
  const documentPk = documentPartitionKey(content.contentHash);
  const bandPks = content.bandKeys.map((bandKey) =>
    nearBandPartitionKey(content.fingerprintVersion, bandKey),
  );
  const consistent = content.consistentRead === true;
  const [documents, bands] = await Promise.all([
    batchGetKeys(
      client,
      tables.documents,
      [key(documentPk, DOCUMENT_SORT_KEY)],
      'pk, nearDuplicateOf, firstSource',
      consistent,
    ),
    batchGetKeys(
      client,
      tables.nearIndex,
      bandPks.map((pk) => key(pk, NEAR_BAND_SORT_KEY)),
      'pk, contentHash, fingerprint',
      consistent,
    ),
  ]);
  const items = [...documents.items, ...bands.items];
  const unread = bands.unread;

  const lookup: ContentLookup = { candidates: [], unclaimedBands: new Set(bandPks) };
  for (const unreadKey of unread) lookup.unclaimedBands.delete(String(unreadKey.pk?.S));
  const compared = new Set([content.contentHash]);
  for (const item of items.map((raw) => unmarshall(raw))) {
    if (item.pk === documentPk) {
      const mark = NearDuplicateRefSchema.safeParse(item.nearDuplicateOf);
      const first = ObjectRefSchema.safeParse(item.firstSource);
      lookup.existing = {
        ...(mark.success ? { nearDuplicateOf: mark.data } : {}),
        ...(first.success ? { firstSource: first.data } : {}),
      };
      continue;
    }
    lookup.unclaimedBands.delete(String(item.pk));
    const owner = String(item.contentHash);
    const fingerprint = FingerprintSchema.safeParse(item.fingerprint);
    if (compared.has(owner) || !fingerprint.success) continue;
    compared.add(owner);
    lookup.candidates.push({ contentHash: owner, fingerprint: fingerprint.data });
  }
  return lookup;
};

export type { ContentTables };
export { lookUpContent };
