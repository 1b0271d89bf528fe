import {
  DOCUMENT_SORT_KEY,
  documentPartitionKey,
  sourcePartitionKey,
  versionSortKey,
} from '@doc-ingest/contracts';
import {
  buildDocumentItems,
  FINGERPRINT_VERSION,
  type ProcessedDocument,
  processDocument,
} from '@doc-ingest/core';
import { createInMemoryDocumentStore } from '@doc-ingest/ingestion';
import { describe, expect, it } from 'vitest';
import { documentStoreConformance } from '../../../../helpers/documentStoreConformance.ts';
import { loadSamples } from '../../../../helpers/samples.ts';

describe('Function: createInMemoryDocumentStore', () => {
  documentStoreConformance('in memory', (beforeWrite) => {
    const store = createInMemoryDocumentStore({ beforeWrite });
    return { store, items: () => store.records() };
  });
  // As `ingest process` uses it: the records written are held, not copied.
  documentStoreConformance('in memory, records handed over', (beforeWrite) => {
    const store = createInMemoryDocumentStore({ beforeWrite, copyWrites: false });
    return { store, items: () => store.records() };
  });

  describe('what it holds belongs to it alone', () => {
    const [first, second] = loadSamples();
    if (first === undefined || second === undefined) throw new Error('two samples needed');
    const processed = (bytes: Buffer): ProcessedDocument => {
      const result = processDocument({ bytes, key: 'a.txt' });
      if (!result.ok) throw new Error(`fixture rejected: ${result.rejection.reason}`);
      return result.value;
    };
    const itemsOf = (doc: ProcessedDocument, key: string) =>
      buildDocumentItems(doc, { bucket: 'b', key, size: 1 }, { inline: true }, 'then');
    const lookUp = (
      store: ReturnType<typeof createInMemoryDocumentStore>,
      doc: ProcessedDocument,
    ) =>
      store.lookUpContent({
        contentHash: doc.contentHash,
        fingerprintVersion: FINGERPRINT_VERSION,
        bandKeys: doc.fingerprint.bandKeys,
      });
    /** Changes every field of a record that can be changed in place, nested ones included. */
    const scribbleOn = (value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach(scribbleOn);
        value.push('scribbled');
      } else if (typeof value === 'object' && value !== null) {
        const record = value as Record<string, unknown>;
        for (const [field, inner] of Object.entries(record)) {
          if (typeof inner === 'object' && inner !== null) scribbleOn(inner);
          else record[field] = 'scribbled';
        }
      }
    };

    it('keeps what was written when the caller changes its objects afterwards', async () => {
      // Prepare
      const store = createInMemoryDocumentStore();
      const doc = processed(first.bytes);
      const items = itemsOf(doc, 'one.txt');
      const written = structuredClone(items);
      await store.claimNearBands(items.nearBands);
      await store.recordIngestion(items, 'then');

      // Act
      scribbleOn(items);

      // Assess
      expect(store.getDocument(doc.contentHash)).toEqual(written.document);
      expect(store.nearBands()).toEqual(written.nearBands);
      const records = store.records();
      expect(records).toHaveLength(2 + written.topics.length);
      expect(records).toEqual(
        expect.arrayContaining([written.document, written.newSource, ...written.topics]),
      );
    });

    it('hands out copies: changing what it returns changes nothing it holds', async () => {
      // Prepare: a document, and a near-duplicate's view of its band owner
      const store = createInMemoryDocumentStore();
      const doc = processed(first.bytes);
      const items = itemsOf(doc, 'one.txt');
      await store.claimNearBands(items.nearBands);
      await store.recordIngestion(items, 'then');
      const other = processed(second.bytes);
      const copy = {
        ...other,
        fingerprint: { ...other.fingerprint, bandKeys: doc.fingerprint.bandKeys },
      };
      const held = structuredClone({
        records: store.records(),
        bands: store.nearBands(),
        candidates: (await lookUp(store, copy)).candidates,
      });

      // Act
      scribbleOn(store.getDocument(doc.contentHash));
      scribbleOn(store.get(documentPartitionKey(doc.contentHash), DOCUMENT_SORT_KEY));
      scribbleOn(
        store.get(sourcePartitionKey({ bucket: 'b', key: 'one.txt' }), versionSortKey({})),
      );
      scribbleOn(store.records());
      scribbleOn(store.nearBands());
      scribbleOn((await lookUp(store, copy)).candidates);
      scribbleOn((await lookUp(store, doc)).existing);

      // Assess
      expect(store.records()).toEqual(held.records);
      expect(store.nearBands()).toEqual(held.bands);
      expect((await lookUp(store, copy)).candidates).toEqual(held.candidates);
      expect(held.candidates).toHaveLength(1);
    });
  });

  describe('reading fields without copies', () => {
    it('picks fields of the held document and of a record, none of an absent one', async () => {
      // Prepare
      const [sample] = loadSamples();
      if (sample === undefined) throw new Error('a sample needed');
      const result = processDocument({ bytes: sample.bytes, key: 'a.txt' });
      if (!result.ok) throw new Error(`fixture rejected: ${result.rejection.reason}`);
      const doc = result.value;
      const store = createInMemoryDocumentStore();
      const items = buildDocumentItems(
        doc,
        { bucket: 'b', key: 'one.txt', size: 1 },
        { inline: true },
        'then',
      );
      await store.recordIngestion(items, 'then');

      // Act
      const title = store.pickFromDocument(doc.contentHash, (document) => document.title);
      const kind = store.pickFrom(
        sourcePartitionKey({ bucket: 'b', key: 'one.txt' }),
        versionSortKey({}),
        (record) => record.kind,
      );
      const absent = store.pickFromDocument('0'.repeat(64), (document) => document.title);

      // Assess
      expect(title).toBe(doc.title);
      expect(kind).toBe('source');
      expect(absent).toBeUndefined();
    });
  });

  describe('option keepTexts', () => {
    it.each([
      [true, 1],
      [false, 0],
    ])('keepTexts %s keeps %i text, and gives the same location', async (keepTexts, kept) => {
      // Prepare
      const store = createInMemoryDocumentStore({ keepTexts });

      // Act
      const location = await store.storeText('a'.repeat(64), 'the text');

      // Assess
      expect(location).toEqual(store.textLocation('a'.repeat(64)));
      expect(store.texts().size).toBe(kept);
    });
  });

  describe('option keepTopicItems', () => {
    it.each([
      [true, 'holds'],
      [false, 'drops'],
    ])(
      'keepTopicItems %s %s the topic items, and records the same decisions',
      async (keepTopicItems) => {
        // Prepare: a sample with topics, recorded twice under two keys
        const withTopics = loadSamples()
          .map((sample) => processDocument({ bytes: sample.bytes, key: 'a.txt' }))
          .find((result) => result.ok && result.value.topics.length > 0);
        if (withTopics === undefined || !withTopics.ok)
          throw new Error('a sample with topics needed');
        const doc = withTopics.value;
        const store = createInMemoryDocumentStore({ keepTopicItems });
        const itemsAt = (key: string) =>
          buildDocumentItems(doc, { bucket: 'b', key, size: 1 }, { inline: true }, 'then');

        // Act
        const outcomes = [
          await store.recordIngestion(itemsAt('one.txt'), 'then'),
          await store.recordIngestion(itemsAt('one.txt'), 'then'),
          await store.recordIngestion(itemsAt('two.txt'), 'then'),
        ];

        // Assess
        expect(outcomes).toEqual(['new', 'already-recorded', 'duplicate']);
        const kinds = store.records().map((record) => record.kind);
        expect(kinds.filter((kind) => kind === 'topic')).toHaveLength(
          keepTopicItems ? doc.topics.length : 0,
        );
        expect(kinds.filter((kind) => kind !== 'topic').sort()).toEqual([
          'document',
          'source',
          'source',
        ]);
        expect(store.getDocument(doc.contentHash)?.topics).toEqual(doc.topics);
      },
    );
  });

  describe('option copyWrites', () => {
    const [sample] = loadSamples();
    if (sample === undefined) throw new Error('a sample needed');
    const written = async (copyWrites: boolean) => {
      const result = processDocument({ bytes: sample.bytes, key: 'a.txt' });
      if (!result.ok) throw new Error(`fixture rejected: ${result.rejection.reason}`);
      const store = createInMemoryDocumentStore({ copyWrites });
      const items = buildDocumentItems(
        result.value,
        { bucket: 'b', key: 'one.txt', size: 1 },
        { inline: true },
        'then',
      );
      await store.recordIngestion(items, 'then');
      return { store, items, contentHash: result.value.contentHash };
    };

    it.each([
      [true, false],
      [false, true],
    ])('copyWrites %s holds the very document written: %s', async (copyWrites, same) => {
      // Prepare
      const { store, items, contentHash } = await written(copyWrites);

      // Act
      const held = store.pickFromDocument(contentHash, (document) => document);

      // Assess
      expect(held === items.document).toBe(same);
      expect(held).toEqual(items.document);
    });

    it('hands out copies of what it holds without copying what it takes', async () => {
      // Prepare
      const { store, contentHash } = await written(false);
      const before = structuredClone(store.getDocument(contentHash));

      // Act
      const copy = store.getDocument(contentHash);
      if (copy === undefined) throw new Error('document missing');
      copy.title = 'scribbled';
      copy.topics.length = 0;

      // Assess
      expect(store.getDocument(contentHash)).toEqual(before);
    });
  });
});
