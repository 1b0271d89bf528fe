import { ItemKind } from '@doc-ingest/contracts';
import type { SQSEvent } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeContext } from '../../helpers/fakeContext.ts';
import { fakeDocumentTable } from '../../helpers/fakeDocumentTable.ts';
import { fakeIngestBucket } from '../../helpers/fakeIngestBucket.ts';
import { objectCreatedEvent } from '../../helpers/objectCreatedEvent.ts';
import { loadSamples } from '../../helpers/samples.ts';
import { stubHandlerEnv } from '../../helpers/stubHandlerEnv.ts';

/*
 * Issue 12: what a consumer of the document table's stream reads for new
 * distinct documents. The ingest handler runs through its real middy chain;
 * S3 and DynamoDB are in-memory fakes (no AWS in unit runs), the fake logging
 * per table each write that changes an item, as a stream records it.
 */

const CONTRACT_KINDS = new Set<string>([
  ItemKind.DOCUMENT,
  ItemKind.SOURCE,
  ItemKind.TOPIC,
  ItemKind.REJECTION,
]);

// Twelve samples from different families: distinct documents, nothing shared.
const distinct = loadSamples()
  .filter((sample) => /^1\d\d_/.test(sample.name))
  .slice(0, 12);

const ingestBucket = fakeIngestBucket({ eTag: 'etag' });
let table: ReturnType<typeof fakeDocumentTable>;
type Handler = (event: SQSEvent, context: ReturnType<typeof fakeContext>) => Promise<unknown>;
let handler: Handler;

beforeAll(async () => {
  stubHandlerEnv();
  ({ handler } = (await import('../../../functions/ingest/handler.ts')) as unknown as {
    handler: Handler;
  });
});

beforeEach(() => {
  ingestBucket.reset(distinct.map((sample) => [`incoming/${sample.name}`, sample.bytes]));
  table = fakeDocumentTable();
});

describe('Handler: ingest, the document table stream', () => {
  it('carries at least 95 % contract items for new distinct documents, and no band item', async () => {
    // Prepare
    expect(distinct.length).toBeGreaterThanOrEqual(10);

    // Act
    for (const sample of distinct) {
      await handler(objectCreatedEvent(`incoming/${sample.name}`), fakeContext());
    }

    // Assess
    const documentStream = table.changes.filter((change) => change.table === 'documents');
    const contract = documentStream.filter((change) => CONTRACT_KINDS.has(change.kind));
    expect(table.ofKind(ItemKind.DOCUMENT)).toHaveLength(distinct.length);
    expect(contract.length / documentStream.length).toBeGreaterThanOrEqual(0.95);
    expect(documentStream.filter((change) => change.kind === ItemKind.NEAR_BAND)).toEqual([]);
    // The bands were claimed all the same, in the index table.
    const indexWrites = table.changes.filter((change) => change.table === 'near-index');
    expect(indexWrites.length).toBeGreaterThan(0);
    expect(indexWrites.every((change) => change.kind === ItemKind.NEAR_BAND)).toBe(true);
  });
});
