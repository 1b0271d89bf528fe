import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { NearBandRecord } from '@doc-ingest/contracts';
import type { BandClaim } from '@doc-ingest/ingestion';
import { AdapterError } from '../errors.ts';
import { releaseNearBands } from './releaseNearBands.ts';

// A fingerprint has 8 bands (32 before fingerprint v3); the cap bounds a malformed call.
const MAX_BANDS = 100;

const byPartitionKey = (a: NearBandRecord, b: NearBandRecord): number =>
  a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0;

/**
 * Claims bands for a canonical document, all or none, with one conditional
 * `PutItem` per band in a fixed order (by partition key) instead of a
 * transaction, which costs twice the write units. Each put succeeds only
 * where the band has no owner or is already this content's (a redelivery
 * after a crash). At the first band another document owns, the bands this
 * call wrote are released (deleted where they still point to this content)
 * and that band is returned as lost.
 *
 * Why the fixed order keeps the near-duplicate race safe: two copies of one
 * article share some bands, and both claim their bands in the same order, so
 * both reach the first shared band before any other shared one. DynamoDB
 * gives it to one of them; the other stops there, releases what it wrote
 * (only bands the winner does not have) and learns which band it lost, so it
 * can compare itself with the owner and become its near-duplicate. The winner
 * then finds every later shared band free. This is lock ordering: as with the
 * transaction before it, two copies processed at once end with one canonical.
 * What a transaction gave and this does not: between a loser's put and its
 * release, a third document may see the loser as a band owner.
 *
 * A failure other than a lost band (throttling after the SDK's retries)
 * releases what was written, best effort, and is rethrown for the message
 * to be retried; a claim left behind by a crash belongs to this content and
 * is taken again by its redelivery.
 *
 * @example
 * const { lost } = await claimNearBands(dynamodb, tableName, items.nearBands);
 */
const claimNearBands = async (
  client: DynamoDBClient,
  tableName: string,
  bands: NearBandRecord[],
): Promise<BandClaim> => {
  if (bands.length === 0) return { lost: [] };
  if (bands.length > MAX_BANDS) {
    throw new AdapterError(`a claim takes at most ${MAX_BANDS} bands, got ${bands.length}`);
  }
  const written: string[] = [];
  const release = (contentHash: string) =>
    releaseNearBands(client, tableName, contentHash, written);
  for (const band of [...bands].sort(byPartitionKey)) {
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall(band, { removeUndefinedValues: true }),
          ConditionExpression: 'attribute_not_exists(pk) OR contentHash = :self',
          ExpressionAttributeValues: { ':self': { S: band.contentHash } },
        }),
      );
      written.push(band.pk);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        await release(band.contentHash);
        return { lost: [band.pk] };
      }
      await release(band.contentHash).catch(() => undefined);
      throw error;
    }
  }
  return { lost: [] };
};

export { claimNearBands };
