import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { encodeNotificationKey } from '@doc-ingest/aws-adapters';
import { DOCUMENT_SORT_KEY, documentPartitionKey, type SourceRecord } from '@doc-ingest/contracts';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/cdkLocal.ts';
import { localClients } from '../../scripts/lib/localAws.ts';
import { awaitOutcomes, type Outcome } from '../../scripts/lib/uploadAndAwait.ts';
import { hostileFixtures } from '../helpers/hostileFixtures.ts';
import { createPoll } from '../helpers/poll.ts';
import { queueDepth } from '../helpers/queueDepth.ts';
import { removeBucket } from '../helpers/removeBucket.ts';
import { runCliInProcess } from '../helpers/runCliInProcess.ts';
import { tableRecords } from '../helpers/tableRecords.ts';

/*
 * Reliability scenarios against the deployed stack on LocalStack (issue 4):
 * redelivery, races, hostile input, odd keys, ignored events, backfill,
 * poison messages and redrive. Every message goes through LocalStack's own
 * queue, event source mapping (batches, partial failures, redrive policy)
 * and the real ingest Lambda; the test only uploads objects, sends messages
 * shaped like S3's and reads the table. Scenarios run one after another so
 * that "the ingest queue is empty" means "every message of this scenario was
 * consumed". The stack runs its production settings; only the poison
 * scenario shortens the ingest queue's visibility timeout (6 min) to 5 s
 * while it runs, so maxReceiveCount tries take seconds, then restores it.
 * Faults LocalStack cannot inject (throttling, transient S3
 * errors, crashes mid-batch) are in test/integration/ingest/faults.test.ts.
 * Measured results are written to .localstack/outputs/reliability.json and
 * summarized in docs/RELIABILITY.md.
 */

const { outputs } = inject('deployment');
const clients = localClients();
const runId = Date.now().toString(36);
const OUTCOME_TIMEOUT_MS = 120_000;
const POLL_MS = 500;

// ---------------------------------------------------------------- helpers

interface Measured {
  scenario: string;
  filesIn: number;
  deliveries: number;
  documents: number;
  sources: number;
  rejections: number;
  dlqDepth: number;
}
const measured: Measured[] = [];

const poll = createPoll(OUTCOME_TIMEOUT_MS, POLL_MS);

const put = async (key: string, body: Buffer, bucket = outputs.BucketName) => {
  const response = await clients.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }),
  );
  return {
    bucket,
    key,
    size: body.byteLength,
    eTag: response.ETag?.replaceAll('"', ''),
    versionId: response.VersionId,
  };
};
type PutObject = Awaited<ReturnType<typeof put>>;

/** A message body shaped exactly like the one S3 sends for a bucket notification. */
const notification = (object: PutObject, eventName = 'ObjectCreated:Put'): string =>
  JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName,
        userIdentity: { principalId: 'AWS:RELIABILITYTEST' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'reliability-test',
          bucket: { name: object.bucket, arn: `arn:aws:s3:::${object.bucket}` },
          object: {
            key: encodeNotificationKey(object.key),
            size: object.size,
            eTag: object.eTag,
            versionId: object.versionId,
            sequencer: '0055AED6DCD90281E5',
          },
        },
      },
    ],
  });

const send = (body: string, queueUrl = outputs.QueueUrl) =>
  clients.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

/** Sends `count` copies of a body all at once, in parallel batches of ten. */
const sendConcurrently = async (body: string, count: number) => {
  const batches = Array.from({ length: Math.ceil(count / 10) }, (_, batch) =>
    clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: outputs.QueueUrl,
        Entries: Array.from({ length: Math.min(10, count - batch * 10) }, (_, index) => ({
          Id: String(index),
          MessageBody: body,
        })),
      }),
    ),
  );
  const responses = await Promise.all(batches);
  expect(responses.flatMap((response) => response.Failed ?? [])).toEqual([]);
};

/** Waits until the ingest queue holds nothing, twice in a row: every message was consumed. */
const awaitIngestQueueDrained = async () => {
  let emptyPolls = 0;
  await poll('ingest queue drained', async () => {
    emptyPolls = (await queueDepth(clients.sqs, outputs.QueueUrl)) === 0 ? emptyPolls + 1 : 0;
    return emptyPolls >= 2 ? true : undefined;
  });
};

