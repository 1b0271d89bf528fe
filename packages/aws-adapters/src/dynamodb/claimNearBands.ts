import {
  type DynamoDBClient,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { NearBandRecord } from '@doc-ingest/contracts';
import { AdapterError, TransientDependencyError } from '../errors.ts';

/** What a claim did: every band written, or none and the bands another document owns. */
interface BandClaim {
  /** Partition keys of the bands that already had an owner: nothing was written. */
  lost: string[];
}

// TransactWriteItems takes at most 100 items; a fingerprint has 8 bands (32 before v3).
const MAX_BANDS = 100;
const MAX_ATTEMPTS = 5;

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * (0.5 + Math.random())));

/**
 * Claims bands for a canonical document, all or none, each conditional on
 * having no owner. All or none is what makes a race of two copies of one
 * article end with one canonical: of two transactions over shared bands
 * DynamoDB commits one, and the other learns which bands it lost and can
 * compare itself with their owner. Per-band writes could split the shared
 * bands between the two, and each would then see the other as the owner.
 *
 * Returns the bands already owned (nothing written then); a transaction
 * conflict with a concurrent claim is retried here with jittered backoff,
 * then reported as a `TransientDependencyError`.
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
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: bands.map((band) => ({
            Put: {
              TableName: tableName,
              Item: marshall(band, { removeUndefinedValues: true }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
        }),
      );
      return { lost: [] };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
      const lost = bands.filter((_, index) => codes[index] === 'ConditionalCheckFailed');
      if (lost.length > 0) return { lost: lost.map((band) => band.pk) };
      if (attempt >= MAX_ATTEMPTS) {
        throw new TransientDependencyError(`band claim cancelled: ${codes.join(', ')}`, {
          cause: error,
        });
      }
      await pause(attempt);
    }
  }
};

export type { BandClaim };
export { claimNearBands };
