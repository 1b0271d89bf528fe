import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { TransientDependencyError } from '../errors.ts';

// PutEvents accepts at most 10 entries per call.
const MAX_ENTRIES_PER_CALL = 10;

interface DomainEvent {
  /** Caller's id for the event, used to report which ones failed. */
  id: string;
  source: string;
  detailType: string;
  detail: unknown;
}

/**
 * Publishes events to a bus and returns the ids of those EventBridge did not
 * accept, so the caller can fail exactly those records.
 *
 * @example
 * const failedIds = await publishEvents(eventBridge, busName, events);
 */
const publishEvents = async (
  client: EventBridgeClient,
  eventBusName: string,
  events: DomainEvent[],
): Promise<string[]> => {
  const failed: string[] = [];
  for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
    const chunk = events.slice(start, start + MAX_ENTRIES_PER_CALL);
    const entries: PutEventsRequestEntry[] = chunk.map((event) => ({
      EventBusName: eventBusName,
      Source: event.source,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
    }));
    const response = await client.send(new PutEventsCommand({ Entries: entries }));
    if (response.Entries === undefined && (response.FailedEntryCount ?? 0) > 0) {
      throw new TransientDependencyError('PutEvents failed without entry details');
    }
    response.Entries?.forEach((entry, index) => {
      const event = chunk[index];
      if (entry.ErrorCode !== undefined && event !== undefined) failed.push(event.id);
    });
  }
  return failed;
};

export type { DomainEvent };
export { publishEvents };
