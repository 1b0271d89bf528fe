import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { BatchGetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { encodeNotificationKey } from '@doc-ingest/aws-adapters';
import { MAX_OBJECT_PATH_BYTES, sourcePartitionKey } from '@doc-ingest/contracts';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeContext } from '../../helpers/fakeContext.ts';
import { fakeDocumentTable } from '../../helpers/fakeDocumentTable.ts';
import { eTagOf, fakeIngestBucket } from '../../helpers/fakeIngestBucket.ts';
import { loadSamples } from '../../helpers/samples.ts';
import { stubHandlerEnv } from '../../helpers/stubHandlerEnv.ts';

/*
 * The data edges of issue 10 through the real ingest handler chain: long
 * keys, deletes and withdrawal, overwrites in an unversioned bucket,
 * unreadable objects and the near-duplicate race. S3 and DynamoDB are
 * in-memory fakes (no AWS in unit runs). The access errors are mocked on
 * purpose: LocalStack enforces neither IAM nor KMS key policies, so it cannot
 * answer AccessDenied for a readable object (the LocalStack suite covers the
 * errors it does produce: NoSuchBucket and SSE-C's InvalidRequest).
 */

const BUCKET = 'doc-ingest-bucket';
const MAX_RECEIVE_COUNT = 3;

const sample = loadSamples().find((s) => s.name.startsWith('100_'));
if (sample === undefined) throw new Error('sample 100 missing');
const other = loadSamples().find((s) => s.name.startsWith('101_'));
if (other === undefined) throw new Error('sample 101 missing');
/** Sample 100 with a paragraph added to its body: a near-duplicate of it, with another hash. */
const edited = Buffer.from(
  sample.bytes
    .toString('utf8')
    .replace(
      '\n\n',
      '\n\nUne précision de la rédaction: cette dépêche a été complétée après sa première parution par notre correspondant régional.\n\n',
    ),
);

/** The fake bucket (an unversioned one for objects stored without a version). */
const bucket = fakeIngestBucket();
let table: ReturnType<typeof fakeDocumentTable>;
type Handler = (
  event: SQSEvent,
  context: ReturnType<typeof fakeContext>,
) => Promise<{
  batchItemFailures: { itemIdentifier: string }[];
}>;
let handler: Handler;

const upload = bucket.put;
const { failing } = bucket;

interface Announcement {
  eventName?: string;
  key: string;
  versionId?: string;
  eTag?: string;
}

let messageNumber = 0;
const message = (announcement: Announcement, receiveCount = 1): SQSRecord => {
  const stored = bucket.objects.get(announcement.key);
  const eTag = announcement.eTag ?? (stored === undefined ? undefined : eTagOf(stored.bytes));
  const versionId = announcement.versionId ?? stored?.versionId;
  messageNumber++;
  return {
    messageId: `m-${messageNumber}`,
    receiptHandle: `r-${messageNumber}`,
    body: JSON.stringify({
      Records: [
        {
          eventName: announcement.eventName ?? 'ObjectCreated:Put',
          s3: {
            bucket: { name: BUCKET },
            object: {
              key: encodeNotificationKey(announcement.key),
              size: stored?.bytes.byteLength ?? 0,
              ...(eTag === undefined ? {} : { eTag }),
              ...(versionId === undefined ? {} : { versionId }),
              sequencer: '0055AED6DCD90281E5',
            },
          },
        },
      ],
    }),
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1763805600000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1763805600010',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:doc-ingest-queue',
    awsRegion: 'eu-west-1',
  };
};

/** One invocation; a batch whose every record failed throws, which SQS treats as all failed. */
const deliver = async (...records: SQSRecord[]) => {
  try {
    return await handler({ Records: records }, fakeContext());
  } catch (error) {
    if (!(error instanceof FullBatchFailureError)) throw error;
    return { batchItemFailures: records.map((record) => ({ itemIdentifier: record.messageId })) };
  }
};

const documents = () => table.ofKind('document');
const sources = () => table.ofKind('source');

beforeAll(async () => {
  stubHandlerEnv({ MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT) });
  ({ handler } = (await import('../../../functions/ingest/handler.ts')) as unknown as {
    handler: Handler;
  });
});

beforeEach(() => {
  bucket.reset();
  table = fakeDocumentTable();
});

