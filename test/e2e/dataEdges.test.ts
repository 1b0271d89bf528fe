import { createHash, randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { localClients } from '../../scripts/lib/localAws.ts';
import { createPoll } from '../helpers/poll.ts';
import { queueDepth } from '../helpers/queueDepth.ts';
import { removeBucket } from '../helpers/removeBucket.ts';
import { runCliInProcess } from '../helpers/runCliInProcess.ts';
import { loadSamples } from '../helpers/samples.ts';
import { tableRecords } from '../helpers/tableRecords.ts';

/*
 * The data edges of issue 10 on the deployed stack (LocalStack): keys of
 * 1,024 bytes, deletes and withdrawal, purge, overwrites in an unversioned
 * bucket, unreadable objects and two near-duplicate copies at once. Objects
 * go through LocalStack's own S3 notifications, queue and event source
 * mapping to the real ingest Lambda; the test uploads, deletes and reads the
 * table. Access errors LocalStack cannot produce (IAM or KMS denials) are
 * covered at the handler level (test/integration/ingest/dataEdges.test.ts).
 */

const { outputs } = inject('deployment');
const clients = localClients();
const runId = Date.now().toString(36);
const TIMEOUT_MS = 180_000;
const samples = loadSamples();

const poll = createPoll(TIMEOUT_MS);

const put = (key: string, body: Buffer, bucket = outputs.BucketName) =>
  clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

const { sourcesOfKey, rejectionsOfKey, documentItems, getDocument } = tableRecords(
  clients.dynamodb,
  outputs.TableName,
  outputs.BucketName,
);

/** Waits until `count` sources of the key are recorded. */
const awaitSources = (key: string, count = 1, bucket = outputs.BucketName) =>
  poll(`${count} source(s) of ${key}`, async () => {
    const sources = await sourcesOfKey(key, bucket);
    return sources.length >= count ? sources : undefined;
  });

const cli = (argv: string[]) => runCliInProcess(clients, argv);

const article = (tag: string) =>
  Buffer.from(
    `Saisie d'armes ${tag}\n\nLes douanes ont saisi une cargaison d'armes à feu destinée à un ` +
      `réseau criminel, selon le parquet. L'enquête ${tag} se poursuit avec Interpol et ` +
      `les polices de trois pays voisins.\n`,
    'utf8',
  );

const createdBuckets: string[] = [];
afterAll(async () => {
  for (const bucket of createdBuckets) {
    await removeBucket(clients.s3, bucket).catch(() => undefined);
  }
});

describe('E2E data edges: any key S3 accepts', () => {
  /** A key of exactly 1,024 UTF-8 bytes: a prefix, `char` repeated, ASCII padding, `.txt`. */
  const longKey = (prefix: string, char: string) => {
    const room = 1024 - Buffer.byteLength(`${prefix}.txt`, 'utf8');
    const count = Math.floor(room / Buffer.byteLength(char, 'utf8'));
    const pad = 'x'.repeat(room - count * Buffer.byteLength(char, 'utf8'));
    return `${prefix}${char.repeat(count)}${pad}.txt`;
  };

  it.each([
    ['3-byte characters', '東'],
    ['4-byte characters', '😀'],
    ['2-byte characters', 'é'],
  ])('records an object and a rejection under 1,024-byte keys of %s', async (_, char) => {
    // Prepare
    const key = longKey('long/', char);
    const emptyKey = longKey('void/', char);
    expect(Buffer.byteLength(key, 'utf8')).toBe(1024);

    // Act
    await put(key, article(`long key ${char} ${runId}`));
    await put(emptyKey, Buffer.alloc(0));

    // Assess
    const [source] = await awaitSources(key);
    expect(source).toMatchObject({ key, status: 'new' });
    const [rejection] = await poll('rejection of the long key', async () => {
      const found = await rejectionsOfKey(emptyKey);
      return found.length > 0 ? found : undefined;
    });
    expect(rejection).toMatchObject({ key: emptyKey, reason: 'empty' });
  });
});

describe('E2E data edges: deletes, withdrawal, revival and purge', () => {
  it('withdraws a document when its object is deleted and revives it when the content returns', async () => {
    // Prepare
    const bytes = article(`withdrawn ${runId}`);
    await put('deletes/one.txt', bytes);
    const [source] = await awaitSources('deletes/one.txt');
    if (source === undefined) throw new Error('no source');

    // Act 1: a delete marker (the ingest bucket is versioned)
    await clients.s3.send(
      new DeleteObjectCommand({ Bucket: outputs.BucketName, Key: 'deletes/one.txt' }),
    );

    // Assess 1
    const withdrawn = await poll('document withdrawn', async () => {
      const document = await getDocument(source.contentHash);
      return document?.withdrawnAt === undefined ? undefined : document;
    });
    expect(withdrawn).toMatchObject({ sourceCount: 1, liveSourceCount: 0 });
    expect((await sourcesOfKey('deletes/one.txt'))[0]?.deletedAt).toEqual(expect.any(String));

    // Act 2: the same content under another key
    await put('deletes/again.txt', bytes);

    // Assess 2
    const revived = await poll('document revived', async () => {
      const document = await getDocument(source.contentHash);
      return document?.withdrawnAt === undefined ? document : undefined;
    });
    expect(revived).toMatchObject({ sourceCount: 2, liveSourceCount: 1 });
  });

  it('purges a document whose text is in the text bucket, by content hash, then by source', async () => {
    // Prepare: over the 100 KB inline limit, so its text is an object of its own.
    const paragraph = (n: number) =>
      `Paragraphe ${n} ${runId}: les enquêteurs ont saisi des documents et entendu des témoins.`;
    const long = Buffer.from(
      `Un long rapport ${runId}\n\n${Array.from({ length: 1300 }, (_, n) => paragraph(n)).join('\n\n')}\n`,
    );
    await put('purge/long.txt', long);
    await put('purge/other.txt', article(`purge by source ${runId}`));
    await put('purge/other.md', Buffer.alloc(0));
    const [longSource] = await awaitSources('purge/long.txt');
    const [otherSource] = await awaitSources('purge/other.txt');
    if (longSource === undefined || otherSource === undefined) throw new Error('no source');
    const document = await getDocument(longSource.contentHash);
    expect(document?.textLocation?.bucket).toBe(outputs.TextBucketName);

    // Act
    const byHash = await cli([
      'purge',
      '--table',
      outputs.TableName,
      '--near-index-table',
      outputs.NearIndexTableName,
      '--content-hash',
      longSource.contentHash,
    ]);
    const bySource = await cli([
      'purge',
      '--table',
      outputs.TableName,
      '--near-index-table',
      outputs.NearIndexTableName,
      '--source',
      `s3://${outputs.BucketName}/purge/other.txt`,
    ]);

    // Assess
    expect(byHash.code).toBe(0);
    expect(byHash.report).toMatchObject({ documents: 1, sources: 1, textVersions: 1 });
    expect(byHash.report.nearBands).toBeGreaterThan(0);
    expect(await documentItems(longSource.contentHash)).toEqual([]);
    expect(await sourcesOfKey('purge/long.txt')).toEqual([]);
    const { Versions = [] } = await clients.s3.send(
      new ListObjectVersionsCommand({
        Bucket: outputs.TextBucketName,
        Prefix: document?.textLocation?.key,
      }),
    );
    expect(Versions).toEqual([]);
    expect(bySource.report).toMatchObject({
      contentHashes: [otherSource.contentHash],
      documents: 1,
    });
    expect(await documentItems(otherSource.contentHash)).toEqual([]);
  });
});

describe('E2E data edges: overwrites in an unversioned bucket', () => {
  it('records new content under an old key on a second backfill, retires the old, and changes nothing on a third', async () => {
    // Prepare
    const legacy = `unversioned-${runId}`;
    await clients.s3.send(new CreateBucketCommand({ Bucket: legacy }));
    createdBuckets.push(legacy);
    const args = ['backfill', '--bucket', legacy, '--queue', outputs.QueueUrl];
    await put('report.txt', article(`first edition ${runId}`), legacy);
    await cli(args);
    const [first] = await awaitSources('report.txt', 1, legacy);

    // Act
    await put('report.txt', article(`second edition ${runId}`), legacy);
    const second = await cli(args);
    const sources = await awaitSources('report.txt', 2, legacy);
    const third = await cli(args);
    await poll('queue drained', async () =>
      (await queueDepth(clients.sqs, outputs.QueueUrl)) === 0 ? true : undefined,
    );

    // Assess
    expect(second.report).toMatchObject({ enqueued: 1, failed: 0 });
    expect(third.report).toMatchObject({ enqueued: 1, failed: 0 });
    expect(sources).toHaveLength(2);
    expect(new Set(sources.map((source) => source.contentHash)).size).toBe(2);
    expect(sources.map((source) => source.sk)).toContain(first?.sk);
    for (const source of sources) expect(source.sk).toMatch(/^VERSION#null#/);
    // The first edition was replaced in place: its source retired, its document withdrawn.
    const after = await sourcesOfKey('report.txt', legacy);
    expect(after).toHaveLength(2);
    const replaced = after.find((source) => source.sk === first?.sk);
    expect(replaced?.deletedAt).toEqual(expect.any(String));
    expect(after.find((source) => source.sk !== first?.sk)?.deletedAt).toBeUndefined();
    expect((await getDocument(replaced?.contentHash ?? ''))?.withdrawnAt).toEqual(
      expect.any(String),
    );
  });
});

describe('E2E data edges: near-duplicate race', () => {
  const vocabulary = [
    ...new Set(
      samples.flatMap((sample) =>
        sample.bytes
          .toString('utf8')
          .split(/\s+/)
          .filter((word) => /^\p{L}{4,}$/u.test(word)),
      ),
    ),
  ];
  /** An article nobody else uploads: words drawn by a generator seeded with `seed`. */
  const freshArticle = (seed: string) => {
    let state = Number.parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16);
    const word = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return vocabulary[state % vocabulary.length];
    };
    const sentence = () => `${Array.from({ length: 14 }, word).join(' ')}.`;
    const paragraph = () => Array.from({ length: 5 }, sentence).join(' ');
    return [Array.from({ length: 6 }, word).join(' '), ...Array.from({ length: 4 }, paragraph)];
  };

  it.each([0, 1, 2, 3])(
    'keeps one canonical document when two near-duplicate copies arrive at once (round %i)',
    async (round) => {
      // Prepare: an article, and the same with a paragraph added.
      const [title, ...paragraphs] = freshArticle(`${runId} ${round}`);
      const original = Buffer.from(`${title}\n\n${paragraphs.join('\n\n')}\n`);
      const copy = Buffer.from(
        `${title}\n\n${paragraphs.join('\n\n')}\n\nLa rédaction a complété cette dépêche après sa parution.\n`,
      );
      const keys = [`race-near/${round}-a.txt`, `race-near/${round}-b.txt`];

      // Act
      await Promise.all([put(keys[0] as string, original), put(keys[1] as string, copy)]);

      // Assess
      const hashes = await Promise.all(
        keys.map(async (key) => (await awaitSources(key))[0]?.contentHash ?? ''),
      );
      expect(new Set(hashes).size).toBe(2);
      const documents = await Promise.all(hashes.map((hash) => getDocument(hash)));
      const canonical = documents.filter((doc) => doc?.nearDuplicateOf === undefined);
      expect(canonical).toHaveLength(1);
      const copyDoc = documents.find((doc) => doc?.nearDuplicateOf !== undefined);
      expect(copyDoc?.nearDuplicateOf?.contentHash).toBe(canonical[0]?.contentHash);
    },
  );
});

