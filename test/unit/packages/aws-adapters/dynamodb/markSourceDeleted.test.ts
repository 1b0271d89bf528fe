import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { markSourceDeleted, withdrawDocument } from '@doc-ingest/aws-adapters';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeDocumentTable } from '../../../../helpers/fakeDocumentTable.ts';

const HASH = 'a'.repeat(64);
const DOC_KEY = `DOC#${HASH}|DOCUMENT`;
const source = (sk: string) => ({ pk: 'SOURCE#b/k.txt', sk, contentHash: HASH });

describe('Function: markSourceDeleted', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  const dynamodb = new DynamoDBClient({});
  beforeEach(() => {
    table = fakeDocumentTable();
    table.items.set(DOC_KEY, {
      pk: `DOC#${HASH}`,
      sk: 'DOCUMENT',
      sourceCount: 2,
      liveSourceCount: 2,
    });
    for (const sk of ['VERSION#v1', 'VERSION#v2']) {
      table.items.set(`SOURCE#b/k.txt|${sk}`, { ...source(sk), kind: 'source' });
    }
  });

  it('marks the source and decrements the live count once, however often it is called', async () => {
    // Act
    const first = await markSourceDeleted(dynamodb, 't', source('VERSION#v1'), 'T1');
    const again = await markSourceDeleted(dynamodb, 't', source('VERSION#v1'), 'T2');

    // Assess
    expect([first, again]).toEqual(['deleted', 'already-deleted']);
    expect(table.items.get('SOURCE#b/k.txt|VERSION#v1')?.deletedAt).toBe('T1');
    expect(table.items.get(DOC_KEY)?.liveSourceCount).toBe(1);
  });

  it('starts from sourceCount on a document written before schema 1.3', async () => {
    // Prepare
    delete table.items.get(DOC_KEY)?.liveSourceCount;

    // Act
    await markSourceDeleted(dynamodb, 't', source('VERSION#v2'), 'T1');

    // Assess
    expect(table.items.get(DOC_KEY)?.liveSourceCount).toBe(1);
  });

  it('marks the source alone when its document was purged', async () => {
    // Prepare
    table.items.delete(DOC_KEY);

    // Act
    const outcome = await markSourceDeleted(dynamodb, 't', source('VERSION#v1'), 'T1');

    // Assess
    expect(outcome).toBe('deleted');
    expect(table.items.get('SOURCE#b/k.txt|VERSION#v1')?.deletedAt).toBe('T1');
    expect(table.items.has(DOC_KEY)).toBe(false);
  });

  it('reports a source that no longer exists', async () => {
    expect(await markSourceDeleted(dynamodb, 't', source('VERSION#gone'), 'T1')).toBe(
      'source-gone',
    );
    expect(table.items.get(DOC_KEY)?.liveSourceCount).toBe(2);
  });
});

describe('Function: withdrawDocument', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  const dynamodb = new DynamoDBClient({});
  beforeEach(() => {
    table = fakeDocumentTable();
  });

  it.each([
    [0, undefined, true],
    [1, undefined, false],
    [0, 'EARLIER', false],
  ])('with %i live sources and withdrawnAt %s, writes: %s', async (live, withdrawnAt, writes) => {
    // Prepare
    table.items.set(DOC_KEY, {
      pk: `DOC#${HASH}`,
      sk: 'DOCUMENT',
      liveSourceCount: live,
      ...(withdrawnAt === undefined ? {} : { withdrawnAt }),
    });

    // Act
    const wrote = await withdrawDocument(dynamodb, 't', HASH, 'NOW');

    // Assess
    expect(wrote).toBe(writes);
    expect(table.items.get(DOC_KEY)?.withdrawnAt).toBe(writes ? 'NOW' : withdrawnAt);
  });

  it('does not create a document that does not exist', async () => {
    expect(await withdrawDocument(dynamodb, 't', HASH, 'NOW')).toBe(false);
    expect(table.items.size).toBe(0);
  });
});
