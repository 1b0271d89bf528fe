import {
  DynamoDBClient,
  TransactionCanceledException,
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

  it('writes nothing and names the bands already owned when one is taken', async () => {
    // Prepare
    await claimNearBands(dynamodb, 'documents', [band(2, B)]);

    // Act
    const claim = await claimNearBands(dynamodb, 'documents', bandsOf(A));

    // Assess
    expect(claim).toEqual({ lost: [band(2, A).pk] });
    expect(table.ofKind('near-band').map((item) => item.contentHash)).toEqual([B]);
  });

  it('claims nothing for no bands', async () => {
    expect(await claimNearBands(dynamodb, 'documents', [])).toEqual({ lost: [] });
    expect(table.mock.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });
});

describe('Function: claimNearBands (transaction conflicts)', () => {
  // A conflict with a concurrent transaction cannot be produced on demand by
  // DynamoDB Local, so it is mocked here.
  let mock: ReturnType<typeof mockClient>;
  const conflict = () =>
    new TransactionCanceledException({
      message: 'cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
    });
  beforeEach(() => {
    mock = mockClient(DynamoDBClient);
  });

  it('retries a conflict and succeeds', async () => {
    // Prepare
    mock.on(TransactWriteItemsCommand).rejectsOnce(conflict()).resolves({});

    // Act
    const claim = await claimNearBands(new DynamoDBClient({}), 't', bandsOf(A).slice(0, 2));

    // Assess
    expect(claim).toEqual({ lost: [] });
    expect(mock.commandCalls(TransactWriteItemsCommand)).toHaveLength(2);
  });

  it('reports a conflict that outlasts its retries as transient', async () => {
    // Prepare
    mock.on(TransactWriteItemsCommand).rejects(conflict());

    // Act
    const claim = claimNearBands(new DynamoDBClient({}), 't', bandsOf(A).slice(0, 2));

    // Assess
    await expect(claim).rejects.toMatchObject({ name: 'TransientDependencyError' });
  });
});
