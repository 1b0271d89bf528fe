import { RejectionReason } from '@doc-ingest/contracts';
import {
  buildDocumentItems,
  buildRejectionRecord,
  COMPILED_TAXONOMY,
  FINGERPRINT_VERSION,
  type ProcessedDocument,
  processDocument,
  type SourceObject,
} from '@doc-ingest/core';
import {
  createInMemoryDocumentStore,
  createInMemoryObjectReader,
  type DocumentStore,
  type IngestDependencies,
  type InMemoryObjectReader,
  ingestObject,
  ObjectUnreadableError,
  removeObject,
} from '@doc-ingest/ingestion';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSamples } from './samples.ts';

/*
 * One behavioural suite for every DocumentStore: what the ingest decisions
 * rely on (conditional creates, band claims all or none, idempotent
 * redelivery, deletes and withdrawal), checked through the interface only,
 * then the decisions themselves over the store. The in-memory store runs it
 * in test/unit/packages/ingestion/memory/, the DynamoDB store (over the
 * in-memory table fake) in test/unit/packages/aws-adapters/store/.
 */

const sample = loadSamples().find((s) => s.name.startsWith('100_'));
const unrelated = loadSamples().find((s) => s.name.startsWith('101_'));
/** A sample with several topics: crash points between topic writes. */
const manyTopics = loadSamples().find((s) => s.name.startsWith('112_'));
if (sample === undefined || unrelated === undefined || manyTopics === undefined) {
  throw new Error('samples 100, 101, 112 missing');
}
/** Topics of sample 112 under the built-in taxonomy (one item each). */
const manyTopicCount = (() => {
  const processed = processDocument({ bytes: manyTopics.bytes, key: manyTopics.name });
  const count = processed.ok ? processed.value.topics.length : 0;
  // Fewer than three would merge the crash points below into one another.
  if (count < 3) throw new Error(`sample 112 has ${count} topics; the crash suite needs 3 or more`);
  return count;
})();
/** Sample 100 with a paragraph added to its body: a near-duplicate with some bands of its own. */
const republished = Buffer.from(
  sample.bytes
    .toString('utf8')
    .replace(
      '\n\n',
      '\n\nUne précision de la rédaction: cette dépêche a été complétée après sa première parution par notre correspondant régional.\n\n',
    ),
);

const processed = (bytes: Buffer): ProcessedDocument => {
  const result = processDocument({ bytes, key: 'a.txt' });
  if (!result.ok) throw new Error(`fixture rejected: ${result.rejection.reason}`);
  return result.value;
};

const objectAt = (key: string, eTag = 'etag'): SourceObject => ({
  bucket: 'b',
  key,
  size: 1,
  eTag,
});

const itemsOf = (doc: ProcessedDocument, key: string, now = '2026-12-07T00:00:00.000Z') =>
  buildDocumentItems(doc, objectAt(key), { inline: true }, now);

const lookUp = (store: DocumentStore, doc: ProcessedDocument) =>
  store.lookUpContent({
    contentHash: doc.contentHash,
    fingerprintVersion: FINGERPRINT_VERSION,
    bandKeys: doc.fingerprint.bandKeys,
  });

/** A clock that moves one second per call, so every record has its own time. */
const ticking = () => {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 11, 7, 0, 0, tick++)).toISOString();
};

/** Thrown by the crash switch: the run stops before a write, as a killed process would. */
class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash before a write');
    this.name = 'SimulatedCrash';
  }
}

/** What a store under test offers the suite besides its interface. */
interface StoreUnderTest {
  store: DocumentStore;
  /** Every item the store holds in its document table (any order). */
  items: () => object[];
}

/**
 * Called by the store before each item it writes (once the write's
 * condition holds); throwing stops the store's call there.
 */
type BeforeWrite = (item: object) => void;

/**
 * Defines the suite for one store. `createStore` runs before each test and
 * returns an empty store that calls `beforeWrite` before each item write.
 */
