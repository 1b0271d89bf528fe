import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { RejectionRecord } from '@doc-ingest/contracts';

/**
 * Records why an object version was refused. Idempotent: a redelivered
 * rejection keeps the first record and returns `already-recorded`.
 *
 * @example
 * await recordRejection(dynamodb, tableName, rejection);
 */
const recordRejection = async (
  client: DynamoDBClient,
  tableName: string,
  record: RejectionRecord,
): Promise<'rejected' | 'already-recorded'> => {
  try {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall(record, { removeUndefinedValues: true }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'rejected';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'already-recorded';
    throw error;
  }
};

export { recordRejection };
