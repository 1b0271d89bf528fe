import { BatchGetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AdapterError } from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchGetKeys } from '../../../../../packages/aws-adapters/src/dynamodb/batchGetKeys.ts';

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const dynamoMock = mockClient(dynamodb);
const key = (pk: string) => ({ pk: { S: pk }, sk: { S: 'OWNER' } });
const item = (pk: string) => ({ pk: { S: pk }, contentHash: { S: pk.toLowerCase() } });

describe('Function: batchGetKeys', () => {
  beforeEach(() => {
    dynamoMock.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reads the keys in one call with the projection', async () => {
    // Prepare
    dynamoMock.on(BatchGetItemCommand).resolves({ Responses: { table: [item('A')] } });

    // Act
    const read = await batchGetKeys(dynamodb, 'table', [key('A'), key('B')], 'pk, contentHash');

    // Assess
    expect(read).toEqual({ items: [item('A')], unread: [] });
    const calls = dynamoMock.commandCalls(BatchGetItemCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.RequestItems).toEqual({
      table: { Keys: [key('A'), key('B')], ProjectionExpression: 'pk, contentHash' },
    });
  });

  it('requests again only the keys DynamoDB left unprocessed', async () => {
    // Prepare
    dynamoMock
      .on(BatchGetItemCommand)
      .resolvesOnce({
        Responses: { table: [item('A')] },
        UnprocessedKeys: { table: { Keys: [key('B')] } },
      })
      .resolvesOnce({ Responses: { table: [item('B')] } });

    // Act
    const reading = batchGetKeys(dynamodb, 'table', [key('A'), key('B')], 'pk');
    await vi.runAllTimersAsync();
    const read = await reading;

    // Assess
    expect(read).toEqual({ items: [item('A'), item('B')], unread: [] });
    const second = dynamoMock.commandCalls(BatchGetItemCommand)[1]?.args[0].input;
    expect(second?.RequestItems?.table?.Keys).toEqual([key('B')]);
  });

  it('gives up after a few attempts and returns what stayed unread', async () => {
    // Prepare
    dynamoMock
      .on(BatchGetItemCommand)
      .resolves({ Responses: { table: [] }, UnprocessedKeys: { table: { Keys: [key('B')] } } });

    // Act
    const reading = batchGetKeys(dynamodb, 'table', [key('B')], 'pk');
    await vi.runAllTimersAsync();
    const read = await reading;

    // Assess
    expect(read).toEqual({ items: [], unread: [key('B')] });
    expect(dynamoMock.commandCalls(BatchGetItemCommand)).toHaveLength(4);
  });

  it('refuses more keys than one call can read', async () => {
    // Prepare
    const keys = Array.from({ length: 101 }, (_, i) => key(`K${i}`));

    // Act & Assess
    await expect(batchGetKeys(dynamodb, 'table', keys, 'pk')).rejects.toBeInstanceOf(AdapterError);
    expect(dynamoMock.commandCalls(BatchGetItemCommand)).toHaveLength(0);
  });
});