const awaitDlqDepth = (depth: number, timeoutMs = 180_000) =>
  poll(
    `dead-letter queue depth ${depth}`,
    async () =>
      (await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl)) === depth ? true : undefined,
    timeoutMs,
  );

const { sourcesOfKey, rejectionsOfKey, sourcesOfDocument, getDocument } = tableRecords(
  clients.dynamodb,
  outputs.TableName,
  outputs.BucketName,
);

const outcomesOf = async (keys: string[], bucket = outputs.BucketName) => {
  const { outcomes, missing } = await awaitOutcomes(
    clients.dynamodb,
    outputs.TableName,
    bucket,
    keys,
    { timeoutMs: OUTCOME_TIMEOUT_MS },
  );
  expect(missing, 'objects without a record').toEqual([]);
  return new Map(outcomes.map((outcome) => [outcome.key, outcome]));
};

const sourceOf = (outcomes: Map<string, Outcome>, key: string): SourceRecord => {
  const outcome = outcomes.get(key);
  if (outcome?.kind !== 'source')
    throw new Error(`${key}: expected a source, got ${outcome?.kind}`);
  return outcome.record;
};

/** Every item of the table, keyed by pk|sk: the before/after picture for idempotency checks. */
const snapshotTable = async (): Promise<Map<string, string>> => {
  const items = new Map<string, string>();
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const response = await clients.dynamodb.send(
      new ScanCommand({
        TableName: outputs.TableName,
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const raw of response.Items ?? []) {
      const item = unmarshall(raw);
      items.set(`${item.pk}|${item.sk}`, JSON.stringify(item));
    }
    startKey = response.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
};

const cli = (argv: string[]) => runCliInProcess(clients, argv);

const createdBuckets: string[] = [];

const POISON_BODY = 'this is not JSON {';
const POISON_VISIBILITY_TIMEOUT_SECONDS = 5;
const setVisibilityTimeout = (seconds: number) =>
  clients.sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: outputs.QueueUrl,
      Attributes: { VisibilityTimeout: String(seconds) },
    }),
  );

afterAll(async () => {
  for (const bucket of createdBuckets)
    await removeBucket(clients.s3, bucket).catch(() => undefined);
  mkdirSync(join(ROOT, '.localstack', 'outputs'), { recursive: true });
  writeFileSync(
    join(ROOT, '.localstack', 'outputs', 'reliability.json'),
    `${JSON.stringify(measured, null, 2)}\n`,
  );
  console.table(measured);
});

const article = (tag: string) =>
  Buffer.from(
    `Communiqué ${tag}\n\nLes douanes ont saisi une cargaison d'armes à feu destinée à un ` +
      `réseau criminel, selon le parquet. Enquête ${tag} en cours avec Interpol.\n`,
    'utf8',
  );

// -------------------------------------------------------------- scenarios

describe('E2E reliability: redelivery', () => {
  it.each([
    { times: 2, mode: 'sequential' },
    { times: 10, mode: 'sequential' },
    { times: 50, mode: 'sequential' },
    { times: 2, mode: 'concurrent' },
    { times: 10, mode: 'concurrent' },
    { times: 50, mode: 'concurrent' },
  ] as const)(
    'records one document and one source when the same S3 event arrives $times times ($mode)',
    async ({ times, mode }) => {
      // Prepare
      const key = `redelivery/${mode}-${times}.txt`;
      const object = await put(key, article(`${mode} ${times} ${runId}`));
      const body = notification(object);

      // Act: S3's own notification is one more delivery on top of ours.
      if (mode === 'sequential') {
        // Each delivery is consumed before the next is sent.
        await outcomesOf([key]);
        await awaitIngestQueueDrained();
        for (let delivery = 0; delivery < times; delivery++) {
          await send(body);
          if (times <= 10) await awaitIngestQueueDrained();
        }
      } else {
        // All at once, racing S3's own notification for the first write.
        await sendConcurrently(body, times);
        await outcomesOf([key]);
      }
      await awaitIngestQueueDrained();

      // Assess
      const sources = await sourcesOfKey(key);
      expect(sources).toHaveLength(1);
      const [source] = sources as [SourceRecord];
      expect(source).toMatchObject({ status: 'new', versionId: object.versionId });
      const document = await getDocument(source.contentHash);
      expect(document?.sourceCount).toBe(1);
      expect(await sourcesOfDocument(source.contentHash)).toHaveLength(1);
      expect(await rejectionsOfKey(key)).toEqual([]);
      const dlqDepth = await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl);
      expect(dlqDepth).toBe(0);
      measured.push({
        scenario: `redelivery x${times} ${mode}`,
        filesIn: 1,
        deliveries: times + 1,
        documents: document === undefined ? 0 : 1,
        sources: sources.length,
        rejections: 0,
        dlqDepth,
      });
    },
  );
});