describe('E2E data edges: unreadable objects', () => {
  it('records an SSE-C object nobody gave the key for as unreadable, and dead-letters its message', async () => {
    // Prepare: the stack's redrive policy with a 5 s visibility timeout while
    // this runs, so the retries take seconds (as in the reliability suite).
    const { Attributes = {} } = await clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: outputs.QueueUrl,
        AttributeNames: ['VisibilityTimeout'],
      }),
    );
    const setVisibility = (seconds: string) =>
      clients.sqs.send(
        new SetQueueAttributesCommand({
          QueueUrl: outputs.QueueUrl,
          Attributes: { VisibilityTimeout: seconds },
        }),
      );
    await setVisibility('5');
    try {
      await clients.sqs.send(
        new SendMessageCommand({
          QueueUrl: outputs.QueueUrl,
          MessageBody: JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }),
        }),
      );
      await poll('queue drained', async () =>
        (await queueDepth(clients.sqs, outputs.QueueUrl)) === 0 ? true : undefined,
      );

      // Act: LocalStack's S3 answers a GET without the customer key with InvalidRequest.
      await clients.s3.send(
        new PutObjectCommand({
          Bucket: outputs.BucketName,
          Key: 'unreadable/sse-c.txt',
          Body: article(`sse-c ${runId}`),
          SSECustomerAlgorithm: 'AES256',
          SSECustomerKey: randomBytes(32).toString('base64'),
        }),
      );

      // Assess
      const [rejection] = await poll('unreadable rejection', async () => {
        const found = await rejectionsOfKey('unreadable/sse-c.txt');
        return found.length > 0 ? found : undefined;
      });
      expect(rejection).toMatchObject({ reason: 'unreadable', errorCode: 'InvalidRequest' });
      const { Messages = [] } = await poll('message dead-lettered', async () => {
        const received = await clients.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: outputs.DeadLetterQueueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
          }),
        );
        return (received.Messages ?? []).length > 0 ? received : undefined;
      });
      expect(Messages.map((message) => message.Body).join()).toContain('sse-c.txt');
      for (const message of Messages) {
        await clients.sqs.send(
          new DeleteMessageCommand({
            QueueUrl: outputs.DeadLetterQueueUrl,
            ReceiptHandle: message.ReceiptHandle,
          }),
        );
      }
      expect(await sourcesOfKey('unreadable/sse-c.txt')).toEqual([]);
    } finally {
      await setVisibility(String(Attributes.VisibilityTimeout));
    }
  });
});
