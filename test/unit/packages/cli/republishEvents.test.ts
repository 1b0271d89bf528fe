import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { republishEvents } from '@doc-ingest/cli';
import {
  type DocumentRecord,
  documentEventId,
  type FailedEventsMessage,
  toDocumentPurgedDetail,
} from '@doc-ingest/contracts';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadEvent } from '../../../helpers/loadEvent.ts';
import { runCliMain } from '../../../helpers/runCliMain.ts';

/*
 * The table, the bus and the queue are SDK mocks: unit runs have no AWS. The
 * same function runs against LocalStack in test/e2e/eventOutage.test.ts.
 */

const dynamodb = new DynamoDBClient({ region: 'eu-west-1' });
const eventBridge = new EventBridgeClient({ region: 'eu-west-1' });
const sqs = new SQSClient({ region: 'eu-west-1' });
const ddbMock = mockClient(dynamodb);
const ebMock = mockClient(eventBridge);
const sqsMock = mockClient(sqs);

const documentOf = (index: number): DocumentRecord =>
  unmarshall(
    loadEvent<DynamoDBStreamEvent>('dynamodb-stream/table-changes').Records[index]?.dynamodb
      ?.NewImage as Record<string, never>,
  ) as DocumentRecord;
const first = documentOf(0);
const second = documentOf(4);
const WITHDRAWN_AT = '2026-11-24T00:00:00.000Z';
const withdrawnFirst = { ...first, liveSourceCount: 0, withdrawnAt: WITHDRAWN_AT };

const published = () =>
  ebMock
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => ({ type: entry.DetailType, detail: JSON.parse(entry.Detail ?? '{}') }));

const failedMessage = (overrides: Partial<FailedEventsMessage> = {}): FailedEventsMessage => ({
  type: 'doc-ingest.failed-stream-record',
  schemaVersion: '1.3',
  reason: 'publish-failed',
  error: 'EventBridge refused 1 of 1 entries',
  failedAt: '2026-11-23T09:00:00.000Z',
  change: { eventName: 'INSERT', keys: { pk: first.pk, sk: 'DOCUMENT' } },
  contentHash: first.contentHash,
  events: [],
  ...overrides,
});

const options = { tableName: 'documents', eventBusName: 'bus' };
const clients = { dynamodb, eventBridge, sqs };

beforeEach(() => {
  ddbMock.reset();
  ebMock.reset();
  sqsMock.reset();
  ebMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map((_, i) => ({ EventId: `e${i}` })),
  }));
  ddbMock.on(GetItemCommand).resolves({});
  sqsMock.on(DeleteMessageBatchCommand).resolves({ Successful: [] });
});

