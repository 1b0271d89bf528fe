import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

/*
 * An in-memory stand-in for the document table, for handler tests that run
 * without LocalStack. It evaluates the small part of DynamoDB's expression
 * language the adapters write: conditions made of attribute_exists,
 * attribute_not_exists, `=` and `<=` joined by AND/OR; updates made of SET
 * (with `+`, `-` and if_not_exists), ADD and REMOVE; all-or-nothing
 * transactions; Query by partition key (table or gsi1 with begins_with); Scan
 * with a filter, in one page;
 * BatchGetItem and BatchWriteItem. Anything else throws, so a new expression
 * cannot pass unnoticed. The LocalStack suites check the same behaviour
 * against DynamoDB Local. Each command runs to completion synchronously, as
 * one item write is atomic in DynamoDB; concurrency interleaves between them.
 * Items of every table share one map (their partition keys never collide);
 * `changes` logs, per table, each write that changed an item, as a stream
 * would record it (DynamoDB Streams skip writes that change nothing).
 */

type Item = Record<string, unknown>;
type Values = Record<string, unknown>;

const keyOf = (item: Item) => `${String(item.pk)}|${String(item.sk)}`;

/** Splits at top-level commas (not inside parentheses). */
const splitTopLevel = (text: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== '');
};

const operand = (text: string, item: Item | undefined, values: Values): unknown => {
  const expression = text.trim();
  const ifNotExists = /^if_not_exists\((.+)\)$/.exec(expression);
  if (ifNotExists) {
    const [path, fallback] = splitTopLevel(ifNotExists[1] as string) as [string, string];
    const current = item?.[path.trim()];
    return current === undefined ? operand(fallback, item, values) : current;
  }
  const arithmetic = /^(.+?)\s*([+-])\s*(.+)$/.exec(expression);
  if (arithmetic) {
    const left = Number(operand(arithmetic[1] as string, item, values));
    const right = Number(operand(arithmetic[3] as string, item, values));
    return arithmetic[2] === '+' ? left + right : left - right;
  }
  if (expression.startsWith(':')) {
    if (!(expression in values)) throw new Error(`fakeDocumentTable: no value ${expression}`);
    return values[expression];
  }
  if (/^[A-Za-z_][\w]*$/.test(expression)) return item?.[expression];
  throw new Error(`fakeDocumentTable: unsupported operand '${expression}'`);
};

const term = (text: string, item: Item | undefined, values: Values): boolean => {
  const expression = text.trim();
  const exists = /^attribute_(not_)?exists\((\w+)\)$/.exec(expression);
  if (exists) {
    const present = item?.[exists[2] as string] !== undefined;
    return exists[1] === undefined ? present : !present;
  }
  const comparison = /^(\w+)\s*(=|<=)\s*(:\w+)$/.exec(expression);
  if (comparison) {
    const left = item?.[comparison[1] as string];
    const right = operand(comparison[3] as string, item, values);
    if (left === undefined) return false;
    return comparison[2] === '=' ? left === right : Number(left) <= Number(right);
  }
  throw new Error(`fakeDocumentTable: unsupported condition '${expression}'`);
};

/** OR binds looser than AND, as in DynamoDB; no parentheses are used by the adapters. */
const conditionHolds = (
  condition: string | undefined,
  item: Item | undefined,
  values: Values,
): boolean =>
  condition === undefined ||
  condition
    .split(/\s+OR\s+/)
    .some((conjunction) =>
      conjunction.split(/\s+AND\s+/).every((part) => term(part, item, values)),
    );

const applyUpdate = (expression: string, item: Item, values: Values): Item => {
  const before = { ...item };
  const next = { ...item };
  const clauses = expression.split(/\b(SET|ADD|REMOVE)\b/).map((part) => part.trim());
  for (let index = 1; index < clauses.length; index += 2) {
    const action = clauses[index];
    const body = clauses[index + 1] ?? '';
    for (const part of splitTopLevel(body)) {
      if (action === 'SET') {
        const [path, value] = part.split(/=(.*)/s).map((side) => side.trim()) as [string, string];
        next[path] = operand(value, before, values);
      } else if (action === 'ADD') {
        const [path, value] = part.split(/\s+/) as [string, string];
        next[path] = Number(before[path] ?? 0) + Number(operand(value, before, values));
      } else {
        delete next[part];
      }
    }
  }
  return next;
};

interface FakeTableOptions {
  /**
   * Called with each item about to be written (put or updated, alone or in a
   * transaction, before any of the transaction's writes), once its condition
   * holds: throwing stops the request there, as a crash before it would.
   */
  beforeWrite?: (item: Item) => void;
}