describe('E2E reliability: races', () => {
  it('records one document with 20 sources when the same bytes arrive under 20 keys at once', async () => {
    // Prepare
    const bytes = article(`race ${runId}`);
    const keys = Array.from({ length: 20 }, (_, index) => `race/copy-${index}.txt`);

    // Act
    await Promise.all(keys.map((key) => put(key, bytes)));
    const outcomes = await outcomesOf(keys);
    await awaitIngestQueueDrained();

    // Assess
    const hashes = new Set(keys.map((key) => sourceOf(outcomes, key).contentHash));
    expect(hashes.size).toBe(1);
    const [contentHash] = [...hashes] as [string];
    const document = await getDocument(contentHash);
    expect(document?.sourceCount).toBe(20);
    const sources = await sourcesOfDocument(contentHash);
    expect(sources).toHaveLength(20);
    expect(sources.filter((source) => source.status === 'new')).toHaveLength(1);
    expect(document?.firstSource.key).toBe(sources.find((source) => source.status === 'new')?.key);
    const dlqDepth = await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl);
    expect(dlqDepth).toBe(0);
    measured.push({
      scenario: 'race: same bytes, 20 keys at once',
      filesIn: 20,
      deliveries: 20,
      documents: 1,
      sources: sources.length,
      rejections: 0,
      dlqDepth,
    });
  });
});

describe('E2E reliability: hostile input', () => {
  const fixtures = hostileFixtures(runId);
  const keyOf = (name: string) => `hostile/${name}`;
  let outcomes: Map<string, Outcome> | undefined;
  const outcomesOfFixtures = async () => {
    if (outcomes === undefined) {
      await Promise.all(fixtures.map((fixture) => put(keyOf(fixture.name), fixture.bytes)));
      outcomes = await outcomesOf(fixtures.map((fixture) => keyOf(fixture.name)));
      await awaitIngestQueueDrained();
      const sources = fixtures.filter((f) => outcomes?.get(keyOf(f.name))?.kind === 'source');
      measured.push({
        scenario: 'hostile input (one file each)',
        filesIn: fixtures.length,
        deliveries: fixtures.length,
        documents: sources.length,
        sources: sources.length,
        rejections: fixtures.length - sources.length,
        dlqDepth: await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl),
      });
    }
    return outcomes;
  };

  it.each(
    fixtures.map((fixture) => ({ ...fixture, label: `${fixture.name}: ${fixture.description}` })),
  )('gives $label its documented outcome', async (fixture) => {
    // Act
    const outcome = (await outcomesOfFixtures()).get(keyOf(fixture.name));

    // Assess
    if (fixture.expected.kind === 'rejection') {
      expect(outcome?.kind).toBe('rejection');
      if (outcome?.kind !== 'rejection') return;
      expect(outcome.record.reason).toBe(fixture.expected.reason);
      expect(outcome.record.detail.length).toBeGreaterThan(0);
      expect(await sourcesOfKey(keyOf(fixture.name))).toEqual([]);
    } else {
      const source = sourceOf(await outcomesOfFixtures(), keyOf(fixture.name));
      expect(source.encoding).toBe(fixture.expected.encoding);
      expect(source.format ?? 'text').toBe(fixture.expected.format ?? 'text');
      expect((await getDocument(source.contentHash))?.sourceCount).toBe(1);
    }
  });

  it('rejects the too-large object from its declared size', async () => {
    const outcome = (await outcomesOfFixtures()).get(keyOf('too-large.txt'));
    expect(outcome?.kind === 'rejection' && outcome.record).toMatchObject({
      reason: 'too-large',
      size: 1_572_864,
      detail: '1572864 bytes exceeds the 1048576 byte limit',
    });
  });
});

