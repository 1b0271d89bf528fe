import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DocumentIngestedDetailSchema,
  DocumentPurgedDetailSchema,
  DocumentReclassifiedDetailSchema,
  type DocumentRecord,
  DocumentWithdrawnDetailSchema,
  documentEventId,
  FailedEventsMessageSchema,
  SCHEMA_VERSION,
} from '@doc-ingest/contracts';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeContext } from '../../helpers/fakeContext.ts';
import { loadEvent } from '../../helpers/loadEvent.ts';
import { stubHandlerEnv } from '../../helpers/stubHandlerEnv.ts';

/*
 * The stream consumer through its real middy chain. EventBridge and SQS are
 * mocked: no AWS in unit runs, and refusals and outages cannot be produced on
 * demand otherwise (the LocalStack outage test is test/e2e/eventOutage.test.ts).
 * The clock is pinned near the fixture's change time, so that "the record is
 * older than the retry window" is the test's choice.
 */

const ebMock = mockClient(EventBridgeClient);
const sqsMock = mockClient(SQSClient);
type Handler = (
  event: DynamoDBStreamEvent,
  context: ReturnType<typeof fakeContext>,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
let handler: Handler;

/** The fixture's table changes happened at this time (epoch seconds). */
const CHANGED_AT = 1_763_805_600;
const RETRY_WINDOW_SECONDS = 3600;
const fixture = () => loadEvent<DynamoDBStreamEvent>('dynamodb-stream/table-changes');
const fixtureDocument = (): DocumentRecord =>
  unmarshall(fixture().Records[0]?.dynamodb?.NewImage as Record<string, never>) as DocumentRecord;

const image = (item: object) =>
  marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;

/** A stream record shaped as Lambda delivers it. */
const streamRecord = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  sequenceNumber: string,
  items: { newItem?: DocumentRecord | object; oldItem?: DocumentRecord | object },
): DynamoDBRecord => {
  const keySource = (items.newItem ?? items.oldItem) as { pk: string; sk: string };
  return {
    eventID: `evt-${sequenceNumber}`,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      ApproximateCreationDateTime: CHANGED_AT,
      Keys: image({ pk: keySource.pk, sk: keySource.sk }),
      ...(items.newItem === undefined ? {} : { NewImage: image(items.newItem) }),
      ...(items.oldItem === undefined ? {} : { OldImage: image(items.oldItem) }),
      SequenceNumber: sequenceNumber,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
};

const putEntries = () =>
  ebMock.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries ?? []);
const failureMessages = () =>
  sqsMock
    .commandCalls(SendMessageBatchCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => FailedEventsMessageSchema.parse(JSON.parse(entry.MessageBody ?? '')));

beforeAll(async () => {
  stubHandlerEnv({ EVENT_RETRY_WINDOW_SECONDS: String(RETRY_WINDOW_SECONDS) });
  ({ handler } = (await import('../../../functions/publish-events/handler.ts')) as unknown as {
    handler: Handler;
  });
});

afterAll(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date((CHANGED_AT + 60) * 1000));
  ebMock.reset();
  sqsMock.reset();
  ebMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map((_, i) => ({ EventId: `e${i}` })),
  }));
  sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
    Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
  }));
});

