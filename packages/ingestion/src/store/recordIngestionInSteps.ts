import {
  type DocumentRecord,
  ItemKind,
  type ObjectRef,
  SCHEMA_VERSION,
  type SourceRecord,
  sourceIndexSortKey,
  type TopicRecord,
  topicIndexPartitionKey,
  topicIndexSortKey,
  topicSortKey,
} from '@doc-ingest/contracts';
import type {
  IngestionItems,
  IngestionOutcome,
  RecordIngestionOptions,
  SourceOfKey,
} from './types.ts';

/** The single-item writes a store offers the protocol; each is atomic on its own. */
interface IngestionWrites {
  /** Puts the document unless its content has one; returns the stored one when it had. */
  createDocument(document: DocumentRecord): Promise<DocumentRecord | undefined>;
  /** Puts a source or topic item unless one exists under its key; false when one did. */
  createItem(item: SourceRecord | TopicRecord): Promise<boolean>;
  /**
   * Puts the duplicate source and counts it on its document, all or none:
   * `already-recorded` when the source existed. Throws when the document does not exist.
   */
  addDuplicateSource(items: IngestionItems, now: string): Promise<IngestionOutcome>;
  /** Every recorded source of one object key. */
  findSourcesOfKey(ref: Pick<ObjectRef, 'bucket' | 'key'>): Promise<SourceOfKey[]>;
}

const UNVERSIONED = 'null';
const versionOf = (ref: { versionId?: string | undefined }) => ref.versionId ?? UNVERSIONED;

/**
 * Whether a stored document names this object version as its first source:
 * then a missing source of this object means the run that created the
 * document stopped before writing it, not that this object is a copy.
 */
const namesFirstSource = (
  firstSource: ObjectRef | undefined,
  source: Pick<SourceRecord, 'bucket' | 'key' | 'versionId'>,
): boolean =>
  firstSource !== undefined &&
  firstSource.bucket === source.bucket &&
  firstSource.key === source.key &&
  versionOf(firstSource) === versionOf(source);

/**
 * The first source and the topics exactly as the run that created `stored`
 * wrote them (or would have): at the document's creation time, with the
 * topics the document holds, whatever this delivery computed.
 */
const firstRecordingOf = (
  items: IngestionItems,
  stored: DocumentRecord,
): { newSource: SourceRecord; topics: TopicRecord[] } => ({
  newSource: {
    ...items.newSource,
    receivedAt: stored.createdAt,
    gsi1sk: sourceIndexSortKey(stored.createdAt, items.newSource),
  },
  // As core's buildTopicItems builds them (the conformance suite compares
  // both): the DynamoDB adapters import this file and must not pull the core
  // into every function's bundle.
  topics: stored.topics.map((topic) => ({
    pk: stored.pk,
    sk: topicSortKey(topic.id),
    gsi1pk: topicIndexPartitionKey(topic.id),
    gsi1sk: topicIndexSortKey(stored.createdAt, stored.contentHash),
    kind: ItemKind.TOPIC,
    schemaVersion: SCHEMA_VERSION,
    topicId: topic.id,
    contentHash: stored.contentHash,
    score: topic.score,
    title: stored.title,
    language: stored.language,
    taxonomyVersion: stored.taxonomyVersion,
    createdAt: stored.createdAt,
  })),
});

const writeTopicsThenSource = async (
  writes: IngestionWrites,
  topics: TopicRecord[],
  source: SourceRecord,
): Promise<boolean> => {
  for (const topic of topics) await writes.createItem(topic);
  return writes.createItem(source);
};

/**
 * Records one ingested object with single conditional writes instead of a
 * transaction (issue 12, cost: a transaction bills 2 write units per KB of
 * every item, these 1), in an order that makes every partial run repairable
 * by its redelivery:
 *
 * 1. the document, conditional on none existing for the content (the
 *    commit point: it decides which object is the first source);
 * 2. its topic items, each conditional on not existing;
 * 3. its first source (`status: new`), conditional on not existing: the last
 *    write, so an existing first source means everything before it exists.
 *
 * When the document exists, the protocol tells a copy from a repair: if the
 * document's `firstSource` is this object version and no source of this key
 * holds this content, the run that created the document stopped before step
 * 3; this delivery then writes the missing topics and the first source as
 * that run would have (at the document's `createdAt`, with the document's
 * topics) and reports `new`. If this very source exists, it is a redelivery
 * (`already-recorded`). Otherwise the object is a copy: `addDuplicateSource`
 * records it and counts it on the document in one transaction, because a
 * counter and the item it counts must not part.
 *
 * Crash points (the redelivery converges to the uninterrupted run's items):
 * - before 1: nothing was written; the redelivery is a first run;
 * - after 1, before or among 2, or before 3: the redelivery finds the
 *   document naming it, writes what is missing (a topic already written
 *   fails its condition and is kept), then the source; `sourceCount` and
 *   `liveSourceCount` were set to 1 by step 1 and are not touched;
 * - after 3 (the answer lost): `already-recorded`, nothing written.
 *
 * Concurrent pairs:
 * - two copies of one content (other keys): one document put wins; the other
 *   finds a first source that is not itself and adds a duplicate source
 *   (counts 2), whether or not the winner's source is written yet;
 * - a redelivery racing its original: one document put wins; the other finds
 *   itself named and repairs alongside: each topic and the source are put
 *   once (the second put of each fails its condition, items are identical);
 *   the one whose source put succeeds reports `new`, the other `already-recorded`;
 * - a delete racing the ingest: the delete marks the sources it finds; one
 *   not written yet is found by neither, as when the write was a transaction
 *   that came after the delete read (the next event of the key, or a
 *   backfill, settles it); a document whose first source is not yet written
 *   has `liveSourceCount` 1 and is not withdrawn.
 *
 * With `documentExists` (the caller has read the document and it does not
 * name this object as its first source) step 1 is skipped.
 *
 * @example
 * const outcome = await recordIngestionInSteps(writes, items, now);
 */
const recordIngestionInSteps = async (
  writes: IngestionWrites,
  items: IngestionItems,
  now: string,
  options: RecordIngestionOptions = {},
): Promise<IngestionOutcome> => {
  if (options.documentExists === true) return writes.addDuplicateSource(items, now);
  const stored = await writes.createDocument(items.document);
  if (stored === undefined) {
    // A redelivery repairing alongside may have put the source first: one says `new`.
    return (await writeTopicsThenSource(writes, items.topics, items.newSource))
      ? 'new'
      : 'already-recorded';
  }
  if (!namesFirstSource(stored.firstSource, items.newSource)) {
    return writes.addDuplicateSource(items, now);
  }
  const recorded = (await writes.findSourcesOfKey(items.newSource)).filter(
    (source) => source.contentHash === items.document.contentHash,
  );
  if (recorded.some((source) => source.sk === items.newSource.sk)) return 'already-recorded';
  // An earlier object of this unversioned key (another ETag) is the first source.
  if (recorded.length > 0) return writes.addDuplicateSource(items, now);
  const first = firstRecordingOf(items, stored);
  return (await writeTopicsThenSource(writes, first.topics, first.newSource))
    ? 'new'
    : 'already-recorded';
};

export type { IngestionWrites };
export { firstRecordingOf, namesFirstSource, recordIngestionInSteps };
