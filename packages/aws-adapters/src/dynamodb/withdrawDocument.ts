import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DOCUMENT_SORT_KEY, documentPartitionKey } from '@doc-ingest/contracts';

/**
 * Sets `withdrawnAt` on a document whose live sources reached zero: a MODIFY
 * on the stream that tells consumers no object carries the content any more.
 * Conditional on the count being zero and the mark absent, so it is safe to
 * call after every source deletion, including redeliveries and retries after
 * a crash between the decrement and this write. Returns whether it wrote.
 *
 * @example
 * if (await withdrawDocument(dynamodb, tableName, contentHash, now)) log('withdrawn');
 */
const withdrawDocument = async (
  client: DynamoDBClient,
  tableName: string,
  contentHash: string,
  now: string,
): Promise<boolean> => {
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: marshall({ pk: documentPartitionKey(contentHash), sk: DOCUMENT_SORT_KEY }),
        UpdateExpression: 'SET withdrawnAt = :now, updatedAt = :now',
        ConditionExpression:
          'attribute_exists(pk) AND liveSourceCount <= :zero AND attribute_not_exists(withdrawnAt)',
        ExpressionAttributeValues: marshall({ ':now': now, ':zero': 0 }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

export { withdrawDocument };
