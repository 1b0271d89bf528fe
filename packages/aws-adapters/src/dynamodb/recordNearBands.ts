import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { NearBandRecord } from '@doc-ingest/contracts';
import { TransientDependencyError } from '../errors.ts';

// BatchWriteItem takes at most 25 requests per call.
const MAX_BATCH = 25;
const MAX_ATTEMPTS = 5;

/**
 * Writes a canonical document's claims on the bands that had no owner when it
 * was looked up. Plain puts, so writing them again after a retry changes
 * nothing. Unprocessed items are retried a few times, then reported as a
 * transient failure so the message is retried.
 *
 * Two distinct documents racing for one band both put, and the last writer
 * owns it. BatchWriteItem takes no conditions, and a conditional PutItem per
 * band would cost up to 32 requests per document. The loss is small: a band
 * only routes candidates to a comparison, both racers are canonical, and the
 * loser keeps its other bands, so a later copy of it is missed only if it
 * shares no band the loser owns, which is what an LSH miss costs anyway.
 *
 * @example
 * await recordNearBands(dynamodb, tableName, bandsToClaim);
 */
const recordNearBands = async (
  client: DynamoDBClient,
  tableName: string,
  bands: NearBandRecord[],
): Promise<void> => {
  for (let start = 0; start < bands.length; start += MAX_BATCH) {
    let pending: WriteRequest[] = bands
      .slice(start, start + MAX_BATCH)
      .map((band) => ({ PutRequest: { Item: marshall(band) } }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new TransientDependencyError(`${pending.length} near-duplicate bands unwritten`);
      }
      const response = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = response.UnprocessedItems?.[tableName] ?? [];
      if (pending.length > 0)
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
};

export { recordNearBands };
