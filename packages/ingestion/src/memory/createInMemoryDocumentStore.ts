import {
  DOCUMENT_SORT_KEY,
  type DocumentRecord,
  documentPartitionKey,
  documentTextKey,
  type NearBandRecord,
  NearDuplicateRefSchema,
  nearBandPartitionKey,
  type ObjectRef,
  ObjectRefSchema,
  RejectionReason,
  type RejectionRecord,
  type SourceRecord,
  type StoredFingerprint,
  sourcePartitionKey,
  type TopicRecord,
} from '@doc-ingest/contracts';
import { klona as copyOf } from 'klona/json';
import { StoreConflictError } from '../errors.ts';
import type { DocumentStore } from '../store/DocumentStore.ts';
import { type IngestionWrites, recordIngestionInSteps } from '../store/recordIngestionInSteps.ts';
import type {
  ContentLookup,
  IngestionItems,
  IngestionOutcome,
  SourceOfKey,
} from '../store/types.ts';
import { createBandIndex } from './bandIndex.ts';

/** A record the in-memory store keeps, as the deployed store would write it. */
type StoredRecord = DocumentRecord | SourceRecord | TopicRecord | RejectionRecord;

interface InMemoryDocumentStoreOptions {
  /**
   * The bucket named in the locations of texts too large to inline.
   * @default 'memory-texts'
   */
  textBucketName?: string;
  /**
   * Called before each item is written to the document table: a test that
   * throws here stops the call at that write, as a crashed run would.
   * @default none
   */
  beforeWrite?: (record: StoredRecord) => void;
  /**
   * Keep the texts given to `storeText` (`texts()` returns them). A run that
   * only reports decisions (`ingest process`) passes `false` and sets the
   * inline limit to zero, so that no document's text stays in memory: the
   * decisions never read a stored text, and the texts were half of what the
   * run kept per file, all of it traced by every full garbage collection.
   * @default true
   */
  keepTexts?: boolean;
  /**
   * Copy each record written, so that nothing the caller does to its objects
   * afterwards changes what the store holds. A caller that hands its records
   * over and never touches them again (`ingest process`: `ingestObject`
   * builds new records for each object) passes `false`, and the store keeps
   * the very objects it is given: the copies were a sizeable share of the
   * run's time and of its garbage. What the store hands out is copied either way.
   * @default true
   */
  copyWrites?: boolean;
  /**
   * Keep the topic-membership items (`kind: topic`) written with each
   * document. A run that only reports decisions (`ingest process`) passes
   * `false`: no decision reads them (their creates are never conditions of
   * another write), and they were more than half of the table items the run
   * kept (2.7 per file of a news corpus, against one document and one
   * source), all of them traced by the garbage collector. `records()` then
   * holds none.
   * @default true
   */
  keepTopicItems?: boolean;
}

/** The in-memory store, with read access for callers that report on what it holds. */
interface InMemoryDocumentStore extends DocumentStore {
  /** A copy of the record under `pk` and `sk`, if any. */
  get(pk: string, sk: string): StoredRecord | undefined;
  /** The document of a content, if stored. */
  getDocument(contentHash: string): DocumentRecord | undefined;
  /**
   * What `pick` takes from the stored document of a content, if stored,
   * without copying the record: for a caller that needs a few fields of
   * each document (`ingest process` reads five per file, and the copies of
   * whole records were a sizeable share of its time). `pick` gets the held
   * record: it must change nothing and copy any object it returns.
   */
  pickFromDocument<T>(
    contentHash: string,
    pick: (document: Readonly<DocumentRecord>) => T,
  ): T | undefined;
  /** Like `pickFromDocument`, for the record under `pk` and `sk`. */
  pickFrom<T>(pk: string, sk: string, pick: (record: Readonly<StoredRecord>) => T): T | undefined;
  /** Copies of every record, by partition key in the order each was first written. */
  records(): StoredRecord[];
  /** The owner items of the near-duplicate bands, in claim order. */
  nearBands(): NearBandRecord[];
  /** The texts stored out of line, by content hash. */
  texts(): Map<string, string>;
}

