import { BatchGetItemCommand, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DOCUMENT_SORT_KEY,
  documentPartitionKey,
  FingerprintSchema,
  nearBandPartitionKey,
  type StoredFingerprint,
} from '@doc-ingest/contracts';

// BatchGetItem reads at most 100 keys per call; candidates beyond that are noise.
const MAX_CANDIDATES = 100;

const hashesInBand = async (
  client: DynamoDBClient,
  tableName: string,
  pk: string,
): Promise<string[]> => {
  const response = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: pk } },
      ProjectionExpression: 'contentHash',
    }),
  );
  return (response.Items ?? []).map((item) => String(unmarshall(item).contentHash));
};

/**
 * Canonical documents that share at least one LSH band with a new document,
 * with their stored fingerprints, read from the band items and then the
 * documents themselves. The caller decides which one, if any, is the original.
 *
 * @example
 * const candidates = await findNearDuplicateCandidates(dynamodb, table, version, fp.bandKeys, hash);
 */
const findNearDuplicateCandidates = async (
  client: DynamoDBClient,
  tableName: string,
  fingerprintVersion: string,
  bandKeys: string[],
  ownHash: string,
): Promise<{ contentHash: string; fingerprint: StoredFingerprint }[]> => {
  const perBand = await Promise.all(
    bandKeys.map((key) =>
      hashesInBand(client, tableName, nearBandPartitionKey(fingerprintVersion, key)),
    ),
  );
  const hashes = [...new Set(perBand.flat())].filter((hash) => hash !== ownHash);
  if (hashes.length === 0) return [];
  const response = await client.send(
    new BatchGetItemCommand({
      RequestItems: {
        [tableName]: {
          Keys: hashes.slice(0, MAX_CANDIDATES).map((hash) => ({
            pk: { S: documentPartitionKey(hash) },
            sk: { S: DOCUMENT_SORT_KEY },
          })),
          ProjectionExpression: 'contentHash, fingerprint',
        },
      },
    }),
  );
  // A candidate whose document is unreadable right now is simply not compared.
  return (response.Responses?.[tableName] ?? []).flatMap((item) => {
    const plain = unmarshall(item);
    const fingerprint = FingerprintSchema.safeParse(plain.fingerprint);
    return fingerprint.success
      ? [{ contentHash: String(plain.contentHash), fingerprint: fingerprint.data }]
      : [];
  });
};

export { findNearDuplicateCandidates };
