import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { recordRejection } from '@doc-ingest/aws-adapters';
import type { RejectionRecord } from '@doc-ingest/contracts';
import { buildRejectionRecord } from '@doc-ingest/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeDocumentTable } from '../../../../helpers/fakeDocumentTable.ts';

const object = { bucket: 'b', key: 'k.txt', versionId: 'v1', size: 10 };
const rejection = (reason: RejectionRecord['reason'], errorCode?: string) =>
  buildRejectionRecord(
    object,
    { reason, detail: reason, ...(errorCode === undefined ? {} : { errorCode }) },
    '2026-12-06T22:00:00.000Z',
  );

describe('Function: recordRejection', () => {
  let table: ReturnType<typeof fakeDocumentTable>;
  const dynamodb = new DynamoDBClient({});
  beforeEach(() => {
    table = fakeDocumentTable();
  });

  it('keeps the first verdict on a content', async () => {
    // Act
    const outcomes = [
      await recordRejection(dynamodb, 't', rejection('empty')),
      await recordRejection(dynamodb, 't', rejection('binary-content')),
    ];

    // Assess
    expect(outcomes).toEqual(['rejected', 'already-recorded']);
    expect(table.ofKind('rejection').map((item) => item.reason)).toEqual(['empty']);
  });

  it('lets the content verdict replace unreadable, and never the reverse', async () => {
    // Act
    const outcomes = [
      await recordRejection(dynamodb, 't', rejection('unreadable', 'AccessDenied')),
      await recordRejection(dynamodb, 't', rejection('unreadable', 'NoSuchBucket')),
      await recordRejection(dynamodb, 't', rejection('empty')),
      await recordRejection(dynamodb, 't', rejection('unreadable', 'AccessDenied')),
    ];

    // Assess
    expect(outcomes).toEqual(['rejected', 'already-recorded', 'rejected', 'already-recorded']);
    const [record] = table.ofKind('rejection');
    expect(record).toMatchObject({ reason: 'empty' });
    expect(record?.errorCode).toBeUndefined();
  });
});
