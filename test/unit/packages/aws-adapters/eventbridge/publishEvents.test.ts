import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { publishEvents } from '@doc-ingest/aws-adapters';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

const eventBridge = new EventBridgeClient({ region: 'eu-west-1' });
const ebMock = mockClient(eventBridge);

const events = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `seq-${i}`,
    source: 'test',
    detailType: 'Thing',
    detail: { i },
  }));

describe('Function: publishEvents', () => {
  beforeEach(() => ebMock.reset());

  it('sends at most ten entries per call', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map(() => ({ EventId: 'x' })),
    }));

    // Act
    const failed = await publishEvents(eventBridge, 'bus', events(23));

    // Assess
    expect(failed).toEqual([]);
    const sizes = ebMock
      .commandCalls(PutEventsCommand)
      .map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  it('returns the ids of the entries EventBridge refused', async () => {
    // Prepare
    ebMock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'a' }, { ErrorCode: 'InternalFailure' }, { EventId: 'c' }],
    });

    // Act
    const failed = await publishEvents(eventBridge, 'bus', events(3));

    // Assess
    expect(failed).toEqual(['seq-1']);
  });
});
