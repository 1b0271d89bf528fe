import { createInMemoryDocumentStore } from '@doc-ingest/ingestion';
import { describe } from 'vitest';
import { documentStoreConformance } from '../../../../helpers/documentStoreConformance.ts';

describe('Function: createInMemoryDocumentStore', () => {
  documentStoreConformance('in memory', (beforeWrite) => {
    const store = createInMemoryDocumentStore({ beforeWrite });
    return { store, items: () => store.records() };
  });
});
