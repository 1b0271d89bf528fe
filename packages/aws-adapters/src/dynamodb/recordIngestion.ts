import {
  type DynamoDBClient,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type {
  IngestionItems,
  IngestionOutcome,
  RecordIngestionOptions,
} from '@doc-ingest/ingestion';
import { TransientDependencyError } from '../errors.ts';

const NOT_EXISTS = 'attribute_not_exists(pk)';

const toItem = (record: object) =>
  marshall(record, { removeUndefinedValues: true, convertClassInstanceToMap: false });

const put = (tableName: string, record: object, condition?: string): TransactWriteItem => ({
  Put: {
    TableName: tableName,
    Item: toItem(record),
    ...(condition === undefined ? {} : { ConditionExpression: condition }),
  },
});

/** Cancellation reasons, in the order of the transaction's items. */
const cancellationCodes = (error: TransactionCanceledException): string[] =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');

const runTransaction = async (
  client: DynamoDBClient,
  items: TransactWriteItem[],
): Promise<string[] | undefined> => {
  try {
    await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
    return undefined;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const codes = cancellationCodes(error);
    const onlyConditions = codes.every(
      (code) => code === 'None' || code === 'ConditionalCheckFailed',
    );
    if (!onlyConditions) {
      throw new TransientDependencyError(`transaction cancelled: ${codes.join(', ')}`, {
        cause: error,
      });
    }
    return codes;
  }
};

const addDuplicateSource = async (
  client: DynamoDBClient,
  tableName: string,
  items: IngestionItems,
  now: string,
): Promise<IngestionOutcome> => {
  const codes = await runTransaction(client, [
    put(tableName, items.duplicateSource, NOT_EXISTS),
    {
      Update: {
        TableName: tableName,
        Key: toItem({ pk: items.document.pk, sk: items.document.sk }),
        // A document from before schema 1.3 has no liveSourceCount: all its
        // sources were live. A withdrawn document comes back with this source.
        UpdateExpression:
          'SET sourceCount = sourceCount + :one, ' +
          'liveSourceCount = if_not_exists(liveSourceCount, sourceCount) + :one, ' +
          'updatedAt = :now REMOVE withdrawnAt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: toItem({ ':one': 1, ':now': now }),
      },
    },
  ]);
  if (codes === undefined) return 'duplicate';
  if (codes[0] === 'ConditionalCheckFailed') return 'already-recorded';
  // The document vanished between the two transactions: only a manual delete
  // does that. Failing the record lets the retry create it again.
  throw new TransientDependencyError(
    `document ${items.document.contentHash} disappeared while adding a source`,
  );
};

/**
 * Writes one ingested object so that exactly one document exists per content
 * hash and every distinct object version is recorded once, whatever the
 * number of concurrent or repeated deliveries:
 *
 * 1. one transaction puts the document, its first source and its topic
 *    memberships, each conditional on not existing yet;
 * 2. if only the document existed, a second transaction records the source
 *    as a duplicate and increments the document's `sourceCount` and
 *    `liveSourceCount` (reviving it if it was withdrawn);
 * 3. if the source existed, this is a redelivery and nothing is written.
 *
 * With `documentExists` (the caller has just read the document), step 1 is
 * skipped: it could only be cancelled, at the price of a request and the write
 * capacity of every item in it. A wrong `true` is safe: step 2 then finds no
 * document and throws `TransientDependencyError`, so the retry goes through step 1.
 *
 * Throws `TransientDependencyError` on transaction conflicts so the caller
 * can retry; other SDK errors propagate as they are.
 *
 * @example
 * const outcome = await recordIngestion(dynamodb, tableName, items, new Date().toISOString());
 */
const recordIngestion = async (
  client: DynamoDBClient,
  tableName: string,
  items: IngestionItems,
  now: string,
  options: RecordIngestionOptions = {},
): Promise<IngestionOutcome> => {
  if (options.documentExists === true) return addDuplicateSource(client, tableName, items, now);
  const codes = await runTransaction(client, [
    put(tableName, items.document, NOT_EXISTS),
    put(tableName, items.newSource, NOT_EXISTS),
    ...items.topics.map((topic) => put(tableName, topic, NOT_EXISTS)),
  ]);
  if (codes === undefined) return 'new';
  if (codes[1] === 'ConditionalCheckFailed') return 'already-recorded';
  return addDuplicateSource(client, tableName, items, now);
};

export { recordIngestion };
