import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { createDynamoDocumentStore } from '@doc-ingest/aws-adapters';
import { retireOverwrittenSources } from '@doc-ingest/ingestion';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeDocumentTable } from '../../helpers/fakeDocumentTable.ts';

/*
 * The overwrite rule on its own, with recorded times chosen by the test (the
 * handler suite goes through it with real clocks). DynamoDB is the in-memory
 * fake: no AWS in unit runs.
 */

const HASH = (n: number) => String(n).repeat(64);
const deps = () => ({
  store: createDynamoDocumentStore({
    dynamodb: new DynamoDBClient({}),
    s3: new S3Client({}),
    tableName: 'documents',
    nearIndexTableName: 'near-index',
    textBucketName: 'texts',
  }),
  now: () => '2026-12-06T22:00:09.000Z',
});

const recordSource = (
  table: ReturnType<typeof fakeDocumentTable>,
  eTag: string,
  hash: string,
  receivedAt: string,
) => {
  table.items.set(`SOURCE#b/k.txt|VERSION#null#${eTag}`, {
    pk: 'SOURCE#b/k.txt',
    sk: `VERSION#null#${eTag}`,
    kind: 'source',
    contentHash: hash,
    receivedAt,
  });
  table.items.set(`DOC#${hash}|DOCUMENT`, {
    pk: `DOC#${hash}`,
    sk: 'DOCUMENT',
    kind: 'document',
    sourceCount: 1,
    liveSourceCount: 1,
  });
};

describe('Function: retireOverwrittenSources', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  beforeEach(() => {
    table = fakeDocumentTable();
    recordSource(table, 'old', HASH(1), '2026-12-06T22:00:01.000Z');
    recordSource(table, 'current', HASH(2), '2026-12-06T22:00:02.000Z');
    recordSource(table, 'newer', HASH(3), '2026-12-06T22:00:05.000Z');
  });

  it('retires what was recorded before the read began, and nothing recorded after it', async () => {
    // Act
    const retired = await retireOverwrittenSources(
      { bucket: 'b', key: 'k.txt', eTag: 'current' },
      '2026-12-06T22:00:03.000Z',
      deps(),
    );

    // Assess
    expect(retired).toEqual({ sourcesDeleted: 1, withdrawn: [HASH(1)] });
    const deleted = table.ofKind('source').filter((s) => s.deletedAt !== undefined);
    expect(deleted.map((s) => s.sk)).toEqual(['VERSION#null#old']);
  });

  it('changes nothing when run again', async () => {
    // Prepare
    const current = { bucket: 'b', key: 'k.txt', eTag: 'current' };
    await retireOverwrittenSources(current, '2026-12-06T22:00:03.000Z', deps());
    const before = JSON.stringify([...table.items]);

    // Act
    const again = await retireOverwrittenSources(current, '2026-12-06T22:00:03.000Z', deps());

    // Assess
    expect(again).toEqual({ sourcesDeleted: 0, withdrawn: [] });
    expect(JSON.stringify([...table.items])).toBe(before);
  });
});
