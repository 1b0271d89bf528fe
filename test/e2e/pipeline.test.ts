import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { getDocument } from '@doc-ingest/aws-adapters';
import { main } from '@doc-ingest/cli';
import {
  DOCUMENT_SORT_KEY,
  DocumentEvents,
  documentPartitionKey,
  isDocumentInsert,
  parseTableChange,
  type SourceRecord,
} from '@doc-ingest/contracts';
import { TAXONOMY_VERSION } from '@doc-ingest/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localClients } from '../../scripts/lib/localAws.ts';
import { awaitOutcomes, type Outcome } from '../../scripts/lib/uploadAndAwait.ts';
import { createEventsProbe } from '../helpers/eventsProbe.ts';
import { readTableStream } from '../helpers/readTableStream.ts';
import { loadSamples } from '../helpers/samples.ts';

/*
 * The deployed stack, end to end on LocalStack: S3 notification -> SQS ->
 * ingest Lambda -> DynamoDB -> stream -> publish-events Lambda -> EventBridge.
 * Everything here runs through LocalStack's own notifications and event
 * source mappings; nothing calls the handlers directly.
 */

const { outputs } = inject('deployment');
const clients = localClients();
const samples = loadSamples();
const OUTCOME_TIMEOUT_MS = 240_000;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);
const sample100 = samples.find((s) => s.name.startsWith('100_'));
if (sample100 === undefined) throw new Error('sample 100 missing');
/** The same article as sample 100 with CRLF line endings, decomposed accents and NBSPs. */
const variantOf100 = Buffer.from(
  sample100.bytes
    .toString('utf8')
    .replaceAll('\n', '\r\n')
    .normalize('NFD')
    .replaceAll(' le ', '\u00a0le\u00a0'),
  'utf8',
);

const sample101 = samples.find((s) => s.name.startsWith('101_'));
if (sample101 === undefined) throw new Error('sample 101 missing');
/** Sample 101 republished elsewhere: another headline and a site footer. */
const republishedOf101 = Buffer.from(
  `Hospital group hit by ransomware, surgeries postponed\n${sample101.bytes.toString('utf8').split('\n').slice(1).join('\n')}\n\nShare this story. Follow us for more news.\n`,
  'utf8',
);

const put = (key: string, body: Buffer) =>
  clients.s3.send(new PutObjectCommand({ Bucket: outputs.BucketName, Key: key, Body: body }));

const outcomesOf = async (keys: string[]): Promise<Map<string, Outcome>> => {
  const { outcomes, missing } = await awaitOutcomes(
    clients.dynamodb,
    outputs.TableName,
    outputs.BucketName,
    keys,
    {
      timeoutMs: OUTCOME_TIMEOUT_MS,
    },
  );
  expect(missing, 'objects without a record').toEqual([]);
  return new Map(outcomes.map((outcome) => [outcome.key, outcome]));
};

const sourceOf = (outcomes: Map<string, Outcome>, key: string): SourceRecord => {
  const outcome = outcomes.get(key);
  if (outcome?.kind !== 'source')
    throw new Error(`${key}: expected a source record, got ${outcome?.kind}`);
  return outcome.record;
};

const documentOf = (contentHash: string) =>
  getDocument(clients.dynamodb, outputs.TableName, contentHash);

let probe: Awaited<ReturnType<typeof createEventsProbe>>;
let sampleOutcomes: Map<string, Outcome>;
let copyOutcomes: Map<string, Outcome>;
// Other suites share the stack: everything this one uploads, and counts, is under its own prefix.
const PREFIX = 'pipeline-suite/';
const ours = (key: string | undefined): boolean => key?.startsWith(PREFIX) === true;
const sampleKeys = samples.map((s) => `${PREFIX}samples/${s.name}`);
const copyKeys = [
  `${PREFIX}copies/renamed copy of 100.txt`,
  `${PREFIX}copies/100 crlf nfd nbsp.txt`,
];
const republishedKey = `${PREFIX}copies/republished 101.txt`;
const badKeys = [`${PREFIX}bad/empty.txt`, `${PREFIX}bad/photo.txt`, `${PREFIX}bad/letter.txt`];

