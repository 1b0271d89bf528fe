import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  type DocumentRecord,
  documentEventId,
  documentEventsOfChange,
  documentEventsOfRecord,
  FailedEventsMessageSchema,
  type TableChange,
} from '@doc-ingest/contracts';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadEvent } from '../../../helpers/loadEvent.ts';

const document = unmarshall(
  loadEvent<DynamoDBStreamEvent>('dynamodb-stream/table-changes').Records[0]?.dynamodb
    ?.NewImage as Record<string, never>,
) as DocumentRecord;
const FIRST = '2026-11-23T08:00:00.000Z';
const SECOND = '2026-11-30T08:00:00.000Z';
const types = (change: TableChange) =>
  documentEventsOfChange(change).map((event) => [event.detailType, event.detail.eventId]);

describe('Function: documentEventsOfChange', () => {
  it('makes a new document DocumentIngested', () => {
    expect(types({ eventName: 'INSERT', newRecord: document })).toEqual([
      [
        'DocumentIngested',
        documentEventId('DocumentIngested', document.contentHash, document.createdAt),
      ],
    ]);
  });

  it('makes each new withdrawal DocumentWithdrawn, keyed by its own time', () => {
    // A document withdrawn, brought back by a new source, and withdrawn again.
    const first = { ...document, withdrawnAt: FIRST };
    const back = { ...document };
    const again = { ...document, withdrawnAt: SECOND };
    expect(types({ eventName: 'MODIFY', oldRecord: document, newRecord: first })).toEqual([
      ['DocumentWithdrawn', documentEventId('DocumentWithdrawn', document.contentHash, FIRST)],
    ]);
    expect(types({ eventName: 'MODIFY', oldRecord: first, newRecord: back })).toEqual([]);
    expect(types({ eventName: 'MODIFY', oldRecord: back, newRecord: again })).toEqual([
      ['DocumentWithdrawn', documentEventId('DocumentWithdrawn', document.contentHash, SECOND)],
    ]);
  });

  it('makes a MODIFY that changes the taxonomy version DocumentReclassified, keyed by the version', () => {
    // Prepare
    const reclassified = {
      ...document,
      taxonomyVersion: '2999.1.1',
      topics: [{ id: 'storm', score: 0.9, terms: ['hurricane'] }],
      reclassifiedAt: SECOND,
    };
    const countChanged = { ...reclassified, liveSourceCount: 2 };

    // Act
    const events = documentEventsOfChange({
      eventName: 'MODIFY',
      oldRecord: document,
      newRecord: reclassified,
    });

    // Assess
    expect(events).toEqual([
      {
        detailType: 'DocumentReclassified',
        detail: expect.objectContaining({
          eventId: documentEventId('DocumentReclassified', document.contentHash, '2999.1.1'),
          taxonomyVersion: '2999.1.1',
          previousTaxonomyVersion: document.taxonomyVersion,
          topicIds: ['storm'],
          previousTopicIds: document.topics.map((topic) => topic.id),
          reclassifiedAt: SECOND,
        }),
      },
    ]);
    expect(
      types({ eventName: 'MODIFY', oldRecord: reclassified, newRecord: countChanged }),
    ).toEqual([]);
  });

  it('makes a removed document DocumentPurged, with no time when the record has none', () => {
    const [event] = documentEventsOfChange({ eventName: 'REMOVE', oldRecord: document });
    expect(event?.detailType).toBe('DocumentPurged');
    expect(event?.detail).not.toHaveProperty('purgedAt');
  });
});

describe('Function: documentEventsOfRecord', () => {
  it('replays a withdrawn document as ingested, then withdrawn, with the stream ids', () => {
    // Prepare
    const withdrawn = { ...document, withdrawnAt: FIRST };

    // Act
    const events = documentEventsOfRecord(withdrawn);

    // Assess
    expect(events.map((event) => event.detail.eventId)).toEqual([
      documentEventsOfChange({ eventName: 'INSERT', newRecord: document })[0]?.detail.eventId,
      documentEventsOfChange({ eventName: 'MODIFY', oldRecord: document, newRecord: withdrawn })[0]
        ?.detail.eventId,
    ]);
  });
});

describe('Schema: FailedEventsMessageSchema', () => {
  it('refuses a message of another type', () => {
    expect(
      FailedEventsMessageSchema.safeParse({ type: 'something-else', events: [] }).success,
    ).toBe(false);
  });
});
