import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createDynamoDocumentStore } from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { describe } from 'vitest';
import { documentStoreConformance } from '../../../../helpers/documentStoreConformance.ts';
import { fakeDocumentTable } from '../../../../helpers/fakeDocumentTable.ts';

/*
 * The deployed store against the same suite as the in-memory one. DynamoDB is
 * the in-memory table fake and S3 a mock (no AWS in unit runs); the LocalStack
 * suites run the same store against DynamoDB's emulation.
 */

const s3Mock = mockClient(S3Client);

describe('Function: createDynamoDocumentStore', () => {
  documentStoreConformance('DynamoDB', (beforeWrite) => {
    const table = fakeDocumentTable({ beforeWrite });
    s3Mock.reset();
    s3Mock.on(PutObjectCommand).resolves({});
    const store = createDynamoDocumentStore({
      dynamodb: new DynamoDBClient({}),
      s3: new S3Client({}),
      tableName: 'documents',
      nearIndexTableName: 'near-index',
      textBucketName: 'texts',
    });
    // Band items share the fake's map: the in-memory store keeps them apart.
    const items = () => [...table.items.values()].filter((item) => item.kind !== 'near-band');
    return { store, items };
  });
});