describe('Function: republishEvents', () => {
  it('publishes the events of documents by content hash, with their first ids', async () => {
    // Prepare
    ddbMock
      .on(GetItemCommand, { Key: { pk: { S: first.pk }, sk: { S: 'DOCUMENT' } } })
      .resolves({ Item: marshall(withdrawnFirst) });
    const absent = 'a'.repeat(64);

    // Act
    const report = await republishEvents(clients, {
      ...options,
      selection: { contentHashes: [first.contentHash, absent] },
    });

    // Assess
    expect(published()).toEqual([
      {
        type: 'DocumentIngested',
        detail: expect.objectContaining({
          eventId: documentEventId('DocumentIngested', first.contentHash, first.createdAt),
        }),
      },
      {
        type: 'DocumentWithdrawn',
        detail: expect.objectContaining({
          eventId: documentEventId('DocumentWithdrawn', first.contentHash, WITHDRAWN_AT),
        }),
      },
    ]);
    expect(report).toMatchObject({ documents: 1, published: 2, failed: 0, missing: [absent] });
  });

  it('publishes, for a time window, the events whose time falls in it', async () => {
    // Prepare: the first document was created before the window and withdrawn in it.
    ddbMock.on(ScanCommand).resolves({
      Items: [marshall(withdrawnFirst), marshall({ ...second, createdAt: WITHDRAWN_AT })],
    });

    // Act
    const report = await republishEvents(clients, {
      ...options,
      // Other spellings of the same instants: compared as UTC ISO strings.
      selection: { since: '2026-11-23T01:00:00+01:00', until: '2026-11-25T00:00:00Z' },
    });

    // Assess
    expect(published().map((event) => [event.type, event.detail.contentHash])).toEqual([
      ['DocumentWithdrawn', first.contentHash],
      ['DocumentIngested', second.contentHash],
    ]);
    expect(ddbMock.commandCalls(ScanCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual({
      ':kind': { S: 'document' },
      ':since': { S: '2026-11-23T00:00:00.000Z' },
      ':until': { S: '2026-11-25T00:00:00.000Z' },
    });
    expect(report).toMatchObject({ documents: 2, published: 2, failed: 0 });
  });

  it('settles a failure queue from the table and keeps what it cannot publish', async () => {
    // Prepare
    ddbMock
      .on(GetItemCommand, { Key: { pk: { S: first.pk }, sk: { S: 'DOCUMENT' } } })
      .resolves({ Item: marshall(first) });
    ddbMock
      .on(GetItemCommand, { Key: { pk: { S: second.pk }, sk: { S: 'DOCUMENT' } } })
      .resolves({ Item: marshall({ ...second, contentHash: 'broken' }) });
    ddbMock.on(ScanCommand).resolves({ Items: [] });
    const purge = toDocumentPurgedDetail({ contentHash: 'b'.repeat(64), createdAt: WITHDRAWN_AT });
    const bodies = [
      failedMessage(),
      failedMessage({
        change: { eventName: 'REMOVE', keys: { pk: `DOC#${purge.contentHash}`, sk: 'DOCUMENT' } },
        contentHash: purge.contentHash,
        events: [{ detailType: 'DocumentPurged', detail: purge }],
      }),
      failedMessage({ reason: 'contract-violation', contentHash: second.contentHash }),
      // Lambda's own on-failure record: pointers and arrival times only.
      {
        DDBStreamBatchInfo: {
          approximateArrivalOfFirstRecord: '2026-11-23T10:00:00Z',
          approximateArrivalOfLastRecord: '2026-11-23T10:01:00Z',
          batchSize: 3,
        },
      },
      'not JSON {',
    ].map((body, index) => ({
      MessageId: `m${index}`,
      ReceiptHandle: `r${index}`,
      Body: typeof body === 'string' ? body : JSON.stringify(body),
    }));
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: bodies })
      .resolves({ Messages: bodies.slice(2, 3) });

    // Act
    const report = await republishEvents(clients, {
      ...options,
      selection: { failureQueueUrl: 'https://failures' },
    });

    // Assess: the document's events from the table, the purge as the message told it
    expect(published().map((event) => event.detail.eventId)).toEqual([
      documentEventId('DocumentIngested', first.contentHash, first.createdAt),
      purge.eventId,
    ]);
    expect(ddbMock.commandCalls(ScanCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual(
      expect.objectContaining({
        ':since': { S: '2026-11-23T09:55:00.000Z' },
        ':until': { S: '2026-11-23T10:02:00.000Z' },
      }),
    );
    const deleted = sqsMock
      .commandCalls(DeleteMessageBatchCommand)
      .flatMap((call) => call.args[0].input.Entries ?? [])
      .map((entry) => entry.ReceiptHandle);
    expect(deleted).toEqual(['r0', 'r1', 'r3']);
    expect(report).toMatchObject({ published: 2, failed: 0, messages: { read: 5, kept: 2 } });
  });

  it('keeps a failure-queue message whose events the bus refuses', async () => {
    // Prepare
    ddbMock.on(GetItemCommand).resolves({ Item: marshall(first) });
    ebMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure' }],
    });
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({
        Messages: [{ MessageId: 'm', ReceiptHandle: 'r', Body: JSON.stringify(failedMessage()) }],
      })
      .resolves({ Messages: [] });

    // Act
    const report = await republishEvents(clients, {
      ...options,
      selection: { failureQueueUrl: 'https://failures' },
    });

    // Assess
    expect(sqsMock.commandCalls(DeleteMessageBatchCommand)).toEqual([]);
    expect(report).toMatchObject({ published: 0, failed: 1, messages: { read: 1, kept: 1 } });
  });
});

describe('Function: main (ingest republish)', () => {
  const run = (...argv: string[]) =>
    runCliMain(argv, { dynamodb: () => dynamodb, eventBridge: () => eventBridge, sqs: () => sqs });

  it('republishes documents by hash and reports as JSON', async () => {
    // Prepare
    ddbMock.on(GetItemCommand).resolves({ Item: marshall(first) });

    // Act
    const { code, stdout } = await run(
      'republish',
      '--table',
      'documents',
      '--bus',
      'bus',
      '--content-hash',
      first.contentHash,
    );

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ command: 'republish', published: 1, failed: 0 });
    expect(ebMock.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0]?.EventBusName).toBe(
      'bus',
    );
  });

  it.each([
    [['republish', '--table', 't', '--content-hash', 'a'.repeat(64)], /--bus/],
    [['republish', '--table', 't', '--bus', 'b'], /exactly one/],
    [
      [
        'republish',
        '--table',
        't',
        '--bus',
        'b',
        '--since',
        '2026-01-01T00:00:00Z',
        '--from-failure-queue',
        'q',
      ],
      /exactly one/,
    ],
    [['republish', '--table', 't', '--bus', 'b', '--content-hash', 'XYZ'], /not a content hash/],
    [['republish', '--table', 't', '--bus', 'b', '--since', 'yesterday'], /not an ISO timestamp/],
    [
      [
        'republish',
        '--table',
        't',
        '--bus',
        'b',
        '--content-hash',
        'a'.repeat(64),
        '--until',
        '2026-01-01T00:00:00Z',
      ],
      /--until needs --since/,
    ],
  ])('exits 2 on %j', async (argv, message) => {
    // Act
    const { code, stderr } = await run(...argv);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