/** `StoredFingerprint` with a compile error should a field ever hold an object. */
type FlatFingerprint = {
  [K in keyof StoredFingerprint]: StoredFingerprint[K] extends object
    ? never
    : StoredFingerprint[K];
};

/**
 * A copy of a stored fingerprint: its fields are strings and numbers, so a
 * spread copies it whole, for a fraction of a generic deep copy (a document
 * of a corpus of related articles has several candidates).
 */
const copyFingerprint = (fingerprint: StoredFingerprint): FlatFingerprint => ({ ...fingerprint });

/** A band item without its fingerprint, with a compile error should a field ever hold an object. */
type FlatBand = {
  [K in keyof Omit<NearBandRecord, 'fingerprint'>]: NearBandRecord[K] extends object
    ? never
    : NearBandRecord[K];
};

/** `owner` is a rest copy already: its fields are strings and numbers. */
const flatCopy = (owner: FlatBand): NearBandRecord => owner;

/** The items under one partition key, in the order first written (a handful: a document and its topics, a source's versions). */
interface Partition {
  sortKeys: string[];
  records: StoredRecord[];
}

/**
 * A {@link DocumentStore} held in maps: the one `ingest process` decides
 * with, and the tests' reference. It keeps the deployed store's promises,
 * as `test/helpers/documentStoreConformance.ts` checks for both: creates are
 * conditional on the item not existing, a band claim writes all bands or none,
 * a redelivered object or rejection changes nothing (except that a content's
 * rejection replaces an `unreadable` one), a source is marked deleted once,
 * and a document is withdrawn once its live sources reach zero. Each item
 * write completes without yielding between its check and its write, as one
 * DynamoDB write is atomic; `recordIngestion` takes the same single-item
 * steps as the deployed store (`recordIngestionInSteps`), so concurrent
 * callers interleave between those steps, as they do on DynamoDB. Records
 * are copied in and out (`klona/json`: they are plain data, and it copies
 * them about ten times faster than `structuredClone`), so no caller can
 * change what the store holds.
 *
 * @example
 * const store = createInMemoryDocumentStore();
 * const report = await ingestObject(object, { reader, store, config, now });
 */
