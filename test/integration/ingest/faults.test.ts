import { Readable } from 'node:stream';
import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeContext } from '../../helpers/fakeContext.ts';
import { fakeDocumentTable } from '../../helpers/fakeDocumentTable.ts';
import { loadEvent } from '../../helpers/loadEvent.ts';
import { stubHandlerEnv } from '../../helpers/stubHandlerEnv.ts';

/*
 * Faults mid-batch, against the real ingest handler (middy + Powertools batch
 * processing + the real writers) driven through an SQS model: batches of ten,
 * partial batch failures, at-least-once (duplicate) delivery, redelivery of
 * failed or unacknowledged messages, maxReceiveCount then a DLQ, and an
 * operator redrive. Mocked on purpose: LocalStack cannot throttle DynamoDB,
 * fail a GetObject transiently, cut a body stream, commit a transaction and
 * lose its response, or kill a Lambda halfway through a batch on demand.
 * aws-sdk-client-mock stubs the SDK clients (S3 in memory, DynamoDB via
 * test/helpers/fakeDocumentTable.ts), and a wrapper in front of the DynamoDB
 * stub injects the failures. The LocalStack suite (test/e2e/reliability)
 * covers what the emulator does produce: redelivery, races, DLQ and redrive.
 */

const MAX_RECEIVE_COUNT = 5;
const BATCH_SIZE = 10;
const MAX_OBJECT_BYTES = 1_048_576;
const BUCKET = 'doc-ingest-bucket';

type Handler = (
  event: SQSEvent,
  context: ReturnType<typeof fakeContext>,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
let handler: Handler;

// ------------------------------------------------------------- the objects

const article = (tag: string) =>
  Buffer.from(
    `Note ${tag}\n\nLes enquêteurs ont démantelé un réseau de blanchiment d'argent lié au ` +
      `trafic de cocaïne. Le dossier ${tag} implique ${tag.length} pays et plusieurs sociétés écrans.\n`,
    'utf8',
  );

/** Objects in the fake bucket; several share content so duplicates race. */
const objects = new Map<string, Buffer>();
for (let index = 0; index < 12; index++) {
  objects.set(`faults/article-${index}.txt`, article(`unique-${index} ${'x'.repeat(index)}`));
}
for (let copy = 0; copy < 6; copy++) objects.set(`faults/copy-${copy}.txt`, article('shared'));
objects.set('faults/empty.txt', Buffer.alloc(0));
objects.set('faults/binary.txt', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
const TOO_LARGE_KEY = 'faults/too-large.txt';
const TOO_LARGE_BYTES = 2 * MAX_OBJECT_BYTES;
const versionOf = (key: string) => `v1-${key.length}-${key.replaceAll('/', '_')}`;
const ALL_KEYS = [...objects.keys(), TOO_LARGE_KEY];

const template = loadEvent<SQSEvent>('sqs/object-created').Records[0] as SQSRecord;

/** The notification S3 sends for a key, or a backfill-shaped one (no version). */
const notificationBody = (key: string, options: { backfill?: boolean } = {}) =>
  JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventName: options.backfill === true ? 'ObjectCreated:Backfill' : 'ObjectCreated:Put',
        s3: {
          bucket: { name: BUCKET },
          object: {
            key: encodeURIComponent(key).replaceAll('%2F', '/'),
            size: objects.get(key)?.byteLength ?? TOO_LARGE_BYTES,
            ...(options.backfill === true ? {} : { versionId: versionOf(key) }),
          },
        },
      },
    ],
  });

// ------------------------------------------------------- the queue model

interface QueuedMessage {
  messageId: string;
  body: string;
  receiveCount: number;
}

interface QueueStats {
  invocations: number;
  wholeBatchFailed: number;
  crashed: number;
  partialFailures: number;
  deadLettered: number;
  redriven: number;
}

/**
 * Standard SQS as the event source mapping sees it: every message delivered
 * at least once (here: each one twice, as duplicates), batches of ten,
 * acknowledged messages deleted, failed or unanswered ones received again
 * until maxReceiveCount, then moved to the DLQ.
 */