describe('Handler: ingest, long keys', () => {
  // 1,024 bytes of three-byte characters: the longest key S3 accepts, all of it multi-byte.
  const longKey = `${'東'.repeat(340)}.txt`;

  it('records an object whose key is 1,024 bytes of multi-byte UTF-8, under a hashed key attribute', async () => {
    // Prepare
    expect(Buffer.byteLength(longKey, 'utf8')).toBe(1024);
    upload(longKey, sample.bytes);

    // Act
    const response = await deliver(message({ key: longKey }));

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const [source] = sources();
    expect(source?.key).toBe(longKey);
    expect(source?.pk).toBe(sourcePartitionKey({ bucket: BUCKET, key: longKey }));
    expect(String(source?.pk)).toMatch(/^SOURCE#doc-ingest-bucket#sha256\/[0-9a-f]{64}$/);
    for (const attribute of ['sk', 'gsi1sk'] as const) {
      expect(Buffer.byteLength(String(source?.[attribute]), 'utf8')).toBeLessThanOrEqual(1024);
    }
  });

  it('records a rejection of a long key too', async () => {
    // Prepare
    upload(longKey, Buffer.alloc(0));

    // Act
    await deliver(message({ key: longKey }));

    // Assess
    const [rejection] = table.ofKind('rejection');
    expect(rejection).toMatchObject({ key: longKey, reason: 'empty' });
    expect(Buffer.byteLength(String(rejection?.gsi1sk), 'utf8')).toBeLessThanOrEqual(1024);
  });

  it('finds the sources of a long key again when it is deleted', async () => {
    // Prepare
    upload(longKey, sample.bytes);
    await deliver(message({ key: longKey }));

    // Act
    await deliver(message({ eventName: 'ObjectRemoved:Delete', key: longKey }));

    // Assess
    expect(sources()[0]?.deletedAt).toEqual(expect.any(String));
    expect(documents()[0]?.withdrawnAt).toEqual(expect.any(String));
  });

  it('keeps keys up to the limit readable in key attributes', async () => {
    // Prepare
    const key = `${'a'.repeat(MAX_OBJECT_PATH_BYTES - BUCKET.length - 1 - 4)}.txt`;
    upload(key, sample.bytes);

    // Act
    await deliver(message({ key }));

    // Assess
    expect(sources()[0]?.pk).toBe(`SOURCE#${BUCKET}/${key}`);
  });
});

describe('Handler: ingest, deletes', () => {
  it('marks the source deleted and withdraws the document when its last source goes', async () => {
    // Prepare
    upload('a.txt', sample.bytes, 'v1');
    upload('b.txt', sample.bytes, 'v1');
    await deliver(message({ key: 'a.txt' }), message({ key: 'b.txt' }));

    // Act 1: one of two copies deleted
    await deliver(
      message({
        eventName: 'ObjectRemoved:DeleteMarkerCreated',
        key: 'a.txt',
        versionId: 'marker-1',
      }),
    );

    // Assess 1
    expect(documents()[0]).toMatchObject({ sourceCount: 2, liveSourceCount: 1 });
    expect(documents()[0]?.withdrawnAt).toBeUndefined();
    expect(sources().find((s) => s.key === 'a.txt')?.deletedAt).toEqual(expect.any(String));

    // Act 2: the other one, permanently, by version
    await deliver(message({ eventName: 'ObjectRemoved:Delete', key: 'b.txt', versionId: 'v1' }));

    // Assess 2
    expect(documents()[0]).toMatchObject({ liveSourceCount: 0, withdrawnAt: expect.any(String) });
  });

  it('counts a redelivered delete once', async () => {
    // Prepare
    upload('a.txt', sample.bytes);
    upload('b.txt', sample.bytes);
    await deliver(message({ key: 'a.txt' }), message({ key: 'b.txt' }));
    const removal = { eventName: 'ObjectRemoved:Delete', key: 'a.txt' };

    // Act
    await deliver(message(removal), message(removal));
    await deliver(message(removal));

    // Assess
    expect(documents()[0]).toMatchObject({ sourceCount: 2, liveSourceCount: 1 });
    expect(documents()[0]?.withdrawnAt).toBeUndefined();
  });

  it('leaves other versions live when one version is deleted for good', async () => {
    // Prepare: two versions of one key, different contents
    upload('k.txt', sample.bytes, 'v1');
    await deliver(message({ key: 'k.txt' }));
    upload('k.txt', other.bytes, 'v2');
    await deliver(message({ key: 'k.txt' }));

    // Act
    await deliver(message({ eventName: 'ObjectRemoved:Delete', key: 'k.txt', versionId: 'v1' }));

    // Assess
    const byVersion = new Map(sources().map((s) => [s.versionId, s]));
    expect(byVersion.get('v1')?.deletedAt).toEqual(expect.any(String));
    expect(byVersion.get('v2')?.deletedAt).toBeUndefined();
    const withdrawn = documents().filter((d) => d.withdrawnAt !== undefined);
    expect(withdrawn.map((d) => d.contentHash)).toEqual([byVersion.get('v1')?.contentHash]);
  });

  it('revives a withdrawn document when a new object brings its content back', async () => {
    // Prepare
    upload('a.txt', sample.bytes);
    await deliver(message({ key: 'a.txt' }));
    await deliver(message({ eventName: 'ObjectRemoved:Delete', key: 'a.txt' }));
    expect(documents()[0]?.withdrawnAt).toEqual(expect.any(String));

    // Act
    upload('again.txt', sample.bytes);
    await deliver(message({ key: 'again.txt' }));

    // Assess
    expect(documents()[0]).toMatchObject({ sourceCount: 2, liveSourceCount: 1 });
    expect(documents()[0]?.withdrawnAt).toBeUndefined();
  });

  it('counts the sources of a document written before schema 1.3 as live', async () => {
    // Prepare: a 1.2 document has no liveSourceCount
    upload('a.txt', sample.bytes);
    upload('b.txt', sample.bytes);
    await deliver(message({ key: 'a.txt' }), message({ key: 'b.txt' }));
    for (const document of documents()) delete document.liveSourceCount;

    // Act
    await deliver(message({ eventName: 'ObjectRemoved:Delete', key: 'a.txt' }));

    // Assess
    expect(documents()[0]).toMatchObject({ sourceCount: 2, liveSourceCount: 1 });
  });

  it('acknowledges a delete of a key it never recorded without writing', async () => {
    // Act
    const response = await deliver(
      message({ eventName: 'ObjectRemoved:Delete', key: 'never.txt' }),
    );

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(table.items.size).toBe(0);
  });
});

describe('Handler: ingest, overwrites in an unversioned bucket', () => {
  it('records new content under an old key, and a redelivery of either once', async () => {
    // Prepare
    upload('same-key.txt', sample.bytes);
    const first = message({ key: 'same-key.txt' });
    await deliver(first);

    // Act: overwritten in place, then both notifications delivered again
    upload('same-key.txt', other.bytes);
    const second = message({ key: 'same-key.txt' });
    await deliver(second);
    await deliver(message({ key: 'same-key.txt' }));

    // Assess
    expect(documents()).toHaveLength(2);
    expect(sources()).toHaveLength(2);
    expect(new Set(sources().map((s) => s.sk)).size).toBe(2);
    for (const source of sources())
      expect(String(source.sk)).toMatch(/^VERSION#null#[0-9a-f]{32}$/);
    // The replaced content is retired, its document withdrawn.
    const byETag = (bytes: Buffer) => sources().find((s) => s.eTag === eTagOf(bytes));
    expect(byETag(sample.bytes)?.deletedAt).toEqual(expect.any(String));
    expect(byETag(other.bytes)?.deletedAt).toBeUndefined();
    const withdrawn = documents().filter((d) => d.withdrawnAt !== undefined);
    expect(withdrawn.map((d) => d.contentHash)).toEqual([byETag(sample.bytes)?.contentHash]);
  });

  it('retires the replaced content when the new content is rejected', async () => {
    // Prepare
    upload('same-key.txt', sample.bytes);
    await deliver(message({ key: 'same-key.txt' }));

    // Act
    upload('same-key.txt', Buffer.alloc(0));
    await deliver(message({ key: 'same-key.txt' }));

    // Assess
    expect(table.ofKind('rejection').map((r) => r.reason)).toEqual(['empty']);
    expect(sources()[0]?.deletedAt).toEqual(expect.any(String));
    expect(documents()[0]?.withdrawnAt).toEqual(expect.any(String));
  });

  it('leaves the sources of a versioned key alone when a new version arrives', async () => {
    // Prepare
    upload('k.txt', sample.bytes, 'v1');
    await deliver(message({ key: 'k.txt' }));

    // Act
    upload('k.txt', other.bytes, 'v2');
    await deliver(message({ key: 'k.txt' }));

    // Assess
    expect(sources().map((s) => s.deletedAt)).toEqual([undefined, undefined]);
  });
});

describe('Handler: ingest, unreadable objects', () => {
  it.each(['AccessDenied', 'KMS.DisabledException', 'InvalidObjectState'])(
    'retries %s, then records it as unreadable on the last receive and still fails the message',
    async (code) => {
      // Prepare
      upload('locked.txt', sample.bytes, 'v1');
      failing.set('locked.txt', code);

      // Act
      const early = await deliver(message({ key: 'locked.txt' }, MAX_RECEIVE_COUNT - 1));
      const afterEarly = table.items.size;
      const last = await deliver(message({ key: 'locked.txt' }, MAX_RECEIVE_COUNT));

      // Assess: failed both times (toward the DLQ), recorded only the last time.
      expect(early.batchItemFailures).toHaveLength(1);
      expect(afterEarly).toBe(0);
      expect(last.batchItemFailures).toHaveLength(1);
      expect(table.ofKind('rejection')).toEqual([
        expect.objectContaining({
          key: 'locked.txt',
          versionId: 'v1',
          reason: 'unreadable',
          errorCode: code,
        }),
      ]);
    },
  );

  it('ingests the object once it can be read (redrive), and lets a real rejection replace unreadable', async () => {
    // Prepare
    upload('locked.txt', sample.bytes, 'v1');
    upload('locked-empty.txt', Buffer.alloc(0), 'v1');
    failing.set('locked.txt', 'AccessDenied');
    failing.set('locked-empty.txt', 'AccessDenied');
    await deliver(
      message({ key: 'locked.txt' }, MAX_RECEIVE_COUNT),
      message({ key: 'locked-empty.txt' }, MAX_RECEIVE_COUNT),
    );

    // Act: access fixed, messages redriven
    failing.clear();
    const response = await deliver(
      message({ key: 'locked.txt' }),
      message({ key: 'locked-empty.txt' }),
    );

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(sources().map((s) => s.key)).toEqual(['locked.txt']);
    expect(documents()).toHaveLength(1);
    const reasons = table.ofKind('rejection').map((r) => [r.key, r.reason]);
    expect(reasons.sort()).toEqual([
      ['locked-empty.txt', 'empty'],
      ['locked.txt', 'unreadable'],
    ]);
  });
});

describe('Handler: ingest, near-duplicate race', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'ends with one canonical document when two copies arrive at the same instant (round %i)',
    async (round) => {
      // Prepare
      upload('wire/a.txt', sample.bytes);
      upload('wire/b.txt', edited);
      const order = round % 2 === 0 ? ['wire/a.txt', 'wire/b.txt'] : ['wire/b.txt', 'wire/a.txt'];

      // Act: two invocations at once, interleaving at every request
      const responses = await Promise.all(order.map((key) => deliver(message({ key }))));

      // Assess: both looked the bands up before either claimed them (a real race) ...
      const requests = table.mock.calls().map((call) => call.args[0]);
      const lookups = requests.flatMap((command, index) =>
        command instanceof BatchGetItemCommand ? [index] : [],
      );
      const firstClaim = requests.findIndex(
        (command) =>
          command instanceof PutItemCommand && command.input.Item?.kind?.S === 'near-band',
      );
      expect(lookups[1]).toBeLessThan(firstClaim);
      // ... and yet one canonical, one near-duplicate of it, one band owner.
      for (const response of responses) expect(response.batchItemFailures).toEqual([]);
      const docs = documents();
      expect(docs).toHaveLength(2);
      const canonical = docs.filter((doc) => doc.nearDuplicateOf === undefined);
      expect(canonical).toHaveLength(1);
      const copy = docs.find((doc) => doc.nearDuplicateOf !== undefined);
      expect(copy?.nearDuplicateOf).toMatchObject({ contentHash: canonical[0]?.contentHash });
      const owners = new Set(table.ofKind('near-band').map((band) => band.contentHash));
      expect(owners).toEqual(new Set([canonical[0]?.contentHash]));
    },
  );
});
