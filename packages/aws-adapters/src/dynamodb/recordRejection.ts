import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { RejectionReason, type RejectionRecord } from '@doc-ingest/contracts';

/**
 * Records why an object version was refused. Idempotent: a redelivered
 * rejection keeps the first record and returns `already-recorded`. The one
 * exception is `unreadable`, a verdict on access rather than on content: once
 * the object can be read (after a redrive or a backfill), the content's own
 * rejection replaces it.
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
        ...(record.reason === RejectionReason.UNREADABLE
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'attribute_not_exists(pk) OR reason = :unreadable',
              ExpressionAttributeValues: marshall({ ':unreadable': RejectionReason.UNREADABLE }),
            }),
      }),
    );
    return 'rejected';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'already-recorded';
    throw error;
  }
};

export { recordRejection };