const createQueue = (bodies: string[]) => {
  let nextId = 0;
  const message = (body: string): QueuedMessage => ({
    messageId: `m-${String(nextId++).padStart(4, '0')}`,
    body,
    receiveCount: 0,
  });
  const queue: QueuedMessage[] = bodies.map(message);
  const dlq: QueuedMessage[] = [];
  const stats: QueueStats = {
    invocations: 0,
    wholeBatchFailed: 0,
    crashed: 0,
    partialFailures: 0,
    deadLettered: 0,
    redriven: 0,
  };

  const receive = (): QueuedMessage[] => {
    const batch: QueuedMessage[] = [];
    while (batch.length < BATCH_SIZE && queue.length > 0) {
      const next = queue.shift() as QueuedMessage;
      if (next.receiveCount >= MAX_RECEIVE_COUNT) {
        dlq.push(next);
        stats.deadLettered++;
        continue;
      }
      next.receiveCount++;
      batch.push(next);
    }
    return batch;
  };

  const toEvent = (batch: QueuedMessage[]): SQSEvent => ({
    Records: batch.map((entry) => ({
      ...structuredClone(template),
      messageId: entry.messageId,
      body: entry.body,
      attributes: { ...template.attributes, ApproximateReceiveCount: String(entry.receiveCount) },
    })),
  });

  /** The operator's `ingest redrive`: DLQ back to the queue as new messages. */
  const redrive = () => {
    stats.redriven += dlq.length;
    queue.push(...dlq.splice(0).map((entry) => message(entry.body)));
  };

  return { queue, dlq, stats, receive, toEvent, redrive };
};

// ------------------------------------------------------- fault injection

/** A small deterministic PRNG (mulberry32), so every run injects the same faults. */
const seeded = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

interface FaultPlan {
  /** Share of DynamoDB calls that are throttled (rejected before any write). */
  throttle: number;
  /** Share of transactions cancelled with a TransactionConflict. */
  conflict: number;
  /** Share of writes that commit but whose response is lost (a network timeout). */
  lostResponse: number;
  /** Share of GetObject calls that fail with a 503. */
  s3Unavailable: number;
  /** Share of bodies that break after the first chunk (connection reset). */
  s3BrokenStream: number;
  /** Share of invocations that hang on one GetObject until the Lambda times out. */
  hang: number;
  /** Share of invocations whose runtime dies after the work, before answering. */
  crash: number;
  /** DynamoDB rejects every call (an outage) while this is true. */
  outage: boolean;
}

const NO_FAULTS: FaultPlan = {
  throttle: 0,
  conflict: 0,
  lostResponse: 0,
  s3Unavailable: 0,
  s3BrokenStream: 0,
  hang: 0,
  crash: 0,
  outage: false,
};

let plan: FaultPlan = NO_FAULTS;
let random = seeded(1);
let hangThisInvocation = false;
const injected = { dynamodb: 0, s3: 0 };

const throttled = () =>
  new ProvisionedThroughputExceededException({
    message: 'Rate of requests exceeds the allowed throughput',
    $metadata: { httpStatusCode: 400 },
  });
const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
  });

const s3Mock = mockClient(S3Client);
let table: ReturnType<typeof fakeDocumentTable>;
let stubbedSend: DynamoDBClient['send'];

