import { Readable } from 'node:stream';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { buildDocumentItems, LSH_BANDS, processDocument } from '@doc-ingest/core';
import type { SQSEvent } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeContext } from '../../helpers/fakeContext.ts';
import { fakeDocumentTable } from '../../helpers/fakeDocumentTable.ts';
import { fakeIngestBucket } from '../../helpers/fakeIngestBucket.ts';
import { loadEvent } from '../../helpers/loadEvent.ts';
import { objectCreatedEvent } from '../../helpers/objectCreatedEvent.ts';
import { loadSamples } from '../../helpers/samples.ts';
import { stubHandlerEnv } from '../../helpers/stubHandlerEnv.ts';

/*
 * The ingest handler through its real middy + Powertools chain. S3 and
 * DynamoDB are in-memory fakes here (no AWS in unit runs); the LocalStack
 * end-to-end suite runs the same handler against real service emulations.
 */

const sample = loadSamples().find((s) => s.name.startsWith('100_'));
if (sample === undefined) throw new Error('sample 100 missing');
const unrelated = loadSamples().find((s) => s.name.startsWith('101_'));
if (unrelated === undefined) throw new Error('sample 101 missing');
/** Sample 100 with a paragraph added to its body: a near-duplicate with some bands of its own. */
const edited = Buffer.from(
  sample.bytes
    .toString('utf8')
    .replace(
      '\n\n',
      '\n\nUne précision de la rédaction: cette dépêche a été complétée après sa première parution par notre correspondant régional. Les enquêteurs ont confirmé mardi soir les premiers éléments du dossier.\n\n',
    ),
);
const republished = Buffer.from(
  `Un nouveau titre pour la même dépêche\n${sample.bytes.toString('utf8').split('\n').slice(1).join('\n')}\n\nRetrouvez toute l’actualité sur notre application.\n`,
);

/** Over the 100,000-byte inline limit: its text goes to the text bucket. */
const long = Buffer.from(
  `Un long rapport\n\n${Array.from({ length: 1000 }, (_, n) => `Paragraphe ${n}: les enquêteurs ont saisi des documents et entendu des témoins dans plusieurs villes du pays.`).join('\n\n')}\n`,
);

const objects = new Map<string, Buffer>([
  ['incoming/long.txt', long],
  ['incoming/copy-of-long.txt', long],
  ['incoming/100_b55afea218a2948c.txt', sample.bytes],
  ['incoming/copy-of-100.txt', sample.bytes],
  ['incoming/empty.txt', Buffer.alloc(0)],
  ['incoming/republished-100.txt', republished],
  ['incoming/edited-100.txt', edited],
  ['incoming/copy-of-edited-100.txt', edited],
  [
    'incoming/Rapport final é+ü (copie) 2024.txt',
    Buffer.from('Titre\n\nUn compte rendu sportif sans histoire.'),
  ],
]);

const ingestBucket = fakeIngestBucket({ eTag: 'etag', echoVersionId: true });
const { s3Mock } = ingestBucket;
let table: ReturnType<typeof fakeDocumentTable>;
type Handler = (
  event: SQSEvent,
  context: ReturnType<typeof fakeContext>,
) => Promise<{
  batchItemFailures: { itemIdentifier: string }[];
}>;
let handler: Handler;

/** The items an ingested object becomes, as the handler builds them. */
const itemsOf = (bytes: Buffer, key: string) => {
  const result = processDocument({ bytes, key });
  if (!result.ok) throw new Error(`fixture rejected: ${result.rejection.reason}`);
  return buildDocumentItems(result.value, { bucket: 'b', key, size: 1 }, { inline: true }, 'now');
};

beforeAll(async () => {
  stubHandlerEnv();
  ({ handler } = (await import('../../../functions/ingest/handler.ts')) as unknown as {
    handler: Handler;
  });
});

beforeEach(() => {
  ingestBucket.reset(objects);
  table = fakeDocumentTable();
});

