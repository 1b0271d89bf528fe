import {
  type DynamoDBClient,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import {
  type DocumentRecord,
  type TopicRecord,
  type TopicScore,
  topicSortKey,
} from '@doc-ingest/contracts';

interface TopicUpdate {
  topics: TopicScore[];
  taxonomyVersion: string;
  /** Membership items of the new topics (see the core's record builders). */
  topicItems: TopicRecord[];
  now: string;
}

/**
 * Replaces a document's topics and taxonomy version in one transaction:
 * updates the document (a MODIFY on the stream), puts the new topic items and
 * deletes those of topics it lost. Conditional on the document still having
 * the version it was read with, so a concurrent or repeated run changes it
 * once; returns `false` when that condition failed.
 *
 * @example
 * const updated = await updateDocumentTopics(dynamodb, table, doc, { topics, taxonomyVersion, topicItems, now });
 */
const updateDocumentTopics = async (
  client: DynamoDBClient,
  tableName: string,
  document: DocumentRecord,
  update: TopicUpdate,
): Promise<boolean> => {
  const kept = new Set(update.topics.map((topic) => topic.id));
  const removed = document.topics.filter((topic) => !kept.has(topic.id));
  const items: TransactWriteItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: marshall({ pk: document.pk, sk: document.sk }),
        UpdateExpression:
          'SET topics = :topics, taxonomyVersion = :version, updatedAt = :now, reclassifiedAt = :now',
        ConditionExpression: 'taxonomyVersion = :read',
        ExpressionAttributeValues: marshall({
          ':topics': update.topics,
          ':version': update.taxonomyVersion,
          ':now': update.now,
          ':read': document.taxonomyVersion,
        }),
      },
    },
    ...update.topicItems.map((item) => ({
      Put: { TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }) },
    })),
    ...removed.map((topic) => ({
      Delete: {
        TableName: tableName,
        Key: marshall({ pk: document.pk, sk: topicSortKey(topic.id) }),
      },
    })),
  ];
  try {
    await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    const codes = error instanceof TransactionCanceledException ? error.CancellationReasons : [];
    if (codes?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw error;
  }
};

export type { TopicUpdate };
export { updateDocumentTopics };
