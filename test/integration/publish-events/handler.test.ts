import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DocumentIngestedDetailSchema } from '@doc-ingest/contracts';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeContext } from '../../helpers/fakeContext.ts';
import { loadEvent } from '../../helpers/loadEvent.ts';
import { stubHandlerEnv } from '../../helpers/stubHandlerEnv.ts';

/* The stream consumer through its real middy chain; EventBridge is mocked (no AWS in unit runs). */

const ebMock = mockClient(EventBridgeClient);
type Handler = (
  event: DynamoDBStreamEvent,
  context: ReturnType<typeof fakeContext>,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
let handler: Handler;

beforeAll(async () => {
  stubHandlerEnv();
  ({ handler } = (await import('../../../functions/publish-events/handler.ts')) as unknown as {
    handler: Handler;
  });
});

beforeEach(() => {
  ebMock.reset();
  ebMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
    FailedEntryCount: 0,
    Entries: input.Entries.map((_, i) => ({ EventId: `e${i}` })),
  }));
});

describe('Handler: publish-events', () => {
  it('publishes one DocumentIngested event per new document and nothing else', async () => {
    // Act
    const response = await handler(loadEvent('dynamodb-stream/table-changes'), fakeContext());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const entries = ebMock
      .commandCalls(PutEventsCommand)
      .flatMap((c) => c.args[0].input.Entries ?? []);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        EventBusName: 'documents-bus',
        Source: 'doc-ingest.documents',
        DetailType: 'DocumentIngested',
      });
      DocumentIngestedDetailSchema.parse(JSON.parse(entry.Detail ?? ''));
    }
  });

  it('reports the first failed record and every later one', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'ok' }, { ErrorCode: 'ThrottlingException' }],
    });
    const event = loadEvent<DynamoDBStreamEvent>('dynamodb-stream/table-changes');
    const sequence = event.Records.map((r) => r.dynamodb?.SequenceNumber);

    // Act
    const response = await handler(event, fakeContext());

    // Assess: the second document is the last record of the fixture
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: sequence.at(-1) }]);
  });

  it('retries a record that breaks the contract instead of dropping it', async () => {
    // Prepare
    const event = loadEvent<DynamoDBStreamEvent>('dynamodb-stream/table-changes');
    const first = event.Records[0];
    if (first?.dynamodb?.NewImage === undefined) throw new Error('fixture');
    first.dynamodb.NewImage.contentHash = { S: 'nope' };

    // Act
    const response = await handler(event, fakeContext());

    // Assess
    expect(response.batchItemFailures[0]?.itemIdentifier).toBe(first.dynamodb.SequenceNumber);
    expect(response.batchItemFailures).toHaveLength(event.Records.length);
  });
});