const fakeDocumentTable = (options: FakeTableOptions = {}) => {
  const items = new Map<string, Item>();

  type Write = {
    table: string;
    key: string;
    condition?: string;
    values: Values;
    returnOld: boolean;
    result: (old: Item | undefined) => Item | undefined;
  };

  const toWrite = (write: TransactWriteItem): Write => {
    if (write.Put) {
      const item = unmarshall(write.Put.Item ?? {});
      return {
        table: write.Put.TableName ?? '',
        key: keyOf(item),
        condition: write.Put.ConditionExpression,
        values: unmarshall(write.Put.ExpressionAttributeValues ?? {}),
        returnOld: write.Put.ReturnValuesOnConditionCheckFailure === 'ALL_OLD',
        result: () => item,
      };
    }
    if (write.Update) {
      const key = unmarshall(write.Update.Key ?? {});
      const values = unmarshall(write.Update.ExpressionAttributeValues ?? {});
      const expression = write.Update.UpdateExpression ?? '';
      return {
        table: write.Update.TableName ?? '',
        key: keyOf(key),
        condition: write.Update.ConditionExpression,
        values,
        returnOld: write.Update.ReturnValuesOnConditionCheckFailure === 'ALL_OLD',
        result: (old) => applyUpdate(expression, { ...(old ?? {}), ...key }, values),
      };
    }
    if (write.Delete) {
      return {
        table: write.Delete.TableName ?? '',
        key: keyOf(unmarshall(write.Delete.Key ?? {})),
        condition: write.Delete.ConditionExpression,
        values: unmarshall(write.Delete.ExpressionAttributeValues ?? {}),
        returnOld: write.Delete.ReturnValuesOnConditionCheckFailure === 'ALL_OLD',
        result: () => undefined,
      };
    }
    throw new Error('fakeDocumentTable: unsupported write');
  };

  const holds = (write: Write) =>
    conditionHolds(write.condition, items.get(write.key), write.values);

  const changes: { table: string; eventName: string; kind: string }[] = [];
  const commit = (write: Write): void => {
    const old = items.get(write.key);
    const next = write.result(old);
    if (JSON.stringify(next) !== JSON.stringify(old)) {
      const eventName = old === undefined ? 'INSERT' : next === undefined ? 'REMOVE' : 'MODIFY';
      changes.push({ table: write.table, eventName, kind: String((next ?? old)?.kind) });
    }
    if (next === undefined) items.delete(write.key);
    else items.set(write.key, next);
  };

  const announce = (write: Write) => {
    const next = write.result(items.get(write.key));
    if (next !== undefined) options.beforeWrite?.(next);
  };

  const single = (write: Write): Record<string, never> => {
    if (!holds(write)) {
      const old = items.get(write.key);
      throw new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
        ...(write.returnOld && old !== undefined
          ? { Item: marshall(old, { removeUndefinedValues: true }) }
          : {}),
      });
    }
    announce(write);
    commit(write);
    return {};
  };

  const mock = mockClient(DynamoDBClient);
  mock.on(TransactWriteItemsCommand).callsFake((input: { TransactItems: TransactWriteItem[] }) => {
    const writes = input.TransactItems.map(toWrite);
    const failed = writes.map((write) => !holds(write));
    if (failed.some(Boolean)) {
      throw new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: writes.map((write, index) => {
          if (!failed[index]) return { Code: 'None' };
          const old = items.get(write.key);
          return {
            Code: 'ConditionalCheckFailed',
            ...(write.returnOld && old !== undefined
              ? { Item: marshall(old, { removeUndefinedValues: true }) }
              : {}),
          };
        }),
      });
    }
    writes.forEach(announce);
    writes.forEach(commit);
    return {};
  });
  mock
    .on(PutItemCommand)
    .callsFake((input: PutItemCommandInput) => single(toWrite({ Put: input })));
  mock
    .on(UpdateItemCommand)
    .callsFake((input: UpdateItemCommandInput) =>
      single(toWrite({ Update: input as NonNullable<TransactWriteItem['Update']> })),
    );
  mock
    .on(DeleteItemCommand)
    .callsFake((input: DeleteItemCommandInput) =>
      single(toWrite({ Delete: input as NonNullable<TransactWriteItem['Delete']> })),
    );
  mock.on(GetItemCommand).callsFake((input: GetItemCommandInput) => {
    const item = items.get(keyOf(unmarshall(input.Key ?? {})));
    return item === undefined ? {} : { Item: marshall(item, { removeUndefinedValues: true }) };
  });

  mock.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const values = unmarshall(input.ExpressionAttributeValues ?? {});
    const onIndex = input.IndexName !== undefined;
    const found = [...items.values()].filter((item) =>
      onIndex
        ? item.gsi1pk === values[':pk'] &&
          (values[':sk'] === undefined || String(item.gsi1sk).startsWith(String(values[':sk'])))
        : item.pk === values[':pk'],
    );
    return {
      Items: found.map((item) => marshall(item, { removeUndefinedValues: true })),
      Count: found.length,
    };
  });
  // One page: the whole table of the items filtered (no segments).
  mock.on(ScanCommand).callsFake((input: ScanCommandInput) => {
    const values = unmarshall(input.ExpressionAttributeValues ?? {});
    const found = [...items.values()].filter((item) =>
      conditionHolds(input.FilterExpression, item, values),
    );
    return {
      Items: found.map((item) => marshall(item, { removeUndefinedValues: true })),
      Count: found.length,
    };
  });
  mock.on(BatchGetItemCommand).callsFake((input: BatchGetItemCommandInput) => {
    const Responses: Record<string, Record<string, AttributeValue>[]> = {};
    for (const [tableName, request] of Object.entries(input.RequestItems ?? {})) {
      Responses[tableName] = (request.Keys ?? []).flatMap((key) => {
        const item = items.get(keyOf(unmarshall(key)));
        return item === undefined ? [] : [marshall(item, { removeUndefinedValues: true })];
      });
    }
    return { Responses };
  });
  mock.on(BatchWriteItemCommand).callsFake((input: BatchWriteItemCommandInput) => {
    for (const [TableName, requests] of Object.entries(input.RequestItems ?? {})) {
      for (const request of requests) {
        if (request.PutRequest?.Item)
          commit(toWrite({ Put: { TableName, Item: request.PutRequest.Item } }));
        if (request.DeleteRequest?.Key)
          commit(toWrite({ Delete: { TableName, Key: request.DeleteRequest.Key } }));
      }
    }
    return { UnprocessedItems: {} };
  });

  const ofKind = (kind: string) => [...items.values()].filter((item) => item.kind === kind);
  return { mock, items, ofKind, changes };
};

export { fakeDocumentTable };