describe('E2E reliability: odd keys', () => {
  const oddKeys = [
    'odd/with space.txt',
    'odd/plus+sign.txt',
    'odd/a+b c.txt',
    'odd/unicodé ü 東京 مرحبا.txt',
    'odd/percent%20literal.txt',
    'odd/percent%2Bplus%.txt',
    'odd/(parens) [brackets] & ampersand=equals;semi.txt',
    'odd/deep/nested/ path /file.txt',
  ];

  it('records each odd key under its exact name, and a redelivery of it changes nothing', async () => {
    // Prepare
    const objects = await Promise.all(
      oddKeys.map((key, index) => put(key, article(`odd ${index} ${runId}`))),
    );
    const outcomes = await outcomesOf(oddKeys);
    await awaitIngestQueueDrained();

    // Act: the same events again, with keys encoded by us the way S3 encodes them.
    for (const object of objects) await send(notification(object));
    await awaitIngestQueueDrained();

    // Assess
    for (const key of oddKeys) {
      expect(sourceOf(outcomes, key).key).toBe(key);
      expect(await sourcesOfKey(key), key).toHaveLength(1);
    }
    measured.push({
      scenario: 'odd keys (space, +, unicode, %, nested)',
      filesIn: oddKeys.length,
      deliveries: oddKeys.length * 2,
      documents: oddKeys.length,
      sources: oddKeys.length,
      rejections: 0,
      dlqDepth: await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl),
    });
  });
});

describe('E2E reliability: events that announce nothing, and removals', () => {
  it('acknowledges an S3 test event and a restore event without writing, and records a delete once', async () => {
    // Prepare: an object that existed and is gone, and one that never existed.
    const doomed = await put('events/doomed.txt', article(`doomed ${runId}`));
    const [source] = [sourceOf(await outcomesOf([doomed.key]), doomed.key)];
    await awaitIngestQueueDrained();
    const before = await snapshotTable();
    // S3's own DeleteMarkerCreated notification is one more removal on top of ours.
    await clients.s3.send(new DeleteObjectCommand({ Bucket: doomed.bucket, Key: doomed.key }));
    const never = { ...doomed, key: 'events/never-existed.txt', versionId: undefined };

    // Act
    await send(
      JSON.stringify({
        Service: 'Amazon S3',
        Event: 's3:TestEvent',
        Time: new Date().toISOString(),
        Bucket: outputs.BucketName,
        RequestId: 'RELIABILITY',
        HostId: 'reliability',
      }),
    );
    await send(notification({ ...doomed, versionId: undefined }, 'ObjectRemoved:Delete'));
    await send(notification(doomed, 'ObjectRemoved:DeleteMarkerCreated'));
    await send(notification(never, 'ObjectRestore:Completed'));
    await send(notification(never, 'ObjectRemoved:Delete'));
    await awaitIngestQueueDrained();

    // Assess: only the doomed object's source and document changed, once.
    const after = await snapshotTable();
    const sourceItem = `${source.pk}|${source.sk}`;
    const documentItem = `${documentPartitionKey(source.contentHash)}|${DOCUMENT_SORT_KEY}`;
    const changed = [...after.keys()].filter((key) => after.get(key) !== before.get(key));
    expect(changed.sort()).toEqual([documentItem, sourceItem].sort());
    expect([...before.keys()].filter((key) => !after.has(key))).toEqual([]);
    expect(JSON.parse(after.get(sourceItem) ?? '{}').deletedAt).toEqual(expect.any(String));
    expect(JSON.parse(after.get(documentItem) ?? '{}')).toMatchObject({
      sourceCount: 1,
      liveSourceCount: 0,
      withdrawnAt: expect.any(String),
    });
    expect(await rejectionsOfKey(never.key)).toEqual([]);
    expect(await sourcesOfKey(never.key)).toEqual([]);
    const dlqDepth = await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl);
    expect(dlqDepth).toBe(0);
    measured.push({
      scenario: 'S3 test event + restore + deletes (one recorded)',
      filesIn: 1,
      deliveries: 6,
      documents: 0,
      sources: 0,
      rejections: 0,
      dlqDepth,
    });
  });
});

