import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  type RejectionRecord,
  rejectionPartitionKey,
  type SourceRecord,
  sourcePartitionKey,
} from '@doc-ingest/contracts';

interface UploadedObject {
  file: string;
  key: string;
  versionId?: string;
}

/** What the pipeline made of one uploaded object. */
type Outcome =
  | { key: string; kind: 'source'; record: SourceRecord }
  | { key: string; kind: 'rejection'; record: RejectionRecord };

/** Uploads files under a prefix, keeping their base names as keys. */
const uploadFiles = async (
  s3: S3Client,
  bucket: string,
  prefix: string,
  files: string[],
): Promise<UploadedObject[]> => {
  const uploaded: UploadedObject[] = [];
  for (const file of files) {
    const key = `${prefix}${basename(file)}`;
    const response = await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(file) }),
    );
    const object: UploadedObject = { file, key };
    if (response.VersionId !== undefined) object.versionId = response.VersionId;
    uploaded.push(object);
  }
  return uploaded;
};

const firstItem = async (client: DynamoDBClient, table: string, pk: string) => {
  const response = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: pk } },
      ConsistentRead: true,
    }),
  );
  const item = response.Items?.[0];
  return item === undefined ? undefined : unmarshall(item);
};

/** The recorded outcome of an object key, if the pipeline has written one yet. */
const findOutcome = async (
  dynamodb: DynamoDBClient,
  table: string,
  bucket: string,
  key: string,
): Promise<Outcome | undefined> => {
  const source = await firstItem(dynamodb, table, sourcePartitionKey({ bucket, key }));
  if (source !== undefined) return { key, kind: 'source', record: source as SourceRecord };
  const rejection = await firstItem(dynamodb, table, rejectionPartitionKey({ bucket, key }));
  if (rejection !== undefined) {
    return { key, kind: 'rejection', record: rejection as RejectionRecord };
  }
  return undefined;
};

/**
 * Polls the table until every key has an outcome or the deadline passes;
 * returns what was found and the keys still missing.
 */
const awaitOutcomes = async (
  dynamodb: DynamoDBClient,
  table: string,
  bucket: string,
  keys: string[],
  options: { timeoutMs: number; intervalMs?: number },
): Promise<{ outcomes: Outcome[]; missing: string[] }> => {
  const deadline = Date.now() + options.timeoutMs;
  const found = new Map<string, Outcome>();
  for (;;) {
    for (const key of keys) {
      if (found.has(key)) continue;
      const outcome = await findOutcome(dynamodb, table, bucket, key);
      if (outcome !== undefined) found.set(key, outcome);
    }
    const missing = keys.filter((key) => !found.has(key));
    if (missing.length === 0 || Date.now() > deadline) {
      return { outcomes: keys.flatMap((key) => found.get(key) ?? []), missing };
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
};

export type { Outcome, UploadedObject };
export { awaitOutcomes, findOutcome, uploadFiles };
