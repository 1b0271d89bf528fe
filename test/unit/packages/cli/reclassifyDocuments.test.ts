import {
  DynamoDBClient,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import { buildDocumentItems, processDocument, TAXONOMY_VERSION } from '@doc-ingest/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCliMain } from '../../../helpers/runCliMain.ts';

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const dynamoMock = mockClient(dynamodb);
const s3 = new S3Client({ region: 'eu-west-1' });

const storedDocument = (taxonomyVersion: string) => {
  const result = processDocument({
    bytes: Buffer.from(
      'Rançongiciel contre un hôpital\n\nDes pirates ont chiffré les serveurs avec un rançongiciel et réclament une rançon.',
    ),
    key: 'a.txt',
  });
  if (!result.ok) throw new Error('fixture');
  const { document } = buildDocumentItems(
    result.value,
    { bucket: 'b', key: 'a.txt', size: 1 },
    { inline: true },
    '2026-01-01T00:00:00.000Z',
  );
  // As an older release stored it: another version and a topic it no longer gives.
  return {
    ...document,
    taxonomyVersion,
    topics: [{ id: 'organized_crime' as const, score: 0.6, terms: ['gang'] }],
  };
};

const run = async (...argv: string[]) => {
  const { code, stdout, stderr } = await runCliMain(argv, {
    dynamodb: () => dynamodb,
    s3: () => s3,
  });
  return { code, report: JSON.parse(stdout), stderr };
};

const WEATHER = new URL('../../../../examples/weather-taxonomy/taxonomy.yaml', import.meta.url)
  .pathname;

describe('Function: main (ingest reclassify)', () => {
  beforeEach(() => dynamoMock.reset());

  it('rewrites topics of documents from an older taxonomy in one conditional transaction', async () => {
    // Prepare
    const old = storedDocument('2000.1.1');
    dynamoMock
      .on(ScanCommand)
      .resolves({ Items: [marshall(old, { removeUndefinedValues: true })] });
    dynamoMock.on(TransactWriteItemsCommand).resolves({});

    // Act
    const { code, report } = await run('reclassify', '--table', 'documents');

    // Assess
    expect(code).toBe(0);
    expect(report).toMatchObject({ scanned: 1, reclassified: 1, topicsChanged: 1, conflicts: 0 });
    const items =
      dynamoMock.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input.TransactItems;
    expect(items?.[0]?.Update?.ConditionExpression).toBe('taxonomyVersion = :read');
    expect(items?.[0]?.Update?.ExpressionAttributeValues?.[':version']).toEqual({
      S: TAXONOMY_VERSION,
    });
    expect(items?.some((i) => i.Put?.Item?.topicId?.S === 'cybercrime')).toBe(true);
    expect(items?.some((i) => i.Delete?.Key?.sk?.S === 'TOPIC#organized_crime')).toBe(true);
  });

  it('skips documents already at this release and writes nothing on a dry run', async () => {
    // Prepare
    dynamoMock.on(ScanCommand).resolves({
      Items: [
        marshall(storedDocument(TAXONOMY_VERSION), { removeUndefinedValues: true }),
        marshall(storedDocument('2000.1.1'), { removeUndefinedValues: true }),
      ],
    });

    // Act
    const { report } = await run('reclassify', '--table', 'documents', '--dry-run');

    // Assess
    expect(report).toMatchObject({ scanned: 2, upToDate: 1, reclassified: 1, dryRun: true });
    expect(dynamoMock.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it('counts a document changed meanwhile as a conflict, not an error', async () => {
    // Prepare
    dynamoMock
      .on(ScanCommand)
      .resolves({ Items: [marshall(storedDocument('2000.1.1'), { removeUndefinedValues: true })] });
    dynamoMock.on(TransactWriteItemsCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      }),
    );

    // Act
    const { report } = await run('reclassify', '--table', 'documents');

    // Assess
    expect(report).toMatchObject({ reclassified: 0, conflicts: 1 });
  });

  it('never moves a document to an older taxonomy version: refuses, says why, exits 1', async () => {
    // Prepare
    const newer = storedDocument('2999.1.1');
    dynamoMock
      .on(ScanCommand)
      .resolves({ Items: [marshall(newer, { removeUndefinedValues: true })] });

    // Act
    const { code, report, stderr } = await run('reclassify', '--table', 'documents');

    // Assess
    expect(code).toBe(1);
    expect(report).toMatchObject({
      scanned: 1,
      newer: 1,
      newestVersion: '2999.1.1',
      reclassified: 0,
    });
    expect(stderr).toMatch(/refused .*2999\.1\.1, newer than [\d.]+/);
    expect(dynamoMock.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it('reclassifies with the taxonomy file given by --taxonomy, to its version', async () => {
    // Prepare
    dynamoMock.on(ScanCommand).resolves({
      Items: [marshall(storedDocument('2026.12.1'), { removeUndefinedValues: true })],
    });
    dynamoMock.on(TransactWriteItemsCommand).resolves({});

    // Act
    const { code, report } = await run('reclassify', '--table', 'documents', '--taxonomy', WEATHER);

    // Assess
    expect(code).toBe(0);
    expect(report).toMatchObject({ taxonomyVersion: '2027.01.1', reclassified: 1, newer: 0 });
    const items =
      dynamoMock.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input.TransactItems;
    expect(items?.[0]?.Update?.ExpressionAttributeValues?.[':version']).toEqual({
      S: '2027.01.1',
    });
  });
});