describe('E2E reliability: backfill', () => {
  it('re-enqueues already ingested objects without changing a single item', async () => {
    // Prepare: everything the earlier scenarios recorded.
    const before = await snapshotTable();

    // Act
    const { code, report } = await cli([
      'backfill',
      '--bucket',
      outputs.BucketName,
      '--prefix',
      'hostile/',
      '--queue',
      outputs.QueueUrl,
    ]);
    const again = await cli([
      'backfill',
      '--bucket',
      outputs.BucketName,
      '--prefix',
      'race/',
      '--queue',
      outputs.QueueUrl,
    ]);
    await awaitIngestQueueDrained();

    // Assess
    expect(code).toBe(0);
    expect(report).toMatchObject({ enqueued: hostileFixtures(runId).length, failed: 0 });
    expect(again.report).toMatchObject({ enqueued: 20, failed: 0 });
    expect(await snapshotTable()).toEqual(before);
    const dlqDepth = await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl);
    expect(dlqDepth).toBe(0);
    measured.push({
      scenario: 'backfill over ingested prefixes (idempotent)',
      filesIn: report.enqueued + again.report.enqueued,
      deliveries: report.enqueued + again.report.enqueued,
      documents: 0,
      sources: 0,
      rejections: 0,
      dlqDepth,
    });
  });

  it('ingests objects that never had a notification, once, however often it runs', async () => {
    // Prepare: a bucket without notifications stands for a bucket that
    // predates the stack (or objects whose notification was lost).
    const legacy = `legacy-${runId}`;
    await clients.s3.send(new CreateBucketCommand({ Bucket: legacy }));
    createdBuckets.push(legacy);
    const keys = ['old/one.txt', 'old/two copy.txt', 'old/two.txt', 'old/empty.txt'];
    await put(keys[0] as string, article(`legacy one ${runId}`), legacy);
    await put(keys[1] as string, article(`legacy two ${runId}`), legacy);
    await put(keys[2] as string, article(`legacy two ${runId}`), legacy);
    await put(keys[3] as string, Buffer.alloc(0), legacy);
    const args = ['backfill', '--bucket', legacy, '--prefix', 'old/', '--queue', outputs.QueueUrl];

    // Act
    const first = await cli(args);
    const outcomes = await outcomesOf(keys, legacy);
    await awaitIngestQueueDrained();
    const afterFirst = await snapshotTable();
    const second = await cli(args);
    await awaitIngestQueueDrained();

    // Assess
    expect(first.report).toMatchObject({ enqueued: 4, failed: 0 });
    expect(second.report).toMatchObject({ enqueued: 4, failed: 0 });
    expect(await snapshotTable()).toEqual(afterFirst);
    const kinds = keys.map((key) => {
      const outcome = outcomes.get(key);
      return outcome?.kind === 'source' ? outcome.record.status : outcome?.record.reason;
    });
    expect(kinds.slice(0, 1)).toEqual(['new']);
    expect(kinds.slice(1, 3).sort()).toEqual(['duplicate', 'new']);
    expect(kinds[3]).toBe('empty');
    const twoHash = sourceOf(outcomes, keys[2] as string).contentHash;
    expect((await getDocument(twoHash))?.sourceCount).toBe(2);
    const dlqDepth = await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl);
    expect(dlqDepth).toBe(0);
    measured.push({
      scenario: 'backfill of a bucket without notifications, run twice',
      filesIn: keys.length,
      deliveries: first.report.enqueued + second.report.enqueued,
      documents: 2,
      sources: 3,
      rejections: 1,
      dlqDepth,
    });
  });
});

