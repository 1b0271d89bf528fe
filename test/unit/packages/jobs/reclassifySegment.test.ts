import { DynamoDBClient, ScanCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import {
  buildDocumentItems,
  COMPILED_TAXONOMY,
  loadTaxonomy,
  processDocument,
  TAXONOMY_VERSION,
} from '@doc-ingest/core';
import { JobInputError, reclassifySegment } from '@doc-ingest/jobs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

// DynamoDB is mocked to see each Scan's segment and resume key, call by call.
const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const dynamoMock = mockClient(dynamodb);
const s3 = new S3Client({ region: 'eu-west-1' });
const clients = { dynamodb, s3 };

const storedDocument = (taxonomyVersion: string, key: string) => {
  const result = processDocument({
    bytes: Buffer.from(
      `Rançongiciel contre un hôpital ${key}\n\nDes pirates ont chiffré les serveurs avec un rançongiciel et réclament une rançon.`,
    ),
    key,
  });
  if (!result.ok) throw new Error('fixture');
  const { document } = buildDocumentItems(
    result.value,
    { bucket: 'b', key, size: 1 },
    { inline: true },
    '2026-01-01T00:00:00.000Z',
  );
  return marshall(
    {
      ...document,
      taxonomyVersion,
      topics: [{ id: 'organized_crime', score: 0.6, terms: ['gang'] }],
    },
    { removeUndefinedValues: true },
  );
};

const PAGE_TWO = { pk: { S: 'DOC#2' }, sk: { S: 'DOC' } };

describe('Function: reclassifySegment', () => {
  beforeEach(() => {
    dynamoMock.reset();
    dynamoMock.on(TransactWriteItemsCommand).resolves({});
  });

  it('scans only its segment, skips documents already current, and finishes', async () => {
    // Prepare
    dynamoMock.on(ScanCommand).resolves({
      Items: [storedDocument('2000.1.1', 'a.txt'), storedDocument(TAXONOMY_VERSION, 'b.txt')],
    });

    // Act
    const result = await reclassifySegment(
      clients,
      'table',
      { segment: 3, totalSegments: 8, dryRun: false },
      () => true,
      COMPILED_TAXONOMY,
    );

    // Assess
    expect(result).toMatchObject({
      segment: 3,
      totalSegments: 8,
      done: true,
      scanned: 2,
      upToDate: 1,
      reclassified: 1,
    });
    expect(result.startKey).toBeUndefined();
    expect(dynamoMock.commandCalls(ScanCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'table',
      Segment: 3,
      TotalSegments: 8,
    });
    expect(dynamoMock.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it('stops at a page boundary when time runs short and resumes from the returned key', async () => {
    // Prepare
    dynamoMock
      .on(ScanCommand)
      .resolvesOnce({ Items: [storedDocument('2000.1.1', 'a.txt')], LastEvaluatedKey: PAGE_TWO })
      .resolvesOnce({ Items: [storedDocument('2000.1.1', 'c.txt')] });

    // Act
    const first = await reclassifySegment(
      clients,
      'table',
      { segment: 0, totalSegments: 2 },
      () => false,
      COMPILED_TAXONOMY,
    );
    const second = await reclassifySegment(clients, 'table', first, () => false, COMPILED_TAXONOMY);

    // Assess
    expect(first).toMatchObject({ done: false, scanned: 1, startKey: PAGE_TWO });
    // The second round's result is the segment's: counts carried over from the first.
    expect(second).toMatchObject({ done: true, scanned: 2, reclassified: 2 });
    expect(dynamoMock.commandCalls(ScanCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual(
      PAGE_TWO,
    );
  });

  it('writes nothing on a dry run', async () => {
    // Prepare
    dynamoMock.on(ScanCommand).resolves({ Items: [storedDocument('2000.1.1', 'a.txt')] });

    // Act
    const result = await reclassifySegment(
      clients,
      'table',
      { segment: 0, totalSegments: 1, dryRun: true },
      () => true,
      COMPILED_TAXONOMY,
    );

    // Assess
    expect(result).toMatchObject({ dryRun: true, reclassified: 1, done: true });
    expect(dynamoMock.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it.each([
    [{ segment: 4, totalSegments: 4 }],
    [{ segment: -1, totalSegments: 4 }],
    [{ segment: 0, totalSegments: 0 }],
    [{ segment: 0.5, totalSegments: 2 }],
    [{ totalSegments: 2 }],
  ])('refuses a segment the state machine never sends: %j', async (input) => {
    // Act
    const attempt = reclassifySegment(clients, 'table', input, () => true, COMPILED_TAXONOMY);

    // Assess
    await expect(attempt).rejects.toThrow(JobInputError);
    expect(dynamoMock.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it('scores with the taxonomy it is given, and leaves documents of a newer one alone', async () => {
    // Prepare: the deployed taxonomy is a small one of its own version.
    const taxonomy = loadTaxonomy({
      version: '2030.1.1',
      topics: [{ id: 'ransomware', terms: { fr: ['rançongiciel'] } }],
    });
    dynamoMock.on(ScanCommand).resolves({
      Items: [storedDocument('2000.1.1', 'a.txt'), storedDocument('2031.1.1', 'b.txt')],
    });

    // Act
    const result = await reclassifySegment(
      clients,
      'table',
      { segment: 0, totalSegments: 1, dryRun: false },
      () => true,
      taxonomy,
    );

    // Assess
    expect(result).toMatchObject({ taxonomyVersion: '2030.1.1', reclassified: 1, newer: 1 });
  });
});