const createInMemoryDocumentStore = (
  options: InMemoryDocumentStoreOptions = {},
): InMemoryDocumentStore => {
  const textBucket = options.textBucketName ?? 'memory-texts';
  const keepTexts = options.keepTexts ?? true;
  const copyWrites = options.copyWrites ?? true;
  const keepTopicItems = options.keepTopicItems ?? true;
  // Items by partition key, then sort key: a lookup hashes the partition key
  // the record holds, instead of a key string built for each read and write.
  const partitions = new Map<string, Partition>();
  // The documents again, by content hash: the decisions read a content's
  // document several times per object, and a lookup by the hash they hold
  // builds no key.
  const documents = new Map<string, DocumentRecord>();
  // The claimed bands in claim order; the index gives a band's place in it.
  const heldBands: NearBandRecord[] = [];
  const bandIndex = createBandIndex();
  // By place in the claim order: a number per owning content, or -1 for a
  // band without a fingerprint (it cannot be compared), so that a lookup
  // tells its own bands and its candidates apart without reading the bands.
  const bandOwners: number[] = [];
  const ownerNumbers = new Map<string, number>();
  const texts = new Map<string, string>();

  const read = <T extends StoredRecord>(pk: string, sk: string): T | undefined => {
    const partition = partitions.get(pk);
    if (partition === undefined) return undefined;
    const at = partition.sortKeys.indexOf(sk);
    return at === -1 ? undefined : (partition.records[at] as T);
  };
  const exists = (record: { pk: string; sk: string }) => read(record.pk, record.sk) !== undefined;
  const write = (record: StoredRecord) => {
    options.beforeWrite?.(record);
    const stored = copyWrites ? copyOf(record) : record;
    const partition = partitions.get(stored.pk);
    if (partition === undefined) {
      partitions.set(stored.pk, { sortKeys: [stored.sk], records: [stored] });
    } else {
      const at = partition.sortKeys.indexOf(stored.sk);
      if (at === -1) {
        partition.sortKeys.push(stored.sk);
        partition.records.push(stored);
      } else partition.records[at] = stored;
    }
    if (
      stored.kind === 'document' &&
      stored.sk === DOCUMENT_SORT_KEY &&
      stored.pk === documentPartitionKey(stored.contentHash)
    ) {
      documents.set(stored.contentHash, stored);
    }
  };
  const documentOf = (contentHash: string) => documents.get(contentHash);
  /** The number of the content owning a band, given when it first claims one. */
  const ownerNumber = (contentHash: string) => {
    const known = ownerNumbers.get(contentHash);
    if (known !== undefined) return known;
    ownerNumbers.set(contentHash, ownerNumbers.size);
    return ownerNumbers.size - 1;
  };
  const textLocation = (contentHash: string): ObjectRef => ({
    bucket: textBucket,
    key: documentTextKey(contentHash),
  });

  const addDuplicateSource = async (
    ingestion: IngestionItems,
    now: string,
  ): Promise<IngestionOutcome> => {
    if (exists(ingestion.duplicateSource)) return 'already-recorded';
    const document = documentOf(ingestion.document.contentHash);
    if (document === undefined) {
      throw new StoreConflictError(
        `document ${ingestion.document.contentHash} disappeared while adding a source`,
      );
    }
    write(ingestion.duplicateSource);
    // A document from before schema 1.3 has no liveSourceCount: all its sources were live.
    document.liveSourceCount = (document.liveSourceCount ?? document.sourceCount) + 1;
    document.sourceCount += 1;
    document.updatedAt = now;
    delete document.withdrawnAt;
    return 'duplicate';
  };

  const findSourcesOfKey = (ref: Pick<ObjectRef, 'bucket' | 'key'>): SourceOfKey[] => {
    const pk = sourcePartitionKey(ref);
    return (partitions.get(pk)?.records ?? [])
      .filter((record): record is SourceRecord => record.kind === 'source')
      .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0))
      .map((source) => {
        const found: SourceOfKey = {
          pk: source.pk,
          sk: source.sk,
          contentHash: source.contentHash,
          receivedAt: source.receivedAt,
        };
        if (source.versionId !== undefined) found.versionId = source.versionId;
        if (source.deletedAt !== undefined) found.deletedAt = source.deletedAt;
        return found;
      });
  };

  // The same single-item steps as the DynamoDB store, each atomic.
  const pickFrom: InMemoryDocumentStore['pickFrom'] = (pk, sk, pick) => {
    const record = read(pk, sk);
    return record === undefined ? undefined : pick(record);
  };
  const pickFromDocument: InMemoryDocumentStore['pickFromDocument'] = (contentHash, pick) => {
    const document = documentOf(contentHash);
    return document === undefined ? undefined : pick(document);
  };

  const writes: IngestionWrites = {
    createDocument: async (document) => {
      const stored = documentOf(document.contentHash);
      if (stored !== undefined) return copyOf(stored);
      write(document);
      return undefined;
    },
    createItem: async (item) => {
      if (item.kind === 'topic' && !keepTopicItems) return true;
      if (exists(item)) return false;
      write(item);
      return true;
    },
    addDuplicateSource,
    findSourcesOfKey: async (ref) => findSourcesOfKey(ref),
  };

  return {
    lookUpContent: async (content) => {
      const lookup: ContentLookup = { candidates: [], unclaimedBands: new Set() };
      const document = documentOf(content.contentHash);
      if (document !== undefined) {
        const mark = NearDuplicateRefSchema.safeParse(document.nearDuplicateOf);
        const first = ObjectRefSchema.safeParse(document.firstSource);
        lookup.existing = {
          ...(mark.success ? { nearDuplicateOf: { ...mark.data } } : {}),
          ...(first.success ? { firstSource: { ...first.data } } : {}),
        };
      }
      const self = ownerNumbers.get(content.contentHash) ?? -1;
      // Each owner once, at the place of its first band, with its last band's order.
      const owners: number[] = [];
      const orders: number[] = [];
      for (const bandKey of content.bandKeys) {
        const order = bandIndex.find(content.fingerprintVersion, bandKey);
        if (order === -1) {
          lookup.unclaimedBands.add(nearBandPartitionKey(content.fingerprintVersion, bandKey));
          continue;
        }
        const owner = bandOwners[order] as number;
        // An owner without a fingerprint cannot be compared (as in the deployed store).
        if (owner === -1 || owner === self) continue;
        const seen = owners.indexOf(owner);
        if (seen === -1) {
          owners.push(owner);
          orders.push(order);
        } else orders[seen] = order;
      }
      // Oldest claim first: on equal similarity the decisions keep the first
      // candidate, so the earliest canonical document wins, as in the run order.
      orders.sort((a, b) => a - b);
      for (const order of orders) {
        const band = heldBands[order] as NearBandRecord & { fingerprint: StoredFingerprint };
        lookup.candidates.push({
          contentHash: band.contentHash,
          fingerprint: copyFingerprint(band.fingerprint),
        });
      }
      return lookup;
    },
    storeText: async (contentHash, text) => {
      if (keepTexts) texts.set(contentHash, text);
      return textLocation(contentHash);
    },
    textLocation,
    claimNearBands: async (claimed) => {
      const lost = claimed
        .filter((band) => bandIndex.findPartition(band.pk) !== -1)
        .map((band) => band.pk);
      if (lost.length > 0) return { lost };
      // The bands of a claim carry one fingerprint: held once, as it is
      // never handed out without a copy.
      const held = new Map<StoredFingerprint, StoredFingerprint>();
      for (const claim of claimed) {
        let band = claim;
        if (copyWrites) {
          const { fingerprint, ...owner } = claim;
          // Without its fingerprint a band item is flat: the rest spread is its copy.
          band = flatCopy(owner);
          if (fingerprint !== undefined) {
            band.fingerprint = held.get(fingerprint) ?? copyOf(fingerprint);
            held.set(fingerprint, band.fingerprint);
          }
        }
        // A band named twice in one claim is held once, as a map would hold it.
        const again = bandIndex.add(band.pk, heldBands.length);
        const order = again === -1 ? heldBands.length : again;
        heldBands[order] = band;
        bandOwners[order] = band.fingerprint === undefined ? -1 : ownerNumber(band.contentHash);
      }
      return { lost: [] };
    },
    recordIngestion: (ingestion, now, recordOptions) =>
      recordIngestionInSteps(writes, ingestion, now, recordOptions),
    recordRejection: async (record) => {
      const previous = read<RejectionRecord>(record.pk, record.sk);
      const replaceable =
        previous === undefined ||
        (record.reason !== RejectionReason.UNREADABLE &&
          previous.reason === RejectionReason.UNREADABLE);
      if (!replaceable) return 'already-recorded';
      write(record);
      return 'rejected';
    },
    findSourcesOfKey: async (ref) => findSourcesOfKey(ref),
    markSourceDeleted: async (source, now) => {
      const stored = read<SourceRecord>(source.pk, source.sk);
      if (stored === undefined) return 'source-gone';
      if (stored.deletedAt !== undefined) return 'already-deleted';
      stored.deletedAt = now;
      // A source whose document was purged is marked alone.
      const document = documentOf(source.contentHash);
      if (document !== undefined) {
        document.liveSourceCount = (document.liveSourceCount ?? document.sourceCount) - 1;
        document.updatedAt = now;
      }
      return 'deleted';
    },
    withdrawDocument: async (contentHash, now) => {
      const document = documentOf(contentHash);
      const live = document?.liveSourceCount;
      if (document === undefined || live === undefined || live > 0) return false;
      if (document.withdrawnAt !== undefined) return false;
      document.withdrawnAt = now;
      document.updatedAt = now;
      return true;
    },
    get: (pk, sk) => pickFrom(pk, sk, copyOf),
    getDocument: (contentHash) => pickFromDocument(contentHash, copyOf),
    pickFromDocument,
    pickFrom,
    records: () =>
      [...partitions.values()].flatMap((partition) =>
        partition.records.map((record) => copyOf(record)),
      ),
    nearBands: () => heldBands.map((band) => copyOf(band)),
    texts: () => new Map(texts),
  };
};

export type { InMemoryDocumentStore, InMemoryDocumentStoreOptions, StoredRecord };
export { createInMemoryDocumentStore };
