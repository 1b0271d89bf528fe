import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { recordNearBands, TransientDependencyError } from '@doc-ingest/aws-adapters';
import type { NearBandRecord } from '@doc-ingest/contracts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const dynamoMock = mockClient(dynamodb);

const bands = (count: number): NearBandRecord[] =>
  Array.from({ length: count }, (_, i) => ({
    pk: `NEAR#v1#b${String(i).padStart(2, '0')}:1`,
    sk: 'OWNER',
    kind: 'near-band',
    schemaVersion: '1.2',
    contentHash: 'a'.repeat(64),
    fingerprintVersion: 'v1',
    fingerprint: { version: 'v1', signature: 'sig', shingleCount: 60 },
  }));

describe('Function: recordNearBands', () => {
  beforeEach(() => {
    dynamoMock.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('puts the band claims in batches of 25', async () => {
    // Prepare
    dynamoMock.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });

    // Act
    await recordNearBands(dynamodb, 'documents', bands(32));

    // Assess
    const sizes = dynamoMock
      .commandCalls(BatchWriteItemCommand)
      .map((call) => call.args[0].input.RequestItems?.documents?.length);
    expect(sizes).toEqual([25, 7]);
  });

  it('makes no request when there is no band to claim', async () => {
    // Act
    await recordNearBands(dynamodb, 'documents', []);

    // Assess
    expect(dynamoMock.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('writes again the items DynamoDB left unprocessed', async () => {
    // Prepare
    const [first, second] = bands(2);
    const unprocessed = { PutRequest: { Item: { pk: { S: second?.pk ?? '' } } } };
    dynamoMock
      .on(BatchWriteItemCommand)
      .resolvesOnce({ UnprocessedItems: { documents: [unprocessed] } })
      .resolvesOnce({ UnprocessedItems: {} });

    // Act
    const writing = recordNearBands(dynamodb, 'documents', [first, second] as NearBandRecord[]);
    await vi.runAllTimersAsync();
    await writing;

    // Assess
    const calls = dynamoMock.commandCalls(BatchWriteItemCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.RequestItems?.documents).toEqual([unprocessed]);
  });

  it('reports bands that stay unwritten as a transient failure', async () => {
    // Prepare
    const unprocessed = { PutRequest: { Item: { pk: { S: 'NEAR#v1#b00:1' } } } };
    dynamoMock
      .on(BatchWriteItemCommand)
      .resolves({ UnprocessedItems: { documents: [unprocessed] } });

    // Act
    const failure = recordNearBands(dynamodb, 'documents', bands(1)).catch((error) => error);
    await vi.runAllTimersAsync();

    // Assess
    expect(await failure).toBeInstanceOf(TransientDependencyError);
    expect(dynamoMock.commandCalls(BatchWriteItemCommand)).toHaveLength(5);
  });
});
