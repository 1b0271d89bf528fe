import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DOCUMENT_SORT_KEY, documentPartitionKey } from '@doc-ingest/contracts';
import type { SourceDeletion, SourceOfKey } from '@doc-ingest/ingestion';
import { TransientDependencyError } from '../errors.ts';

const MARK_SOURCE = 'SET deletedAt = :now';
const UNMARKED = 'attribute_exists(pk) AND attribute_not_exists(deletedAt)';

/**
 * Marks one source deleted and decrements its document's `liveSourceCount` in
 * one transaction, conditional on the source not being marked yet, so a
 * redelivered delete never counts twice. A document written before schema 1.3
 * has no `liveSourceCount`: its `sourceCount` stands for it. A source whose
 * document was purged is marked alone.
 *
 * @example
 * const outcome = await markSourceDeleted(dynamodb, tableName, source, now);
 */
const markSourceDeleted = async (
  client: DynamoDBClient,
  tableName: string,
  source: Pick<SourceOfKey, 'pk' | 'sk' | 'contentHash'>,
  now: string,
): Promise<SourceDeletion> => {
  const markSource = {
    TableName: tableName,
    Key: marshall({ pk: source.pk, sk: source.sk }),
    UpdateExpression: MARK_SOURCE,
    ConditionExpression: UNMARKED,
    ExpressionAttributeValues: marshall({ ':now': now }),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
  try {
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Update: markSource },
          {
            Update: {
              TableName: tableName,
              Key: marshall({
                pk: documentPartitionKey(source.contentHash),
                sk: DOCUMENT_SORT_KEY,
              }),
              UpdateExpression:
                'SET liveSourceCount = if_not_exists(liveSourceCount, sourceCount) - :one, ' +
                'updatedAt = :now',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: marshall({ ':one': 1, ':now': now }),
            },
          },
        ],
      }),
    );
    return 'deleted';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [sourceReason, documentReason] = error.CancellationReasons ?? [];
    if (sourceReason?.Code === 'ConditionalCheckFailed') {
      return sourceReason.Item === undefined ? 'source-gone' : 'already-deleted';
    }
    if (documentReason?.Code !== 'ConditionalCheckFailed') {
      throw new TransientDependencyError('marking a source deleted was cancelled', {
        cause: error,
      });
    }
  }
  // The document is gone (purged): the source still records the delete.
  try {
    await client.send(new UpdateItemCommand(markSource));
    return 'deleted';
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return error.Item === undefined ? 'source-gone' : 'already-deleted';
  }
};

export { markSourceDeleted };
