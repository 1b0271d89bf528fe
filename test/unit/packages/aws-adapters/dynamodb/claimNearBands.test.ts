import {
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { claimNearBands } from '@doc-ingest/aws-adapters';
import { ItemKind, NEAR_BAND_SORT_KEY, type NearBandRecord } from '@doc-ingest/contracts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeDocumentTable } from '../../../../helpers/fakeDocumentTable.ts';

const band = (index: number, contentHash: string): NearBandRecord => ({
  pk: `NEAR#v1#b${String(index).padStart(2, '0')}:0000000000000000`,
  sk: NEAR_BAND_SORT_KEY,
  kind: ItemKind.NEAR_BAND,
  schemaVersion: '1.3',
  contentHash,
  fingerprintVersion: 'v1',
});
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const bandsOf = (hash: string) => Array.from({ length: 4 }, (_, index) => band(index, hash));

describe('Function: claimNearBands', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  const dynamodb = new DynamoDBClient({});
  beforeEach(() => {
    table = fakeDocumentTable();
  });

  it('writes every band when none has an owner', async () => {
    // Act
    const claim = await claimNearBands(dynamodb, 'documents', bandsOf(A));

    // Assess
    expect(claim).toEqual({ lost: [] });
    expect(table.ofKind('near-band').map((item) => item.contentHash)).toEqual([A, A, A, A]);
  });

  it('writes nothing and names the band already owned when one is taken', async () => {
    // Prepare
    await claimNearBands(dynamodb, 'documents', [band(2, B)]);

    // Act
    const claim = await claimNearBands(dynamodb, 'documents', bandsOf(A));

    // Assess: bands 0 and 1 were written, then released when band 2 was lost
    expect(claim).toEqual({ lost: [band(2, A).pk] });
    expect(table.ofKind('near-band').map((item) => item.contentHash)).toEqual([B]);
    expect(table.mock.commandCalls(DeleteItemCommand)).toHaveLength(2);
  });

  it('claims with one conditional put per band in partition-key order, without a transaction', async () => {
    // Act
    await claimNearBands(dynamodb, 'documents', bandsOf(A).reverse());

    // Assess
    const puts = table.mock.commandCalls(PutItemCommand).map((call) => call.args[0].input);
    expect(puts.map((put) => put.Item?.pk?.S)).toEqual(bandsOf(A).map((b) => b.pk));
    expect(puts.every((put) => put.ConditionExpression?.includes('attribute_not_exists(pk)'))).toBe(
      true,
    );
    expect(table.mock.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it('takes again the bands a crashed attempt of the same content left', async () => {
    // Prepare
    await claimNearBands(dynamodb, 'documents', bandsOf(A).slice(0, 2));

    // Act
    const claim = await claimNearBands(dynamodb, 'documents', bandsOf(A));

    // Assess
    expect(claim).toEqual({ lost: [] });
    expect(table.ofKind('near-band').map((item) => item.contentHash)).toEqual([A, A, A, A]);
  });

  it('gives every shared band to one of two copies claiming at once', async () => {
    // Prepare: B shares bands 1 to 3 with A and has a band 9 of its own
    const ofB = [band(9, B), band(3, B), band(1, B), band(2, B)];

    // Act
    const [claimA, claimB] = await Promise.all([
      claimNearBands(dynamodb, 'documents', bandsOf(A)),
      claimNearBands(dynamodb, 'documents', ofB),
    ]);

    // Assess
    const winner = claimA.lost.length === 0 ? A : B;
    expect([claimA.lost.length, claimB.lost.length].sort()).toEqual([0, 1]);
    const owners = table.ofKind('near-band').map((item) => item.contentHash);
    expect(new Set(owners)).toEqual(new Set([winner]));
  });

  it('claims nothing for no bands', async () => {
    expect(await claimNearBands(dynamodb, 'documents', [])).toEqual({ lost: [] });
    expect(table.mock.commandCalls(PutItemCommand)).toHaveLength(0);
  });
});

describe('Function: claimNearBands (failures)', () => {
  // Throttling after the SDK's own retries cannot be produced on demand by
  // DynamoDB Local, so the client is mocked here.
  let mock: ReturnType<typeof mockClient>;
  beforeEach(() => {
    mock = mockClient(DynamoDBClient);
  });

  it('releases what it wrote and rethrows an error that is not a lost band', async () => {
    // Prepare
    const throttled = new Error('throughput exceeded');
    mock.on(PutItemCommand).resolvesOnce({}).rejects(throttled);
    mock.on(DeleteItemCommand).resolves({});

    // Act
    const claim = claimNearBands(new DynamoDBClient({}), 't', bandsOf(A));

    // Assess
    await expect(claim).rejects.toBe(throttled);
    const deleted = mock.commandCalls(DeleteItemCommand).map((call) => call.args[0].input.Key);
    expect(deleted).toEqual([{ pk: { S: band(0, A).pk }, sk: { S: NEAR_BAND_SORT_KEY } }]);
  });
});