describe('Handler: publish-events', () => {
  it('publishes one DocumentIngested event per new document and nothing else', async () => {
    // Act
    const response = await handler(fixture(), fakeContext());

    // Assess: the fixture holds two new documents, a source, a topic and a source-count MODIFY.
    expect(response.batchItemFailures).toEqual([]);
    const entries = putEntries();
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        EventBusName: 'documents-bus',
        Source: 'doc-ingest.documents',
        DetailType: 'DocumentIngested',
      });
      const detail = DocumentIngestedDetailSchema.parse(JSON.parse(entry.Detail ?? ''));
      expect(detail.eventId).toBe(
        documentEventId('DocumentIngested', detail.contentHash, detail.createdAt),
      );
    }
    expect(failureMessages()).toEqual([]);
  });

  it('gives a document the same event id however often its change is delivered', async () => {
    // Act
    await handler(fixture(), fakeContext());
    await handler(fixture(), fakeContext());

    // Assess
    const ids = putEntries().map((entry) => JSON.parse(entry.Detail ?? '').eventId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2);
  });

  it('reports the first failed record and every later one while the retry window is open', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'ok' }, { ErrorCode: 'ThrottlingException' }],
    });
    const event = fixture();
    const sequence = event.Records.map((r) => r.dynamodb?.SequenceNumber);

    // Act
    const response = await handler(event, fakeContext());

    // Assess: the second document is the last record of the fixture
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: sequence.at(-1) }]);
    expect(failureMessages()).toEqual([]);
  });

  it('retries every record with events when PutEvents fails as a whole', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).rejects(new Error('service unavailable'));
    const event = fixture();
    const sequence = event.Records.map((r) => r.dynamodb?.SequenceNumber);

    // Act
    const response = await handler(event, fakeContext());

    // Assess: from the first document on, in stream order
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(sequence);
    expect(failureMessages()).toEqual([]);
  });

  it('writes a self-contained message to the failure queue once the retry window has passed', async () => {
    // Prepare
    vi.setSystemTime(new Date((CHANGED_AT + RETRY_WINDOW_SECONDS) * 1000));
    ebMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 2,
      Entries: [{ ErrorCode: 'InternalFailure' }, { ErrorCode: 'InternalFailure' }],
    });
    const document = fixtureDocument();

    // Act
    const response = await handler(fixture(), fakeContext());

    // Assess: acknowledged, and the messages carry the keys and whole events
    expect(response.batchItemFailures).toEqual([]);
    const messages = failureMessages();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({
      type: 'doc-ingest.failed-stream-record',
      reason: 'publish-failed',
      contentHash: document.contentHash,
      change: {
        eventName: 'INSERT',
        sequenceNumber: '000000000000000000100',
        keys: { pk: document.pk, sk: 'DOCUMENT' },
      },
    });
    expect(messages[0]?.events).toHaveLength(1);
    expect(DocumentIngestedDetailSchema.parse(messages[0]?.events[0]?.detail).contentHash).toBe(
      document.contentHash,
    );
  });

  it('retries instead when the failure queue refuses the message too', async () => {
    // Prepare
    vi.setSystemTime(new Date((CHANGED_AT + RETRY_WINDOW_SECONDS) * 1000));
    ebMock.on(PutEventsCommand).rejects(new Error('bus down'));
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('queue down'));
    const event = fixture();
    const sequence = event.Records.map((r) => r.dynamodb?.SequenceNumber);

    // Act
    const response = await handler(event, fakeContext());

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(sequence);
  });

  it('sends a record that breaks the contract to the failure queue at once, not blocking its shard', async () => {
    // Prepare
    const event = fixture();
    const first = event.Records[0];
    if (first?.dynamodb?.NewImage === undefined) throw new Error('fixture');
    first.dynamodb.NewImage.contentHash = { S: 'nope' };

    // Act
    const response = await handler(event, fakeContext());

    // Assess: the other document is published; the broken one is described by its keys
    expect(response.batchItemFailures).toEqual([]);
    expect(putEntries()).toHaveLength(1);
    const [message] = failureMessages();
    expect(message).toMatchObject({
      reason: 'contract-violation',
      contentHash: fixtureDocument().contentHash,
      events: [],
    });
    expect(message?.error).toMatch(/contentHash/);
  });

  it('leaves a broken record behind a retried one for the retry, not dead-lettering it once per try', async () => {
    // Prepare: the first document fails to publish; the second breaks the contract
    ebMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'ThrottlingException' }],
    });
    const event = fixture();
    const last = event.Records.at(-1);
    if (last?.dynamodb?.NewImage === undefined) throw new Error('fixture');
    last.dynamodb.NewImage.contentHash = { S: 'nope' };
    const sequence = event.Records.map((r) => r.dynamodb?.SequenceNumber);

    // Act
    const response = await handler(event, fakeContext());

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(sequence);
    expect(failureMessages()).toEqual([]);
  });

  describe('withdrawals and purges', () => {
    const withdrawnAt = '2026-11-23T08:00:00.000Z';

    it('publishes DocumentWithdrawn when a MODIFY sets withdrawnAt', async () => {
      // Prepare
      const live = { ...fixtureDocument(), liveSourceCount: 1 };
      const withdrawn = { ...live, liveSourceCount: 0, withdrawnAt };

      // Act
      const response = await handler(
        { Records: [streamRecord('MODIFY', '200', { oldItem: live, newItem: withdrawn })] },
        fakeContext(),
      );

      // Assess
      expect(response.batchItemFailures).toEqual([]);
      const [entry, ...others] = putEntries();
      expect(others).toEqual([]);
      expect(entry?.DetailType).toBe('DocumentWithdrawn');
      expect(DocumentWithdrawnDetailSchema.parse(JSON.parse(entry?.Detail ?? ''))).toEqual({
        schemaVersion: SCHEMA_VERSION,
        eventId: documentEventId('DocumentWithdrawn', live.contentHash, withdrawnAt),
        contentHash: live.contentHash,
        createdAt: live.createdAt,
        withdrawnAt,
      });
    });

    it('publishes DocumentReclassified when a MODIFY changes the taxonomy version', async () => {
      // Prepare
      const oldItem = fixtureDocument();
      const reclassifiedAt = '2026-12-01T08:00:00.000Z';
      const newItem = { ...oldItem, taxonomyVersion: '2099.1.1', topics: [], reclassifiedAt };

      // Act
      const response = await handler(
        { Records: [streamRecord('MODIFY', '199', { oldItem, newItem })] },
        fakeContext(),
      );

      // Assess
      expect(response.batchItemFailures).toEqual([]);
      const [entry, ...others] = putEntries();
      expect(others).toEqual([]);
      expect(entry?.DetailType).toBe('DocumentReclassified');
      expect(DocumentReclassifiedDetailSchema.parse(JSON.parse(entry?.Detail ?? ''))).toEqual({
        schemaVersion: SCHEMA_VERSION,
        eventId: documentEventId('DocumentReclassified', oldItem.contentHash, '2099.1.1'),
        contentHash: oldItem.contentHash,
        createdAt: oldItem.createdAt,
        taxonomyVersion: '2099.1.1',
        previousTaxonomyVersion: oldItem.taxonomyVersion,
        topicIds: [],
        topics: [],
        previousTopicIds: oldItem.topics.map((topic) => topic.id),
        reclassifiedAt,
      });
    });

    it.each([
      ['a topic update at the same taxonomy version', {}, { topics: [] }],
      ['a source-count update of a live document', {}, { sourceCount: 5 }],
      [
        'a later update of an already withdrawn document',
        { withdrawnAt },
        { withdrawnAt, sourceCount: 3 },
      ],
    ])('publishes nothing for %s', async (_, before, after) => {
      // Prepare
      const oldItem = { ...fixtureDocument(), ...before };
      const newItem = { ...oldItem, ...after };

      // Act
      const response = await handler(
        { Records: [streamRecord('MODIFY', '201', { oldItem, newItem })] },
        fakeContext(),
      );

      // Assess
      expect(response.batchItemFailures).toEqual([]);
      expect(putEntries()).toEqual([]);
    });

    it('publishes DocumentPurged, without title or text, for a REMOVE of a document', async () => {
      // Prepare
      const document = fixtureDocument();

      // Act
      const response = await handler(
        { Records: [streamRecord('REMOVE', '202', { oldItem: document })] },
        fakeContext(),
      );

      // Assess
      expect(response.batchItemFailures).toEqual([]);
      const [entry] = putEntries();
      expect(entry?.DetailType).toBe('DocumentPurged');
      expect(DocumentPurgedDetailSchema.parse(JSON.parse(entry?.Detail ?? ''))).toEqual({
        schemaVersion: SCHEMA_VERSION,
        eventId: documentEventId('DocumentPurged', document.contentHash, document.createdAt),
        contentHash: document.contentHash,
        createdAt: document.createdAt,
        purgedAt: new Date(CHANGED_AT * 1000).toISOString(),
      });
      expect(entry?.Detail).not.toContain(document.title);
    });

    it('publishes nothing for a REMOVE of another kind of item', async () => {
      // Prepare
      const source = fixture().Records[1]?.dynamodb?.NewImage as Record<string, never>;

      // Act
      const response = await handler(
        { Records: [streamRecord('REMOVE', '203', { oldItem: unmarshall(source) })] },
        fakeContext(),
      );

      // Assess
      expect(response.batchItemFailures).toEqual([]);
      expect(putEntries()).toEqual([]);
    });
  });
});