/** Puts a fault-injecting wrapper in front of the fake table's stub. */
const injectDynamoDbFaults = () => {
  stubbedSend = DynamoDBClient.prototype.send;
  const send = stubbedSend;
  DynamoDBClient.prototype.send = async function (this: DynamoDBClient, ...args: unknown[]) {
    const [command] = args;
    const call = () => (send as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    if (plan.outage || random() < plan.throttle) {
      injected.dynamodb++;
      throw throttled();
    }
    if (command instanceof TransactWriteItemsCommand && random() < plan.conflict) {
      injected.dynamodb++;
      throw conflict();
    }
    if (random() < plan.lostResponse) {
      injected.dynamodb++;
      await call().catch(() => undefined);
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    }
    return call();
  } as DynamoDBClient['send'];
};

const stubS3 = () => {
  s3Mock.reset();
  s3Mock.on(PutObjectCommand).resolves({});
  s3Mock.on(GetObjectCommand).callsFake((input: { Key: string; VersionId?: string }) => {
    if (hangThisInvocation) {
      hangThisInvocation = false;
      return new Promise(() => undefined);
    }
    if (random() < plan.s3Unavailable) {
      injected.s3++;
      throw new S3ServiceException({
        name: 'SlowDown',
        $fault: 'server',
        message: 'Please reduce your request rate.',
        $metadata: { httpStatusCode: 503 },
      });
    }
    const versionId = versionOf(input.Key);
    if (input.VersionId !== undefined && input.VersionId !== versionId) {
      throw new NoSuchKey({ message: 'no such version', $metadata: {} });
    }
    if (input.Key === TOO_LARGE_KEY) {
      // Never read: a body that fails if anyone pulls on it.
      return {
        Body: new Readable({
          read() {
            this.destroy(new Error('the too-large body was read'));
          },
        }) as never,
        ContentLength: TOO_LARGE_BYTES,
        VersionId: versionId,
        ETag: '"large"',
      };
    }
    const bytes = objects.get(input.Key);
    if (bytes === undefined) throw new NoSuchKey({ message: 'gone', $metadata: {} });
    const broken = random() < plan.s3BrokenStream;
    if (broken) injected.s3++;
    const body = broken
      ? Readable.from(
          (async function* () {
            yield bytes.subarray(0, 8);
            throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
          })(),
        )
      : Readable.from([bytes]);
    return {
      Body: body as never,
      ContentLength: bytes.byteLength,
      VersionId: versionId,
      ETag: '"etag"',
    };
  });
};

// ---------------------------------------------------------------- driving

/** A Lambda context whose deadline is near, so a hung call times out quickly. */
const shortContext = () => ({ ...fakeContext(), getRemainingTimeInMillis: () => 1_000 });

/**
 * Delivers until the queue is empty: each round receives a batch, invokes the
 * handler, and acknowledges only what the handler reported as done.
 */
const drain = async (
  queue: ReturnType<typeof createQueue>,
  planFor: (round: number) => FaultPlan,
) => {
  for (let round = 0; round < 500; round++) {
    const batch = queue.receive();
    if (batch.length === 0) return;
    plan = planFor(round);
    queue.stats.invocations++;
    hangThisInvocation = random() < plan.hang;
    const crash = random() < plan.crash;
    let failed: Set<string>;
    try {
      const response = await handler(queue.toEvent(batch), shortContext());
      failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
      if (failed.size > 0) queue.stats.partialFailures++;
      if (crash) {
        // The runtime died before answering: SQS retries the whole batch.
        queue.stats.crashed++;
        failed = new Set(batch.map((entry) => entry.messageId));
      }
    } catch {
      // Timed out (middy's early timeout) or every record failed.
      queue.stats.wholeBatchFailed++;
      failed = new Set(batch.map((entry) => entry.messageId));
    }
    hangThisInvocation = false;
    queue.queue.push(...batch.filter((entry) => failed.has(entry.messageId)));
  }
  throw new Error('the queue did not drain in 500 rounds');
};

/** Every message twice (at-least-once delivery), plus a backfill of everything. */
const initialBodies = () => [
  ...ALL_KEYS.flatMap((key) => [notificationBody(key), notificationBody(key)]),
  ...ALL_KEYS.map((key) => notificationBody(key, { backfill: true })),
];

// ------------------------------------------------------------- assertions

/** What must hold after any history of faults: each object once, exact counters. */
const assertExactlyOnce = () => {
  const sources = table.ofKind('source');
  const rejections = table.ofKind('rejection');
  const documents = table.ofKind('document');

  // An object that S3 failed to serve on its last receive was also recorded
  // `unreadable` (history of an access failure, with its error code); the
  // redrive then gave it its one real outcome.
  const unreadable = rejections.filter((item) => item.reason === 'unreadable');
  for (const item of unreadable) expect(item.errorCode, String(item.key)).toBeTruthy();
  const verdicts = rejections.filter((item) => item.reason !== 'unreadable');
  for (const key of ALL_KEYS) {
    const outcomes = [
      ...sources.filter((item) => item.key === key),
      ...verdicts.filter((item) => item.key === key),
    ];
    expect(outcomes, key).toHaveLength(1);
    expect(outcomes[0]?.versionId, key).toBe(versionOf(key));
  }
  expect(verdicts.map((item) => [item.key, item.reason]).sort(), 'rejections').toEqual([
    ['faults/binary.txt', 'binary-content'],
    ['faults/empty.txt', 'empty'],
    [TOO_LARGE_KEY, 'too-large'],
  ]);
  // 12 unique articles + 1 shared content.
  expect(documents).toHaveLength(13);
  for (const document of documents) {
    const ofDocument = sources.filter((item) => item.contentHash === document.contentHash);
    expect(document.sourceCount, String(document.contentHash)).toBe(ofDocument.length);
    const firsts = ofDocument.filter((item) => item.status === 'new');
    expect(firsts).toHaveLength(1);
    // A run stopped between the document and its source was repaired as if
    // uninterrupted: the first source at the document's time, every topic.
    expect(firsts[0]?.receivedAt, String(document.contentHash)).toBe(document.createdAt);
    expect(document.liveSourceCount, String(document.contentHash)).toBe(document.sourceCount);
    const topics = table
      .ofKind('topic')
      .filter((item) => item.contentHash === document.contentHash)
      .map((item) => item.topicId)
      .sort();
    expect(topics, String(document.contentHash)).toEqual(
      (document.topics as { id: string }[]).map((topic) => topic.id).sort(),
    );
  }
  expect(sources).toHaveLength(18);
  const shared = documents.find((document) => document.sourceCount === 6);
  expect(shared, 'the shared content has one document with six sources').toBeDefined();
};

beforeAll(async () => {
  stubHandlerEnv({ MAX_OBJECT_BYTES: String(MAX_OBJECT_BYTES) });
  vi.stubEnv('MAX_OBJECT_BYTES', String(MAX_OBJECT_BYTES));
  vi.stubEnv('INLINE_TEXT_MAX_BYTES', '100000');
  vi.stubEnv('POWERTOOLS_DEV', 'true');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'DocIngestTest');
  ({ handler } = (await import('../../../functions/ingest/handler.ts')) as unknown as {
    handler: Handler;
  });
});

