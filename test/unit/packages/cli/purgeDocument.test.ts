import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteObjectCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { purgeDocument } from '@doc-ingest/cli';
import { type RejectionRecord, rejectionPartitionKey } from '@doc-ingest/contracts';
import { buildDocumentItems, buildRejectionRecord, processDocument } from '@doc-ingest/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeDocumentTable } from '../../../helpers/fakeDocumentTable.ts';
import { runCliMain } from '../../../helpers/runCliMain.ts';
import { loadSamples } from '../../../helpers/samples.ts';

/*
 * Purge against the in-memory table and a mocked S3 (no AWS in unit runs);
 * the LocalStack suite purges a deployed stack's document end to end.
 */

const [first, second] = loadSamples();
if (first === undefined || second === undefined) throw new Error('samples missing');
const TEXT_BUCKET = 'texts';
const NOW = '2026-12-06T22:00:00.000Z';

const store = (
  table: ReturnType<typeof fakeDocumentTable>,
  bytes: Buffer,
  key: string,
  inline: boolean,
) => {
  const result = processDocument({ bytes, key });
  if (!result.ok) throw new Error('fixture rejected');
  const items = buildDocumentItems(
    result.value,
    { bucket: 'in', key, size: bytes.byteLength, versionId: 'v1' },
    inline
      ? { inline: true }
      : {
          inline: false,
          location: { bucket: TEXT_BUCKET, key: `text/${result.value.contentHash}.txt` },
        },
    NOW,
  );
  for (const item of [items.document, items.newSource, ...items.topics, ...items.nearBands]) {
    table.items.set(`${item.pk}|${item.sk}`, structuredClone(item) as Record<string, unknown>);
  }
  return items;
};

describe('Function: purgeDocument', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  const s3Mock = mockClient(S3Client);
  const clients = { dynamodb: new DynamoDBClient({}), s3: new S3Client({}) };

  beforeEach(() => {
    table = fakeDocumentTable();
    s3Mock.reset();
    s3Mock.on(ListObjectVersionsCommand).callsFake((input: { Prefix: string }) => ({
      Versions: [
        { Key: input.Prefix, VersionId: 't1' },
        { Key: input.Prefix, VersionId: 't2' },
        { Key: `${input.Prefix}.other`, VersionId: 'x' },
      ],
      DeleteMarkers: [{ Key: input.Prefix, VersionId: 'm1' }],
      IsTruncated: false,
    }));
    s3Mock.on(DeleteObjectCommand).resolves({});
  });

  it('erases a document by content hash and leaves the others alone', async () => {
    // Prepare
    const erased = store(table, first.bytes, 'a.txt', false);
    const kept = store(table, second.bytes, 'b.txt', true);
    const keptItems = [...table.items.keys()].filter((key) =>
      JSON.stringify(table.items.get(key)).includes(kept.document.contentHash),
    );

    // Act
    const report = await purgeDocument(
      {
        tableName: 'documents',
        nearIndexTableName: 'near-index',
        target: { contentHash: erased.document.contentHash },
      },
      clients,
    );

    // Assess
    expect(report).toMatchObject({
      contentHashes: [erased.document.contentHash],
      documents: 1,
      sources: 1,
      topics: erased.topics.length,
      nearBands: erased.nearBands.length,
      textVersions: 3,
    });
    expect([...table.items.keys()].sort()).toEqual(keptItems.sort());
    const deletedVersions = s3Mock
      .commandCalls(DeleteObjectCommand)
      .map((c) => c.args[0].input.VersionId);
    expect(deletedVersions.sort()).toEqual(['m1', 't1', 't2']);
  });

  it('keeps a band that another document owns', async () => {
    // Prepare
    const erased = store(table, first.bytes, 'a.txt', true);
    const [band] = erased.nearBands;
    if (band === undefined) throw new Error('fixture has no bands');
    table.items.set(`${band.pk}|${band.sk}`, { ...band, contentHash: 'f'.repeat(64) });

    // Act
    const report = await purgeDocument(
      {
        tableName: 'documents',
        nearIndexTableName: 'near-index',
        target: { contentHash: erased.document.contentHash },
      },
      clients,
    );

    // Assess
    expect(report.nearBands).toBe(erased.nearBands.length - 1);
    expect(table.ofKind('near-band')).toEqual([{ ...band, contentHash: 'f'.repeat(64) }]);
  });

  it('erases what a source key produced, and its rejections, through the CLI', async () => {
    // Prepare
    const erased = store(table, first.bytes, 'a.txt', true);
    const rejection: RejectionRecord = buildRejectionRecord(
      { bucket: 'in', key: 'a.txt', size: 0, versionId: 'v0' },
      { reason: 'empty', detail: 'no bytes' },
      NOW,
    );
    table.items.set(`${rejection.pk}|${rejection.sk}`, { ...rejection });

    // Act
    const { code, stdout } = await runCliMain(
      [
        'purge',
        '--table',
        'documents',
        '--near-index-table',
        'near-index',
        '--source',
        's3://in/a.txt',
      ],
      { dynamodb: () => clients.dynamodb, s3: () => clients.s3 },
    );

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      command: 'purge',
      contentHashes: [erased.document.contentHash],
      documents: 1,
      rejections: 1,
    });
    expect(table.items.size).toBe(0);
    expect(rejectionPartitionKey({ bucket: 'in', key: 'a.txt' })).toBe(rejection.pk);
  });

  it('finishes a purge that stopped half way', async () => {
    // Prepare: topics and sources went, the document stayed
    const erased = store(table, first.bytes, 'a.txt', true);
    for (const [key, item] of table.items) if (item.kind !== 'document') table.items.delete(key);

    // Act
    const report = await purgeDocument(
      {
        tableName: 'documents',
        nearIndexTableName: 'near-index',
        target: { contentHash: erased.document.contentHash },
      },
      clients,
    );

    // Assess
    expect(report.documents).toBe(1);
    expect(table.items.size).toBe(0);
  });

  it.each([
    [['purge', '--table', 't'], /exactly one/],
    [['purge', '--table', 't', '--content-hash', 'xyz'], /64 lowercase hex/],
    [['purge', '--table', 't', '--source', 'http://b/k'], /s3:\/\//],
    [
      ['purge', '--content-hash', 'a'.repeat(64)],
      /--stack-name <name> \(or --table <name> and --near-index-table <name>\)/,
    ],
  ])('refuses %j', async (argv, message) => {
    // Act
    const { code, stderr } = await runCliMain(argv);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