beforeAll(async () => {
  probe = await createEventsProbe(clients, outputs.EventBusName, DocumentEvents.SOURCE);
  for (const [index, sample] of samples.entries()) {
    await put(sampleKeys[index] as string, sample.bytes);
  }
  await put(badKeys[0] as string, Buffer.alloc(0));
  await put(badKeys[1] as string, PNG);
  // HTML is read as text since 1.3; RTF is a format the pipeline does not read.
  await put(badKeys[2] as string, Buffer.from('{\\rtf1\\ansi\\deff0 Hello}'));
  sampleOutcomes = await outcomesOf([...sampleKeys, ...badKeys]);
  // Copies go in only once the originals are recorded, so which one is "new" is certain.
  await put(copyKeys[0] as string, sample100.bytes);
  await put(copyKeys[1] as string, variantOf100);
  await put(republishedKey, republishedOf101);
  copyOutcomes = await outcomesOf([...copyKeys, republishedKey]);
});

afterAll(async () => {
  await probe?.dispose();
});

describe('E2E: ingestion pipeline on LocalStack', () => {
  it('records one new document per sample, with its language and topics', async () => {
    for (const [index, sample] of samples.entries()) {
      const source = sourceOf(sampleOutcomes, sampleKeys[index] as string);
      expect(source.status, sample.name).toBe('new');
      const document = await documentOf(source.contentHash);
      expect(document, sample.name).toBeDefined();
      expect(document?.language, sample.name).toBe(sample.expected.language);
      const topics = document?.topics.map((topic) => topic.id) ?? [];
      expect(topics, sample.name).toEqual(expect.arrayContaining(sample.expected.topics));
      const allowed = new Set([...sample.expected.topics, ...sample.expected.optional_topics]);
      expect(
        topics.filter((id) => !allowed.has(id)),
        sample.name,
      ).toEqual([]);
      expect(document?.firstSource.key).toBe(sampleKeys[index]);
    }
  });

  it('records a renamed copy and an encoding variant as duplicate sources, not new documents', async () => {
    const original = sourceOf(sampleOutcomes, sampleKeys[0] as string);
    for (const key of copyKeys) {
      const copy = sourceOf(copyOutcomes, key);
      expect(copy.status, key).toBe('duplicate');
      expect(copy.contentHash, key).toBe(original.contentHash);
    }
    const document = await documentOf(original.contentHash);
    expect(document?.sourceCount).toBe(3);
  });

  it('records a republished copy as a new document marked near-duplicate of the original', async () => {
    const original = sourceOf(sampleOutcomes, `${PREFIX}samples/${sample101.name}`);
    const copy = sourceOf(copyOutcomes, republishedKey);
    expect(copy.contentHash).not.toBe(original.contentHash);
    const document = await documentOf(copy.contentHash);
    expect(document?.nearDuplicateOf?.contentHash).toBe(original.contentHash);
    expect(document?.nearDuplicateOf?.similarity).toBeGreaterThan(0.6);
    expect((await documentOf(original.contentHash))?.nearDuplicateOf).toBeUndefined();
  });

  it('records bad input as rejections with their reasons', () => {
    const reasons = badKeys.map((key) => {
      const outcome = sampleOutcomes.get(key);
      return outcome?.kind === 'rejection' ? outcome.record.reason : outcome?.kind;
    });
    expect(reasons).toEqual(['empty', 'binary-content', 'unsupported-type']);
  });

  it('streams exactly one INSERT per new document', async () => {
    const records = await readTableStream(clients.streams, outputs.TableStreamArn);
    const inserted = records
      .map((record) => parseTableChange(record))
      .filter(isDocumentInsert)
      .filter((change) => ours(change.newRecord.firstSource.key))
      .map((change) => change.newRecord.contentHash);
    // One per sample plus the republished copy, which is a distinct content.
    expect(inserted).toHaveLength(samples.length + 1);
    expect(new Set(inserted).size).toBe(samples.length + 1);
  });

  it('streams contract items only: no near-duplicate index item reaches the table stream (issue 12)', async () => {
    const records = await readTableStream(clients.streams, outputs.TableStreamArn);
    const kinds = records.map(
      (record) => record.dynamodb?.NewImage?.kind?.S ?? record.dynamodb?.OldImage?.kind?.S,
    );
    const contract = kinds.filter((kind) =>
      ['document', 'source', 'topic', 'rejection'].includes(String(kind)),
    );
    expect(records.length).toBeGreaterThan(samples.length);
    expect(contract.length / records.length).toBeGreaterThanOrEqual(0.95);
    expect(kinds.filter((kind) => kind === 'near-band')).toEqual([]);
  });

  it('publishes one DocumentIngested event per new document', async () => {
    const documentCount = samples.length + 1;
    type Received = {
      'detail-type': string;
      detail: { contentHash: string; firstSource: { key: string } };
    };
    const isOurs = (event: unknown) => ours((event as Received).detail.firstSource.key);
    await probe.collect(documentCount, 120_000, isOurs);
    // Give a duplicate publication a moment to show up before counting.
    const events = (await probe.collect(documentCount + 1, 3_000, isOurs)) as Received[];
    expect(events).toHaveLength(documentCount);
    expect(new Set(events.map((event) => event['detail-type']))).toEqual(
      new Set([DocumentEvents.DOCUMENT_INGESTED]),
    );
    const expected = [
      ...samples.map(
        (_, index) => sourceOf(sampleOutcomes, sampleKeys[index] as string).contentHash,
      ),
      sourceOf(copyOutcomes, republishedKey).contentHash,
    ];
    expect(new Set(events.map((event) => event.detail.contentHash))).toEqual(new Set(expected));
  });

  it('leaves the dead-letter and stream-failure queues empty', async () => {
    for (const queueUrl of [outputs.DeadLetterQueueUrl, outputs.StreamFailureQueueUrl]) {
      const { Attributes } = await clients.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      expect(Number(Attributes?.ApproximateNumberOfMessages), queueUrl).toBe(0);
      expect(Number(Attributes?.ApproximateNumberOfMessagesNotVisible), queueUrl).toBe(0);
    }
  });

  it('reclassifies a document of an older taxonomy, visible as a MODIFY on the stream', async () => {
    // Prepare: make one document look as an older release stored it
    const sample = samples.find((s) => s.expected.topics.includes('child_exploitation'));
    if (sample === undefined) throw new Error('no child_exploitation sample');
    const { contentHash } = sourceOf(sampleOutcomes, `${PREFIX}samples/${sample.name}`);
    const OLD_VERSION = '2000.1.1';
    await clients.dynamodb.send(
      new UpdateItemCommand({
        TableName: outputs.TableName,
        Key: { pk: { S: documentPartitionKey(contentHash) }, sk: { S: DOCUMENT_SORT_KEY } },
        UpdateExpression: 'SET taxonomyVersion = :old, topics = :none',
        ExpressionAttributeValues: { ':old': { S: OLD_VERSION }, ':none': { L: [] } },
      }),
    );
    const reclassify = async () => {
      const out: string[] = [];
      const io = { stdout: { write: (c: string) => out.push(c) }, stderr: { write: () => true } };
      const code = await main(['reclassify', '--table', outputs.TableName], io, {
        dynamodb: () => clients.dynamodb,
        s3: () => clients.s3,
      });
      return { code, report: JSON.parse(out.join('')) };
    };

    // Act
    const first = await reclassify();
    const second = await reclassify();

    // Assess
    expect(first.code).toBe(0);
    expect(first.report).toMatchObject({ reclassified: 1, topicsChanged: 1, conflicts: 0 });
    expect(second.report).toMatchObject({ reclassified: 0 });
    const document = await documentOf(contentHash);
    expect(document?.taxonomyVersion).toBe(TAXONOMY_VERSION);
    expect(document?.topics.map((t) => t.id)).toContain('child_exploitation');
    const changes = (await readTableStream(clients.streams, outputs.TableStreamArn)).map((r) =>
      parseTableChange(r),
    );
    const upgrades = changes.filter(
      (change) =>
        change.eventName === 'MODIFY' &&
        change.oldRecord?.kind === 'document' &&
        change.oldRecord.taxonomyVersion === OLD_VERSION &&
        change.newRecord?.kind === 'document' &&
        change.newRecord.taxonomyVersion === TAXONOMY_VERSION,
    );
    expect(upgrades).toHaveLength(1);
  });
});
