import { DocumentEvents, DocumentIngestedDetailSchema } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import { loadEvent } from '../../../helpers/loadEvent.ts';

interface BusEvent {
  source: string;
  'detail-type': string;
  detail: unknown;
}

describe('Schema: DocumentIngestedDetailSchema', () => {
  it('accepts the sample bus event of events/eventbridge/, source and type included', () => {
    // Prepare
    const event = loadEvent<BusEvent>('eventbridge/document-ingested');

    // Act
    const result = DocumentIngestedDetailSchema.safeParse(event.detail);

    // Assess
    expect(result.success).toBe(true);
    expect(event.source).toBe(DocumentEvents.SOURCE);
    expect(event['detail-type']).toBe(DocumentEvents.DOCUMENT_INGESTED);
  });

  it('refuses the sample without its content hash', () => {
    // Prepare
    const { detail } = loadEvent<{ detail: Record<string, unknown> }>(
      'eventbridge/document-ingested',
    );
    delete detail.contentHash;

    // Act
    const result = DocumentIngestedDetailSchema.safeParse(detail);

    // Assess
    expect(result.success).toBe(false);
  });
});
