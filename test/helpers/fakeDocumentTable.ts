import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  ConditionalCheckFailedException,
  DynamoDBClient,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

/*
 * An in-memory stand-in for the document table, for handler tests that run
 * without LocalStack. It honours only what the writers use: Put with
 * attribute_not_exists(pk), Update with attribute_exists(pk) and ADD of a
 * counter, all-or-nothing transactions, Query by partition key, BatchGetItem
 * and BatchWriteItem puts. The LocalStack suite checks the same
 * behaviour against DynamoDB Local.
 */
const fakeDocumentTable = () => {
  const items = new Map<string, Record<string, unknown>>();
  const keyOf = (item: Record<string, unknown>) => `${String(item.pk)}|${String(item.sk)}`;

  const check = (write: TransactWriteItem): string => {
    if (write.Put) {
      const item = unmarshall(write.Put.Item ?? {});
      const exists = items.has(keyOf(item));
      return write.Put.ConditionExpression === 'attribute_not_exists(pk)' && exists
        ? 'ConditionalCheckFailed'
        : 'None';
    }
    if (write.Update) {
      const exists = items.has(keyOf(unmarshall(write.Update.Key ?? {})));
      return exists ? 'None' : 'ConditionalCheckFailed';
    }
    throw new Error('fakeDocumentTable: unsupported write');
  };

  const apply = (write: TransactWriteItem): void => {
    if (write.Put) {
      const item = unmarshall(write.Put.Item ?? {});
      items.set(keyOf(item), item);
    } else if (write.Update) {
      const key = keyOf(unmarshall(write.Update.Key ?? {}));
      const item = items.get(key) ?? {};
      const values = unmarshall(write.Update.ExpressionAttributeValues ?? {});
      item.sourceCount = Number(item.sourceCount ?? 0) + Number(values[':one'] ?? 0);
      item.updatedAt = values[':now'];
    }
  };

  const mock = mockClient(DynamoDBClient);
  mock.on(TransactWriteItemsCommand).callsFake((input: { TransactItems: TransactWriteItem[] }) => {
    const codes = input.TransactItems.map(check);
    if (codes.some((code) => code !== 'None')) {
      throw new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: codes.map((Code) => ({ Code })),
      });
    }
    input.TransactItems.forEach(apply);
    return {};
  });
  mock.on(PutItemCommand).callsFake((input: PutItemCommandInput) => {
    const write: TransactWriteItem = { Put: input };
    if (check(write) !== 'None') {
      throw new ConditionalCheckFailedException({ message: 'exists', $metadata: {} });
    }
    apply(write);
    return {};
  });

  mock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const pk = unmarshall(input.ExpressionAttributeValues ?? {})[':pk'];
    const found = [...items.values()].filter((item) => item.pk === pk);
    return { Items: found.map((item) => marshall(item)), Count: found.length };
  });
  mock.on(BatchGetItemCommand).callsFake((input: BatchGetItemCommandInput) => {
    const Responses: Record<string, Record<string, AttributeValue>[]> = {};
    for (const [tableName, request] of Object.entries(input.RequestItems ?? {})) {
      Responses[tableName] = (request.Keys ?? []).flatMap((key) => {
        const item = items.get(keyOf(unmarshall(key)));
        return item === undefined ? [] : [marshall(item)];
      });
    }
    return { Responses };
  });
  mock.on(BatchWriteItemCommand).callsFake((input: BatchWriteItemCommandInput) => {
    for (const requests of Object.values(input.RequestItems ?? {})) {
      for (const request of requests) {
        if (request.PutRequest?.Item)
          apply({ Put: { TableName: 't', Item: request.PutRequest.Item } });
      }
    }
    return { UnprocessedItems: {} };
  });

  const ofKind = (kind: string) => [...items.values()].filter((item) => item.kind === kind);
  return { mock, items, ofKind };
};

export { fakeDocumentTable };
