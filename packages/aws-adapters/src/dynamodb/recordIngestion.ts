import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  PutItemCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DocumentRecord, SourceRecord, TopicRecord } from '@doc-ingest/contracts';
import type {
  IngestionItems,
  IngestionOutcome,
  RecordIngestionOptions,
} from '@doc-ingest/ingestion';
// The protocol alone, by its subpath: the package index would bring the core.
import { recordIngestionInSteps } from '@doc-ingest/ingestion/recordIngestionInSteps';
import { TransientDependencyError } from '../errors.ts';
import { batchGetKeys } from './batchGetKeys.ts';
import { findSourcesOfKey } from './findSourcesOfKey.ts';

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

/** Puts the document unless one exists; returns the stored one when it did. */
const createDocument = async (
  client: DynamoDBClient,
  tableName: string,
  document: DocumentRecord,
): Promise<DocumentRecord | undefined> => {
  try {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: toItem(document),
        ConditionExpression: NOT_EXISTS,
        // The stored item comes back with the refusal, for the same write units.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return undefined;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (error.Item !== undefined) return unmarshall(error.Item) as DocumentRecord;
    // An endpoint that does not return the item (older emulators): read it,
    // with the BatchGetItem the function is granted for its lookups.
    const { items: found } = await batchGetKeys(
      client,
      tableName,
      [toItem({ pk: document.pk, sk: document.sk })],
      'pk, contentHash, firstSource, createdAt, title, #language, topics, taxonomyVersion',
      true,
      { '#language': 'language' },
    );
    const [stored] = found;
    if (stored === undefined) {
      throw new TransientDependencyError(
        `document ${document.contentHash} disappeared while being created`,
      );
    }
    return unmarshall(stored) as DocumentRecord;
  }
};

const createItem = async (
  client: DynamoDBClient,
  tableName: string,
  item: SourceRecord | TopicRecord,
): Promise<boolean> => {
  try {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: toItem(item),
        ConditionExpression: NOT_EXISTS,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/**
 * Writes one ingested object so that exactly one document exists per content
 * hash and every distinct object version is recorded once, whatever the
 * number of concurrent or repeated deliveries, with the protocol of
 * `recordIngestionInSteps` (`@doc-ingest/ingestion`): the document, its
 * topics and its first source as single conditional `PutItem`s, in that
 * order (1 write unit per KB each instead of a transaction's 2), a run that
 * stopped between them repaired by its redelivery; a duplicate source and
 * its document's counters in one transaction. The document put returns the
 * stored document when it fails its condition
 * (`ReturnValuesOnConditionCheckFailure`), so telling a copy from a repair
 * costs no read; only a repair or a redelivery of a document's first object
 * reads the key's sources (one strongly consistent Query).
 *
 * With `documentExists` (the caller has just read the document, and it does
 * not name this object as its first source), the document put is skipped: it
 * could only fail, at the price of its write units. A wrong `true` is safe:
 * the duplicate transaction finds no document and throws
 * `TransientDependencyError`, so the retry creates it.
 *
 * Throws `TransientDependencyError` on transaction conflicts so the caller
 * can retry; other SDK errors propagate as they are.
 *
 * @example
 * const outcome = await recordIngestion(dynamodb, tableName, items, new Date().toISOString());
 */
const recordIngestion = (
  client: DynamoDBClient,
  tableName: string,
  items: IngestionItems,
  now: string,
  options: RecordIngestionOptions = {},
): Promise<IngestionOutcome> =>
  recordIngestionInSteps(
    {
      createDocument: (document) => createDocument(client, tableName, document),
      createItem: (item) => createItem(client, tableName, item),
      addDuplicateSource: (duplicate, at) => addDuplicateSource(client, tableName, duplicate, at),
      findSourcesOfKey: (ref) => findSourcesOfKey(client, tableName, ref),
    },
    items,
    now,
    options,
  );

export { recordIngestion };
