import {
  type AttributeValue,
  BatchGetItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { AdapterError } from '../errors.ts';

type Key = Record<string, AttributeValue>;

interface KeysRead {
  items: Record<string, AttributeValue>[];
  /** Keys still unprocessed after the last attempt: neither found nor known to be absent. */
  unread: Key[];
}

// BatchGetItem reads at most 100 keys per call.
const MAX_KEYS = 100;
const MAX_ATTEMPTS = 4;

/**
 * Reads up to 100 keys of one table in one BatchGetItem (eventually
 * consistent unless `consistentRead`). DynamoDB may leave keys unprocessed (throttling, response size)
 * and the SDK does not retry them: they are requested again with exponential
 * backoff a few times, and whatever is still unprocessed is returned as
 * `unread` for the caller to judge, not thrown.
 *
 * @example
 * const { items, unread } = await batchGetKeys(dynamodb, tableName, keys, 'pk, contentHash');
 */
const batchGetKeys = async (
  client: DynamoDBClient,
  tableName: string,
  keys: Key[],
  projection: string,
  consistentRead = false,
  /** Placeholders of the projection for reserved words (`#language`). */
  names?: Record<string, string>,
): Promise<KeysRead> => {
  if (keys.length > MAX_KEYS) {
    throw new AdapterError(`BatchGetItem reads at most ${MAX_KEYS} keys, got ${keys.length}`);
  }
  const items: Key[] = [];
  let pending = keys;
  for (let attempt = 1; pending.length > 0 && attempt <= MAX_ATTEMPTS; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    const response = await client.send(
      new BatchGetItemCommand({
        RequestItems: {
          [tableName]: {
            Keys: pending,
            ProjectionExpression: projection,
            ...(consistentRead ? { ConsistentRead: true } : {}),
            ...(names === undefined ? {} : { ExpressionAttributeNames: names }),
          },
        },
      }),
    );
    items.push(...(response.Responses?.[tableName] ?? []));
    pending = response.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return { items, unread: pending };
};

export type { KeysRead };
export { batchGetKeys };