beforeEach(() => {
  stubS3();
  table = fakeDocumentTable();
  injectDynamoDbFaults();
  plan = NO_FAULTS;
  injected.dynamodb = 0;
  injected.s3 = 0;
});

afterEach(() => {
  DynamoDBClient.prototype.send = stubbedSend;
  table.mock.restore();
});

describe('Handler: ingest under faults', () => {
  it('records every object exactly once when nothing fails, despite duplicate and backfill deliveries', async () => {
    // Prepare
    const queue = createQueue(initialBodies());

    // Act
    await drain(queue, () => NO_FAULTS);

    // Assess
    expect(queue.dlq).toEqual([]);
    expect(queue.stats.partialFailures).toBe(0);
    assertExactlyOnce();
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'converges to exactly-once records through throttling, conflicts, lost responses, S3 errors, hangs and crashes (seed %i)',
    async (seed) => {
      // Prepare: faults are transient: heavy for the first rounds, then gone.
      random = seeded(seed);
      const queue = createQueue(initialBodies());
      const faulty: FaultPlan = {
        throttle: 0.03,
        conflict: 0.05,
        lostResponse: 0.03,
        s3Unavailable: 0.05,
        s3BrokenStream: 0.03,
        hang: 0.1,
        crash: 0.2,
        outage: false,
      };

      // Act
      await drain(queue, (round) => (round < 12 ? faulty : NO_FAULTS));
      queue.redrive();
      await drain(queue, () => NO_FAULTS);

      // Assess
      expect(injected.dynamodb + injected.s3, 'faults were injected').toBeGreaterThan(0);
      expect(
        queue.stats.partialFailures + queue.stats.wholeBatchFailed + queue.stats.crashed,
      ).toBeGreaterThan(0);
      expect(queue.dlq).toEqual([]);
      assertExactlyOnce();
      console.info(
        JSON.stringify({
          scenario: 'faults',
          seed,
          injected: { ...injected },
          ...queue.stats,
        }),
      );
    },
  );

  it('dead-letters everything during a DynamoDB outage longer than maxReceiveCount tries, and a redrive after it ingests all', async () => {
    // Prepare
    const queue = createQueue(ALL_KEYS.map((key) => notificationBody(key)));

    // Act 1: DynamoDB rejects every call for as long as the messages have tries.
    await drain(queue, () => ({ ...NO_FAULTS, outage: true }));

    // Assess 1: nothing written, nothing lost: every message is in the DLQ.
    expect(queue.dlq).toHaveLength(ALL_KEYS.length);
    expect(table.items.size).toBe(0);

    // Act 2: the outage is over; the operator redrives.
    queue.redrive();
    await drain(queue, () => NO_FAULTS);

    // Assess 2
    expect(queue.dlq).toEqual([]);
    assertExactlyOnce();
  });

  it('rides out a short DynamoDB outage with retries alone', async () => {
    // Prepare
    const queue = createQueue(initialBodies());

    // Act: two failing rounds per message at most, fewer than maxReceiveCount.
    await drain(queue, (round) => ({ ...NO_FAULTS, outage: round < 6 }));

    // Assess
    expect(queue.stats.partialFailures + queue.stats.wholeBatchFailed).toBeGreaterThan(0);
    expect(queue.dlq).toEqual([]);
    assertExactlyOnce();
  });

  it('records a too-large object once, under its real version, whether announced by S3 or by a backfill', async () => {
    // Prepare: the backfill message carries no version id.
    const queue = createQueue([
      notificationBody(TOO_LARGE_KEY, { backfill: true }),
      notificationBody(TOO_LARGE_KEY),
      notificationBody(TOO_LARGE_KEY, { backfill: true }),
    ]);

    // Act
    await drain(queue, () => NO_FAULTS);

    // Assess
    expect(table.ofKind('rejection')).toEqual([
      expect.objectContaining({
        key: TOO_LARGE_KEY,
        reason: 'too-large',
        versionId: versionOf(TOO_LARGE_KEY),
        size: TOO_LARGE_BYTES,
      }),
    ]);
  });
});
