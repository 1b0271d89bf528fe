import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TransientDependencyError } from '../errors.ts';

// BatchWriteItem takes at most 25 requests per call.
const MAX_BATCH = 25;
const MAX_ATTEMPTS = 5;

/**
 * Deletes items by primary key in batches of 25, retrying unprocessed ones
 * with backoff. Deleting an absent item is not an error, so a rerun after a
 * partial failure finishes the job.
 *
 * @example
 * await deleteItems(dynamodb, tableName, [{ pk, sk }]);
 */
const deleteItems = async (
  client: DynamoDBClient,
  tableName: string,
  keys: { pk: string; sk: string }[],
): Promise<number> => {
  for (let start = 0; start < keys.length; start += MAX_BATCH) {
    let pending: WriteRequest[] = keys
      .slice(start, start + MAX_BATCH)
      .map((key) => ({ DeleteRequest: { Key: marshall({ pk: key.pk, sk: key.sk }) } }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new TransientDependencyError(`${pending.length} deletes left unprocessed`);
      }
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const response = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = response.UnprocessedItems?.[tableName] ?? [];
    }
  }
  return keys.length;
};

export { deleteItems };
