import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { NEAR_BAND_SORT_KEY } from '@doc-ingest/contracts';

/**
 * Deletes the band-owner items that point to one content, each conditional on
 * still pointing to it: a band another document owns is left alone. Returns
 * how many were deleted.
 *
 * @example
 * await releaseNearBands(dynamodb, tableName, contentHash, bandPartitionKeys);
 */
const releaseNearBands = async (
  client: DynamoDBClient,
  tableName: string,
  contentHash: string,
  bandPartitionKeys: string[],
): Promise<number> => {
  const results = await Promise.all(
    bandPartitionKeys.map(async (pk) => {
      try {
        await client.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: marshall({ pk, sk: NEAR_BAND_SORT_KEY }),
            ConditionExpression: 'contentHash = :hash',
            ExpressionAttributeValues: marshall({ ':hash': contentHash }),
          }),
        );
        return 1;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 0;
        throw error;
      }
    }),
  );
  return results.reduce<number>((sum, deleted) => sum + deleted, 0);
};

export { releaseNearBands };
