import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reindexNearBands } from '@doc-ingest/cli';
import { buildDocumentItems, type DocumentItems, processDocument } from '@doc-ingest/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeDocumentTable } from '../../../helpers/fakeDocumentTable.ts';
import { runCliMain } from '../../../helpers/runCliMain.ts';
import { loadSamples } from '../../../helpers/samples.ts';

/*
 * Reindexing against the in-memory table fake (no AWS in unit runs); the
 * LocalStack suite (test/e2e/cli.test.ts) reindexes a deployed stack.
 */

const [first, second] = loadSamples();
if (first === undefined || second === undefined) throw new Error('samples missing');
const NOW = '2026-12-07T01:00:00.000Z';
const TABLES = { tableName: 'documents', nearIndexTableName: 'near-index' };

/** Stores a document as ingestion would, with or without its band items. */
const store = (
  table: ReturnType<typeof fakeDocumentTable>,
  bytes: Buffer,
  key: string,
  options: { withBands: boolean; nearDuplicateOf?: string } = { withBands: false },
): DocumentItems => {
  const result = processDocument({ bytes, key });
  if (!result.ok) throw new Error('fixture rejected');
  const items = buildDocumentItems(
    result.value,
    { bucket: 'in', key, size: bytes.byteLength, versionId: 'v1' },
    { inline: true },
    NOW,
    options.nearDuplicateOf === undefined
      ? undefined
      : { contentHash: options.nearDuplicateOf, similarity: 0.9 },
  );
  const bands = options.withBands ? items.nearBands : [];
  for (const item of [items.document, items.newSource, ...items.topics, ...bands]) {
    table.items.set(`${item.pk}|${item.sk}`, structuredClone(item) as Record<string, unknown>);
  }
  return items;
};

describe('Function: reindexNearBands', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  const dynamodb = new DynamoDBClient({});

  beforeEach(() => {
    table = fakeDocumentTable();
  });

  it('claims the missing bands of a canonical document from its stored signature', async () => {
    // Prepare
    const items = store(table, first.bytes, 'a.txt');

    // Act
    const report = await reindexNearBands(dynamodb, TABLES);

    // Assess
    expect(report).toMatchObject({
      documents: 1,
      indexable: 1,
      reindexed: 1,
      bandsClaimed: items.nearBands.length,
      bandsOwnedByOthers: 0,
      stopped: false,
    });
    expect(table.ofKind('near-band')).toEqual(items.nearBands);
  });

  it('writes nothing on a dry run and nothing on a rerun', async () => {
    // Prepare
    const items = store(table, first.bytes, 'a.txt');

    // Act
    const dry = await reindexNearBands(dynamodb, { ...TABLES, dryRun: true });
    const bandsAfterDryRun = table.ofKind('near-band').length;
    await reindexNearBands(dynamodb, TABLES);
    const rerun = await reindexNearBands(dynamodb, TABLES);

    // Assess
    expect(dry).toMatchObject({ dryRun: true, reindexed: 1, bandsClaimed: items.nearBands.length });
    expect(bandsAfterDryRun).toBe(0);
    expect(rerun).toMatchObject({ indexable: 1, reindexed: 0, bandsClaimed: 0 });
    expect(table.ofKind('near-band')).toHaveLength(items.nearBands.length);
  });

  it('leaves a band another document owns with it and claims the rest', async () => {
    // Prepare
    const items = store(table, first.bytes, 'a.txt');
    const [taken] = [...items.nearBands].sort((a, b) => (a.pk < b.pk ? -1 : 1));
    if (taken === undefined) throw new Error('fixture has no bands');
    const other = { ...taken, contentHash: 'f'.repeat(64) };
    table.items.set(`${taken.pk}|${taken.sk}`, other);

    // Act
    const report = await reindexNearBands(dynamodb, TABLES);

    // Assess
    expect(report).toMatchObject({
      reindexed: 1,
      bandsClaimed: items.nearBands.length - 1,
      bandsOwnedByOthers: 0,
    });
    expect(table.items.get(`${taken.pk}|${taken.sk}`)).toEqual(other);
    expect(table.ofKind('near-band')).toHaveLength(items.nearBands.length);
  });

  it('skips near-duplicates (copies own no band) and documents already indexed', async () => {
    // Prepare
    const original = store(table, first.bytes, 'a.txt', { withBands: true });
    store(table, second.bytes, 'b.txt', {
      withBands: false,
      nearDuplicateOf: original.document.contentHash,
    });

    // Act
    const report = await reindexNearBands(dynamodb, TABLES);

    // Assess
    expect(report).toMatchObject({ documents: 2, indexable: 1, reindexed: 0, bandsClaimed: 0 });
    expect(table.ofKind('near-band')).toEqual(original.nearBands);
  });

  it('stops at the next document when aborted, and says so', async () => {
    // Prepare
    store(table, first.bytes, 'a.txt');
    const aborted = AbortSignal.abort();

    // Act
    const report = await reindexNearBands(dynamodb, { ...TABLES, signal: aborted });

    // Assess
    expect(report).toMatchObject({ documents: 0, stopped: true });
    expect(table.ofKind('near-band')).toEqual([]);
  });
});

describe('Command: ingest reindex', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  const dynamodb = new DynamoDBClient({});
  const cloudformation = new CloudFormationClient({});
  const cfnMock = mockClient(cloudformation);

  beforeEach(() => {
    table = fakeDocumentTable();
    cfnMock.reset();
  });

  const run = (argv: string[]) =>
    runCliMain(argv, { dynamodb: () => dynamodb, cloudformation: () => cloudformation });

  it('reads both tables from the stack outputs and prints a summary', async () => {
    // Prepare
    const items = store(table, first.bytes, 'a.txt');
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'DocIngest',
          CreationTime: new Date(),
          StackStatus: 'CREATE_COMPLETE',
          Outputs: [
            { OutputKey: 'TableName', OutputValue: 'documents' },
            { OutputKey: 'NearIndexTableName', OutputValue: 'near-index' },
          ],
        },
      ],
    });

    // Act
    const { code, stdout } = await run(['reindex', '--stack-name', 'DocIngest']);

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      command: 'reindex',
      dryRun: false,
      documents: 1,
      reindexed: 1,
      bandsClaimed: items.nearBands.length,
    });
    expect(table.ofKind('near-band')).toHaveLength(items.nearBands.length);
  });

  it('counts without writing on --dry-run', async () => {
    // Prepare
    store(table, first.bytes, 'a.txt');

    // Act
    const { code, stdout } = await run([
      'reindex',
      '--table',
      'documents',
      '--near-index-table',
      'near-index',
      '--dry-run',
    ]);

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, reindexed: 1 });
    expect(table.ofKind('near-band')).toEqual([]);
  });

  it('refuses to run without a stack or both tables', async () => {
    // Act
    const { code, stderr } = await run(['reindex', '--table', 'documents']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(/--stack-name <name> \(or --near-index-table <name>\)/);
  });
});