const documentStoreConformance = (
  name: string,
  createStore: (beforeWrite: BeforeWrite) => StoreUnderTest,
): void => {
  let store: DocumentStore;
  let stored: () => object[];
  /** Writes left before the armed crash; none armed when undefined. */
  let writesBeforeCrash: number | undefined;
  // Counts the document table's items only: band claims come before them and stay.
  const beforeWrite: BeforeWrite = (item) => {
    if (writesBeforeCrash === undefined || (item as { kind?: string }).kind === 'near-band') return;
    if (writesBeforeCrash === 0) {
      writesBeforeCrash = undefined;
      throw new SimulatedCrash();
    }
    writesBeforeCrash--;
  };
  beforeEach(() => {
    writesBeforeCrash = undefined;
    ({ store, items: stored } = createStore(beforeWrite));
  });
  const byKey = (items: object[]) =>
    items
      .map((item) => item as { pk: string; sk: string })
      .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));

  describe(`DocumentStore conformance: ${name}`, () => {
    it('knows nothing of a new content: every band is free to claim', async () => {
      // Prepare
      const doc = processed(sample.bytes);

      // Act
      const known = await lookUp(store, doc);

      // Assess
      expect(known.existing).toBeUndefined();
      expect(known.candidates).toEqual([]);
      expect(known.unclaimedBands.size).toBe(doc.fingerprint.bandKeys.length);
    });

    it('creates a document once, then adds other objects as duplicates and ignores redeliveries', async () => {
      // Prepare
      const doc = processed(sample.bytes);

      // Act
      const first = await store.recordIngestion(itemsOf(doc, 'one.txt'), 'now');
      const redelivered = await store.recordIngestion(itemsOf(doc, 'one.txt'), 'now');
      const copy = await store.recordIngestion(itemsOf(doc, 'two.txt'), 'now');
      const known = await store.recordIngestion(itemsOf(doc, 'three.txt'), 'now', {
        documentExists: true,
      });
      const copyAgain = await store.recordIngestion(itemsOf(doc, 'three.txt'), 'now', {
        documentExists: true,
      });

      // Assess
      expect([first, redelivered, copy, known, copyAgain]).toEqual([
        'new',
        'already-recorded',
        'duplicate',
        'duplicate',
        'already-recorded',
      ]);
      expect((await lookUp(store, doc)).existing).toEqual({
        firstSource: { bucket: 'b', key: 'one.txt' },
      });
    });

    it('refuses to add a source to a document that does not exist, so the retry creates it', async () => {
      // Prepare
      const doc = processed(sample.bytes);

      // Act
      const adding = store.recordIngestion(itemsOf(doc, 'one.txt'), 'now', {
        documentExists: true,
      });

      // Assess
      await expect(adding).rejects.toThrow(/disappeared/);
      expect(await store.recordIngestion(itemsOf(doc, 'one.txt'), 'now')).toBe('new');
    });

    it('claims bands all or none, and shows their owner with its fingerprint', async () => {
      // Prepare: a copy whose first three band keys the original owns, the rest its own
      const original = processed(sample.bytes);
      const other = processed(unrelated.bytes);
      const copy: ProcessedDocument = {
        ...other,
        fingerprint: {
          ...other.fingerprint,
          bandKeys: [
            ...original.fingerprint.bandKeys.slice(0, 3),
            ...other.fingerprint.bandKeys.slice(3),
          ],
        },
      };
      const originalBands = itemsOf(original, 'original.txt').nearBands;
      const copyBands = itemsOf(copy, 'copy.txt').nearBands;
      const sharedPks = copyBands
        .filter((band) => originalBands.some((o) => o.pk === band.pk))
        .map((band) => band.pk);

      // Act
      const won = await store.claimNearBands(originalBands);
      const lost = await store.claimNearBands(copyBands);
      const seen = await lookUp(store, copy);

      // Assess: a store may stop at the first lost band, but reports at least one and keeps none
      expect(won).toEqual({ lost: [] });
      expect(sharedPks).toHaveLength(3);
      expect(lost.lost.length).toBeGreaterThan(0);
      expect(sharedPks).toEqual(expect.arrayContaining(lost.lost));
      // None of the copy's own bands was written: they are all still free.
      expect(seen.unclaimedBands.size).toBe(copyBands.length - sharedPks.length);
      expect(seen.candidates).toEqual([
        { contentHash: original.contentHash, fingerprint: originalBands[0]?.fingerprint },
      ]);
    });

    it('does not offer a content its own bands, as candidates or as free', async () => {
      // Prepare
      const doc = processed(sample.bytes);
      await store.claimNearBands(itemsOf(doc, 'one.txt').nearBands);

      // Act
      const known = await lookUp(store, doc);

      // Assess
      expect(known.candidates).toEqual([]);
      expect(known.unclaimedBands.size).toBe(0);
    });

    it('keeps the first rejection of an object, unless it only said the object was unreadable', async () => {
      // Prepare
      const object = objectAt('bad.txt');
      const unreadable = buildRejectionRecord(
        object,
        { reason: RejectionReason.UNREADABLE, detail: 'AccessDenied', errorCode: 'AccessDenied' },
        'now',
      );
      const empty = buildRejectionRecord(
        object,
        { reason: RejectionReason.EMPTY, detail: 'no text' },
        'now',
      );

      // Act
      const outcomes = [
        await store.recordRejection(unreadable),
        await store.recordRejection(unreadable),
        await store.recordRejection(empty),
        await store.recordRejection(empty),
        await store.recordRejection(unreadable),
      ];

      // Assess
      expect(outcomes).toEqual([
        'rejected',
        'already-recorded',
        'rejected',
        'already-recorded',
        'already-recorded',
      ]);
    });

    it('marks a source deleted once and withdraws its document when no live source is left', async () => {
      // Prepare
      const doc = processed(sample.bytes);
      await store.recordIngestion(itemsOf(doc, 'one.txt'), '2026-12-07T00:00:00.000Z');
      await store.recordIngestion(itemsOf(doc, 'two.txt'), '2026-12-07T00:00:01.000Z');
      const [one] = await store.findSourcesOfKey({ bucket: 'b', key: 'one.txt' });
      const [two] = await store.findSourcesOfKey({ bucket: 'b', key: 'two.txt' });
      if (one === undefined || two === undefined) throw new Error('sources not found');

      // Act
      const first = await store.markSourceDeleted(one, 'later');
      const withdrawnEarly = await store.withdrawDocument(doc.contentHash, 'later');
      const again = await store.markSourceDeleted(one, 'later');
      const last = await store.markSourceDeleted(two, 'later');
      const withdrawn = await store.withdrawDocument(doc.contentHash, 'later');
      const withdrawnAgain = await store.withdrawDocument(doc.contentHash, 'later');
      const gone = await store.markSourceDeleted(
        { pk: 'SOURCE#b/none.txt', sk: 'VERSION#null', contentHash: doc.contentHash },
        'later',
      );

      // Assess
      expect(one).toMatchObject({ contentHash: doc.contentHash, sk: 'VERSION#null#etag' });
      expect([first, withdrawnEarly, again, last, withdrawn, withdrawnAgain, gone]).toEqual([
        'deleted',
        false,
        'already-deleted',
        'deleted',
        true,
        false,
        'source-gone',
      ]);
      expect((await store.findSourcesOfKey({ bucket: 'b', key: 'one.txt' }))[0]).toMatchObject({
        deletedAt: 'later',
      });
    });

    it('brings a withdrawn document back with a new source', async () => {
      // Prepare
      const doc = processed(sample.bytes);
      await store.recordIngestion(itemsOf(doc, 'one.txt'), 'now');
      const [one] = await store.findSourcesOfKey({ bucket: 'b', key: 'one.txt' });
      if (one === undefined) throw new Error('source not found');
      await store.markSourceDeleted(one, 'later');
      await store.withdrawDocument(doc.contentHash, 'later');

      // Act
      const back = await store.recordIngestion(itemsOf(doc, 'two.txt'), 'again');
      const withdrawnWhileLive = await store.withdrawDocument(doc.contentHash, 'again');

      // Assess
      expect(back).toBe('duplicate');
      expect(withdrawnWhileLive).toBe(false);
    });

    it('stores a large text where the document will point', async () => {
      // Act
      const stored = await store.storeText('c'.repeat(64), 'a long text');

      // Assess
      expect(stored).toEqual(store.textLocation('c'.repeat(64)));
    });
  });

  describe(`Ingest decisions over the store: ${name}`, () => {
    let reader: InMemoryObjectReader;
    let deps: IngestDependencies;
    beforeEach(() => {
      reader = createInMemoryObjectReader();
      deps = {
        reader,
        store,
        config: {
          maxObjectBytes: 200_000,
          inlineTextMaxBytes: 100_000,
          taxonomy: COMPILED_TAXONOMY,
        },
        now: ticking(),
      };
    });
    const put = (key: string, bytes: Buffer, eTag = 'etag') =>
      reader.put({ bucket: 'b', key }, { bytes, eTag });

    it('records new, duplicate and redelivered objects', async () => {
      // Prepare
      put('one.txt', sample.bytes);
      put('two.txt', sample.bytes);

      // Act
      const reports = [
        await ingestObject({ bucket: 'b', key: 'one.txt' }, deps),
        await ingestObject({ bucket: 'b', key: 'two.txt' }, deps),
        await ingestObject({ bucket: 'b', key: 'one.txt' }, deps),
      ];

      // Assess
      expect(reports.map((report) => report.status)).toEqual([
        'new',
        'duplicate',
        'already-recorded',
      ]);
      expect(new Set(reports.map((report) => report.contentHash)).size).toBe(1);
    });

    it('marks a republished copy as a near-duplicate of the original', async () => {
      // Prepare
      put('original.txt', sample.bytes);
      put('copy.txt', republished);
      put('other.txt', unrelated.bytes);

      // Act
      const original = await ingestObject({ bucket: 'b', key: 'original.txt' }, deps);
      const copy = await ingestObject({ bucket: 'b', key: 'copy.txt' }, deps);
      const other = await ingestObject({ bucket: 'b', key: 'other.txt' }, deps);

      // Assess
      expect(copy.status).toBe('near-duplicate');
      expect(copy.nearDuplicateOf?.contentHash).toBe(original.contentHash);
      expect(copy.nearDuplicateOf?.similarity).toBeGreaterThan(0.6);
      expect(copy.nearDuplicateOf?.similarity).toBeLessThan(1);
      expect(other.status).toBe('new');
    });

    it('keeps one canonical document when two copies of one article arrive at once', async () => {
      // Prepare
      put('original.txt', sample.bytes);
      put('copy.txt', republished);

      // Act
      const reports = await Promise.all([
        ingestObject({ bucket: 'b', key: 'original.txt' }, deps),
        ingestObject({ bucket: 'b', key: 'copy.txt' }, deps),
      ]);

      // Assess
      expect(reports.map((report) => report.status).sort()).toEqual(['near-duplicate', 'new']);
      const canonical = reports.find((report) => report.status === 'new');
      const copy = reports.find((report) => report.status === 'near-duplicate');
      expect(copy?.nearDuplicateOf?.contentHash).toBe(canonical?.contentHash);
    });

    it('rejects an empty object, a too large one and a vanished one, with reasons', async () => {
      // Prepare
      put('empty.txt', Buffer.alloc(0));
      put('large.txt', Buffer.alloc(200_001, 'a'));

      // Act
      const reports = [
        await ingestObject({ bucket: 'b', key: 'empty.txt' }, deps),
        await ingestObject({ bucket: 'b', key: 'large.txt' }, deps),
        await ingestObject({ bucket: 'b', key: 'vanished.txt' }, deps),
        await ingestObject({ bucket: 'b', key: 'empty.txt' }, deps),
      ];

      // Assess
      expect(reports.map(({ status, reason }) => ({ status, reason }))).toEqual([
        { status: 'rejected', reason: RejectionReason.EMPTY },
        { status: 'rejected', reason: RejectionReason.TOO_LARGE },
        { status: 'rejected', reason: RejectionReason.OBJECT_NOT_FOUND },
        { status: 'rejected', reason: RejectionReason.EMPTY },
      ]);
      expect(reports[1]?.detail).toBe('200001 bytes exceeds the 200000 byte limit');
    });

    it('throws for an object that cannot be read, naming the error code', async () => {
      // Prepare
      reader.fail({ bucket: 'b', key: 'locked.txt' }, 'AccessDenied');

      // Act
      const reading = ingestObject({ bucket: 'b', key: 'locked.txt' }, deps, {
        lastReceive: true,
      });

      // Assess
      await expect(reading).rejects.toThrow(ObjectUnreadableError);
      await expect(reading).rejects.toThrow('s3://b/locked.txt: AccessDenied');
    });

    it('retires the replaced content of an overwritten key in an unversioned bucket', async () => {
      // Prepare
      put('k.txt', sample.bytes, 'first');
      const first = await ingestObject({ bucket: 'b', key: 'k.txt' }, deps);
      put('k.txt', unrelated.bytes, 'second');

      // Act
      const second = await ingestObject({ bucket: 'b', key: 'k.txt' }, deps);
      const sources = await store.findSourcesOfKey({ bucket: 'b', key: 'k.txt' });

      // Assess
      expect(second.status).toBe('new');
      expect(
        sources.map(({ contentHash, deletedAt }) => ({ contentHash, deleted: !!deletedAt })),
      ).toEqual([
        { contentHash: first.contentHash, deleted: true },
        { contentHash: second.contentHash, deleted: false },
      ]);
    });

    it('removes an object once: its document is withdrawn, a redelivered removal changes nothing', async () => {
      // Prepare
      put('one.txt', sample.bytes);
      const ingested = await ingestObject({ bucket: 'b', key: 'one.txt' }, deps);

      // Act
      const removed = await removeObject({ bucket: 'b', key: 'one.txt' }, deps);
      const again = await removeObject({ bucket: 'b', key: 'one.txt' }, deps);

      // Assess
      expect(removed).toEqual({
        status: 'removed',
        bucket: 'b',
        key: 'one.txt',
        sourcesDeleted: 1,
        withdrawn: [ingested.contentHash],
      });
      expect(again).toMatchObject({ sourcesDeleted: 0, withdrawn: [] });
    });
  });

  describe(`Crash and repair: ${name}`, () => {
    let reader: InMemoryObjectReader;
    const depsOf = (): IngestDependencies => ({
      reader,
      store,
      config: { maxObjectBytes: 200_000, inlineTextMaxBytes: 100_000, taxonomy: COMPILED_TAXONOMY },
      now: ticking(),
    });
    beforeEach(() => {
      reader = createInMemoryObjectReader();
      reader.put({ bucket: 'b', key: 'one.txt' }, { bytes: manyTopics.bytes, eTag: 'etag' });
      reader.put({ bucket: 'b', key: 'two.txt' }, { bytes: manyTopics.bytes, eTag: 'etag' });
    });
    const one = { bucket: 'b', key: 'one.txt' };

    /** The items of an uninterrupted run, in the reference store (its records are the items). */
    const uninterrupted = async (startTick = 0) => {
      const reference = createInMemoryDocumentStore();
      const clock = ticking();
      for (let tick = 0; tick < startTick; tick++) clock();
      await ingestObject(one, { ...depsOf(), store: reference, now: clock });
      return byKey(reference.records());
    };

    // Writes of a first ingestion: the document, each of its topics, its source.
    it.each([
      // Nothing recorded: the redelivery is a first run, two clock ticks later.
      [0, 'before the document, after the band claims'],
      [1, 'after the document'],
      [2, 'after the first topic'],
      [manyTopicCount, 'after all topics but one'],
      [manyTopicCount + 1, 'after every topic, before the source'],
    ])(
      'a redelivery after a crash %i writes in (%s) leaves the uninterrupted run’s items',
      async (writes) => {
        // Prepare
        const expected = await uninterrupted(writes === 0 ? 2 : 0);
        const deps = depsOf();
        writesBeforeCrash = writes;
        await expect(ingestObject(one, deps)).rejects.toThrow(SimulatedCrash);

        // Act
        const redelivered = await ingestObject(one, deps);
        const again = await ingestObject(one, deps);

        // Assess
        expect(redelivered.status).toBe('new');
        expect(again.status).toBe('already-recorded');
        expect(byKey(stored())).toEqual(expected);
      },
    );

    it('counts a copy that arrives between the crash and the redelivery once', async () => {
      // Prepare
      const deps = depsOf();
      writesBeforeCrash = 1;
      await expect(ingestObject(one, deps)).rejects.toThrow(SimulatedCrash);

      // Act
      const copy = await ingestObject({ bucket: 'b', key: 'two.txt' }, deps);
      const redelivered = await ingestObject(one, deps);

      // Assess
      expect([copy.status, redelivered.status]).toEqual(['duplicate', 'new']);
      const items = stored() as Record<string, unknown>[];
      const document = items.find((item) => item.kind === 'document');
      expect(document).toMatchObject({ sourceCount: 2, liveSourceCount: 2 });
      const sources = items.filter((item) => item.kind === 'source');
      expect(sources.map((source) => [source.key, source.status]).sort()).toEqual([
        ['one.txt', 'new'],
        ['two.txt', 'duplicate'],
      ]);
      expect(items.filter((item) => item.kind === 'topic')).toHaveLength(manyTopicCount);
    });

    it('ends with the uninterrupted run’s items when a redelivery races its original', async () => {
      // Prepare
      const expected = await uninterrupted();
      const deps = depsOf();
      // Both deliveries record at the time the reference run recorded at.
      const clock = ticking();
      clock();
      const recordedAt = clock();
      deps.now = () => recordedAt;

      // Act
      const reports = await Promise.all([ingestObject(one, deps), ingestObject(one, deps)]);

      // Assess
      expect(reports.map((report) => report.status).sort()).toEqual(['already-recorded', 'new']);
      expect(byKey(stored())).toEqual(expected);
    });

    it('records a duplicate when a crash stopped a copy before its transaction', async () => {
      // Prepare
      const deps = depsOf();
      await ingestObject(one, deps);
      writesBeforeCrash = 0;
      await expect(ingestObject({ bucket: 'b', key: 'two.txt' }, deps)).rejects.toThrow(
        SimulatedCrash,
      );

      // Act
      const redelivered = await ingestObject({ bucket: 'b', key: 'two.txt' }, deps);

      // Assess
      expect(redelivered.status).toBe('duplicate');
      const document = (stored() as Record<string, unknown>[]).find(
        (item) => item.kind === 'document',
      );
      expect(document).toMatchObject({ sourceCount: 2, liveSourceCount: 2 });
    });
  });
};

export { documentStoreConformance };