describe('E2E reliability: poison messages and redrive', () => {
  it('dead-letters failing messages after maxReceiveCount tries; redrive ingests the fixed one', async () => {
    // Prepare: the stack's own redrive policy (maxReceiveCount) with a short
    // visibility timeout while this scenario runs, so that each retry comes
    // after 5 s instead of 6 min. Nothing else is in flight now.
    const { Attributes = {} } = await clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: outputs.QueueUrl,
        AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'],
      }),
    );
    const maxReceiveCount = Number(JSON.parse(Attributes.RedrivePolicy ?? '{}').maxReceiveCount);
    expect(maxReceiveCount).toBeGreaterThan(0);
    await setVisibilityTimeout(POISON_VISIBILITY_TIMEOUT_SECONDS);
    try {
      // A long poll the event source mapping opened before the change still
      // hands out messages with the old timeout: let a harmless S3 test event
      // take that one.
      await send(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }));
      await awaitIngestQueueDrained();
      // One message that can never succeed (not JSON), and one that fails for
      // a fixable reason: it announces an object in a bucket the function
      // cannot read yet (on AWS: a missing grant; here: a bucket that does not
      // exist yet). That is an error, retried, and recorded as `unreadable`
      // only on its last receive.
      const pending = `pending-${runId}`;
      const fixable = {
        bucket: pending,
        key: 'late/arrival.txt',
        size: 200,
        eTag: undefined,
        versionId: undefined,
      };
      await send(POISON_BODY);
      await send(notification(fixable));

      // Act 1: LocalStack's redrive policy moves both after maxReceiveCount
      // failed receives; the last receive of the readable-later one records it
      // as unreadable, with S3's error code.
      await awaitDlqDepth(2);
      await awaitIngestQueueDrained();
      expect(await sourcesOfKey(fixable.key, pending)).toEqual([]);
      expect(await rejectionsOfKey(fixable.key, pending)).toEqual([
        expect.objectContaining({ reason: 'unreadable', errorCode: 'NoSuchBucket' }),
      ]);

      // Act 2: fix the cause, then redrive with the CLI.
      await clients.s3.send(new CreateBucketCommand({ Bucket: pending }));
      createdBuckets.push(pending);
      await put(fixable.key, article(`late ${runId}`), pending);
      const redrive = await cli([
        'redrive',
        '--from',
        outputs.DeadLetterQueueUrl,
        '--to',
        outputs.QueueUrl,
      ]);
      // Its unreadable rejection is there already: wait for the source itself.
      const [fixedSource] = await poll('the redriven object recorded', async () => {
        const found = await sourcesOfKey(fixable.key, pending);
        return found.length > 0 ? found : undefined;
      });

      // Assess: the fixed message is ingested; the unparseable one fails its
      // tries again and returns to the DLQ, bounded, instead of looping.
      expect(redrive).toMatchObject({ code: 0, report: { moved: 2, failed: 0 } });
      expect(fixedSource?.status).toBe('new');
      await awaitDlqDepth(1);
      await awaitIngestQueueDrained();
      const dlqDepth = await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl);
      const { Messages = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: outputs.DeadLetterQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
        }),
      );
      expect(Messages.map((message) => message.Body)).toEqual([POISON_BODY]);
      measured.push({
        scenario: `poison + fixable failure, redrive (maxReceiveCount ${maxReceiveCount})`,
        filesIn: 1,
        deliveries: 2,
        documents: 1,
        sources: 1,
        rejections: 1,
        dlqDepth,
      });
      // Leave the DLQ empty for the other suites.
      for (const message of Messages) {
        await clients.sqs.send(
          new DeleteMessageCommand({
            QueueUrl: outputs.DeadLetterQueueUrl,
            ReceiptHandle: message.ReceiptHandle,
          }),
        );
      }
    } finally {
      await setVisibilityTimeout(Number(Attributes.VisibilityTimeout));
    }
  });
});

describe('E2E reliability: at the end', () => {
  it('still has exactly one source per redelivered key and an empty DLQ', async () => {
    for (const key of ['redelivery/concurrent-50.txt', 'redelivery/sequential-50.txt']) {
      const sources = await sourcesOfKey(key);
      expect(sources, key).toHaveLength(1);
      expect((await getDocument(sources[0]?.contentHash ?? ''))?.sourceCount, key).toBe(1);
    }
    expect(await queueDepth(clients.sqs, outputs.DeadLetterQueueUrl)).toBe(0);
  });
});