describe('Handler: ingest', () => {
  it('records one document, its source and its topics for a new object', async () => {
    // Act
    const response = await handler(loadEvent<SQSEvent>('sqs/object-created'), fakeContext());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const [document] = table.ofKind('document');
    expect(document).toMatchObject({ title: expect.any(String), sourceCount: 1, language: 'fr' });
    expect(table.ofKind('source')).toHaveLength(1);
    expect(table.ofKind('topic').map((t) => t.topicId)).toContain('terrorism');
  });

  it('sorts a mixed batch and fails only the message that cannot be read', async () => {
    // Act
    const response = await handler(loadEvent<SQSEvent>('sqs/batch-mixed'), fakeContext());

    // Assess
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: 'a1f0c1b2-0006-4000-8000-000000000006' },
    ]);
    expect(table.ofKind('document')).toHaveLength(1);
    expect(table.ofKind('document')[0]?.sourceCount).toBe(2);
    expect(
      table
        .ofKind('source')
        .map((s) => s.status)
        .sort(),
    ).toEqual(['duplicate', 'new']);
    expect(table.ofKind('rejection')).toEqual([
      expect.objectContaining({ key: 'incoming/empty.txt', reason: 'empty' }),
    ]);
  });

  it('changes nothing when the same batch is delivered again', async () => {
    // Prepare
    await handler(loadEvent<SQSEvent>('sqs/batch-mixed'), fakeContext());
    const before = JSON.stringify([...table.items.entries()]);

    // Act
    await handler(loadEvent<SQSEvent>('sqs/batch-mixed'), fakeContext());

    // Assess
    expect(JSON.stringify([...table.items.entries()])).toBe(before);
  });

  it('reads the URL-decoded key S3 announced', async () => {
    // Act
    const response = await handler(
      loadEvent<SQSEvent>('sqs/object-created-encoded-key'),
      fakeContext(),
    );

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(s3Mock.commandCalls(GetObjectCommand)[0]?.args[0].input.Key).toBe(
      'incoming/Rapport final é+ü (copie) 2024.txt',
    );
    expect(table.ofKind('source')[0]?.key).toBe('incoming/Rapport final é+ü (copie) 2024.txt');
  });

  it('records a republished copy as a near-duplicate of the canonical document', async () => {
    // Prepare
    await handler(objectCreatedEvent('incoming/100_b55afea218a2948c.txt'), fakeContext());

    // Act
    const response = await handler(
      objectCreatedEvent('incoming/republished-100.txt'),
      fakeContext(),
    );

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const documents = table.ofKind('document');
    expect(documents).toHaveLength(2);
    const [original, copy] = documents;
    expect(copy?.nearDuplicateOf).toEqual({
      contentHash: original?.contentHash,
      similarity: expect.any(Number),
    });
    expect(original?.nearDuplicateOf).toBeUndefined();
    // Only the canonical document is findable as an original: one owner item per band.
    const bands = table.ofKind('near-band');
    expect(bands).toHaveLength(LSH_BANDS);
    for (const band of bands) {
      expect(band).toMatchObject({
        sk: 'OWNER',
        contentHash: original?.contentHash,
        fingerprint: original?.fingerprint,
      });
    }
  });

  it('looks an object up with one BatchGetItem per table and claims its bands with one conditional put each on the index', async () => {
    // Act
    await handler(objectCreatedEvent('incoming/100_b55afea218a2948c.txt'), fakeContext());

    // Assess
    expect(table.mock.commandCalls(QueryCommand)).toHaveLength(0);
    const lookups = table.mock
      .commandCalls(BatchGetItemCommand)
      .map((call) => call.args[0].input.RequestItems ?? {});
    expect(lookups).toHaveLength(2);
    const documentKeys = lookups.flatMap((request) => request.documents?.Keys ?? []);
    expect(documentKeys.map((key) => key.sk?.S)).toEqual(['DOCUMENT']);
    const bandKeys = lookups.flatMap((request) => request['near-index']?.Keys ?? []);
    expect(bandKeys.filter((key) => key.sk?.S === 'OWNER')).toHaveLength(LSH_BANDS);
    const transactions = table.mock
      .commandCalls(TransactWriteItemsCommand)
      .map((call) => call.args[0].input.TransactItems ?? []);
    expect(transactions.flat().some((write) => write.Put?.Item?.kind?.S === 'near-band')).toBe(
      false,
    );
    const claims = table.mock
      .commandCalls(PutItemCommand)
      .map((call) => call.args[0].input)
      .filter((put) => put.Item?.kind?.S === 'near-band');
    expect(claims).toHaveLength(LSH_BANDS);
    for (const put of claims) {
      expect(put.TableName).toBe('near-index');
      expect(put.ConditionExpression).toBe('attribute_not_exists(pk) OR contentHash = :self');
    }
    expect(table.mock.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('compares nothing and claims nothing for content that is stored already', async () => {
    // Prepare
    await handler(objectCreatedEvent('incoming/100_b55afea218a2948c.txt'), fakeContext());
    table.mock.resetHistory();

    // Act
    const response = await handler(objectCreatedEvent('incoming/copy-of-100.txt'), fakeContext());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(table.mock.commandCalls(BatchGetItemCommand)).toHaveLength(2);
    expect(table.mock.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
    expect(table.ofKind('source').map((source) => source.status)).toEqual(['new', 'duplicate']);
  });

  it('keeps an exact copy of a near-duplicate out of the band index', async () => {
    // Prepare
    await handler(objectCreatedEvent('incoming/100_b55afea218a2948c.txt'), fakeContext());
    await handler(objectCreatedEvent('incoming/edited-100.txt'), fakeContext());
    const before = JSON.stringify(table.ofKind('near-band'));

    // Act: a copy, and a redelivery of the near-duplicate itself
    const response = await handler(
      objectCreatedEvent('incoming/copy-of-edited-100.txt'),
      fakeContext(),
    );
    await handler(objectCreatedEvent('incoming/edited-100.txt'), fakeContext());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const copy = table.ofKind('document').find((doc) => doc.nearDuplicateOf !== undefined);
    expect(copy?.sourceCount).toBe(2);
    expect(JSON.stringify(table.ofKind('near-band'))).toBe(before);
    // The edit gives the copy bands of its own, which it must not claim.
    const own = itemsOf(edited, 'e.txt').nearBands.map((band) => band.pk);
    const original = new Set(itemsOf(sample.bytes, 's.txt').nearBands.map((band) => band.pk));
    expect(own.filter((pk) => !original.has(pk)).length).toBeGreaterThan(0);
  });

  it('claims only the bands no other document owns', async () => {
    // Prepare: an unrelated document already owns the first band of sample 100.
    const claimed = itemsOf(sample.bytes, 'a.txt').nearBands[0];
    const other = itemsOf(unrelated.bytes, 'b.txt');
    if (claimed === undefined) throw new Error('fixture has no bands');
    const foreignOwner = {
      ...claimed,
      contentHash: other.document.contentHash,
      fingerprint: other.document.fingerprint,
    };
    table.items.set(`${claimed.pk}|OWNER`, foreignOwner);

    // Act
    await handler(objectCreatedEvent('incoming/100_b55afea218a2948c.txt'), fakeContext());

    // Assess
    const [document] = table.ofKind('document');
    expect(document?.nearDuplicateOf).toBeUndefined();
    expect(table.items.get(`${claimed.pk}|OWNER`)).toEqual(foreignOwner);
    const owned = table.ofKind('near-band').filter((b) => b.contentHash === document?.contentHash);
    expect(owned).toHaveLength(LSH_BANDS - 1);
  });

  it('writes the canonical document when redelivered after a crash between its band claims and its document', async () => {
    // Prepare: the bands were claimed, then the invocation died before the document.
    await handler(objectCreatedEvent('incoming/100_b55afea218a2948c.txt'), fakeContext());
    for (const [key, item] of table.items) if (item.kind !== 'near-band') table.items.delete(key);
    const bands = JSON.stringify(table.ofKind('near-band'));

    // Act
    const response = await handler(
      objectCreatedEvent('incoming/100_b55afea218a2948c.txt'),
      fakeContext(),
    );

    // Assess: not a near-duplicate of itself, and the claims unchanged.
    expect(response.batchItemFailures).toEqual([]);
    const [document] = table.ofKind('document');
    expect(document?.nearDuplicateOf).toBeUndefined();
    expect(table.ofKind('source')).toHaveLength(1);
    expect(JSON.stringify(table.ofKind('near-band'))).toBe(bands);
  });

  it('puts a long text in the text bucket once, however many copies arrive', async () => {
    // Act
    await handler(objectCreatedEvent('incoming/long.txt'), fakeContext());
    await handler(objectCreatedEvent('incoming/copy-of-long.txt'), fakeContext());

    // Assess
    const puts = s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.Key).toMatch(/^text\/[0-9a-f]{64}\.txt$/);
    const [document] = table.ofKind('document');
    expect(document?.textLocation).toEqual({ bucket: 'texts', key: puts[0]?.Key });
    expect(document?.sourceCount).toBe(2);
  });

  it('records a deleted object as a rejection instead of failing forever', async () => {
    // Prepare
    const event = loadEvent<SQSEvent>('sqs/object-created');
    const record = event.Records[0];
    if (record === undefined) throw new Error('fixture');
    record.body = record.body.replace('100_b55afea218a2948c.txt', 'vanished.txt');

    // Act
    const response = await handler(event, fakeContext());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(table.ofKind('rejection')[0]).toMatchObject({ reason: 'object-not-found' });
  });

  it('fails only the record whose write hits a transient error', async () => {
    // Prepare
    table.mock
      .on(PutItemCommand, { Item: { kind: { S: 'document' } } })
      .rejects(new Error('ProvisionedThroughputExceeded'));

    // Act
    const response = await handler(loadEvent<SQSEvent>('sqs/batch-mixed'), fakeContext());

    // Assess: the two document messages and the unparsable one fail; the rejection is recorded.
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([
      'a1f0c1b2-0001-4000-8000-000000000001',
      'a1f0c1b2-0002-4000-8000-000000000002',
      'a1f0c1b2-0006-4000-8000-000000000006',
    ]);
    expect(table.ofKind('rejection')).toHaveLength(1);
  });

  it('acknowledges what it finished and leaves the rest for redelivery when time runs short', async () => {
    // Prepare: three objects; reading the first takes the clock into the reserve.
    const event = objectCreatedEvent('incoming/100_b55afea218a2948c.txt');
    const [first] = event.Records;
    if (first === undefined) throw new Error('fixture');
    event.Records = [
      'incoming/100_b55afea218a2948c.txt',
      'incoming/long.txt',
      'incoming/edited-100.txt',
    ].map((key, n) => ({
      ...first,
      messageId: `m${n}`,
      body: first.body.replace('incoming/100_b55afea218a2948c.txt', key),
    }));
    let remaining = 60_000;
    const context = { ...fakeContext(), getRemainingTimeInMillis: () => remaining };
    const read = s3Mock.commandCalls(GetObjectCommand).length;
    s3Mock.on(GetObjectCommand).callsFake((input: { Key: string }) => {
      remaining = 10_000;
      const bytes = objects.get(input.Key) ?? Buffer.alloc(0);
      return {
        Body: Readable.from([bytes]) as never,
        ContentLength: bytes.byteLength,
        ETag: '"etag"',
      };
    });

    // Act
    const response = await handler(event, context);

    // Assess: the first is recorded, the two it never started are failed, not timed out.
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: 'm1' },
      { itemIdentifier: 'm2' },
    ]);
    expect(s3Mock.commandCalls(GetObjectCommand).length - read).toBe(1);
    expect(table.ofKind('document')).toHaveLength(1);
  });

  it('ingests a hostile object (one 200 KB word) alongside its batch-mates without failing any', async () => {
    // Prepare
    ingestBucket.put(
      'incoming/one-long-word.txt',
      Buffer.from(`Titre\n\n${'a'.repeat(200_000)}\n`),
    );
    const event = objectCreatedEvent('incoming/one-long-word.txt');
    const [first] = event.Records;
    if (first === undefined) throw new Error('fixture');
    event.Records = ['incoming/one-long-word.txt', 'incoming/100_b55afea218a2948c.txt'].map(
      (key, n) => ({
        ...first,
        messageId: `h${n}`,
        body: first.body.replace('incoming/one-long-word.txt', key),
      }),
    );

    // Act
    const response = await handler(event, fakeContext());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(table.ofKind('source').length + table.ofKind('rejection').length).toBe(2);
  });
});
