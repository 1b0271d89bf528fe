import type {
  DocumentRecord,
  NearDuplicateRef,
  ObjectRef,
  SourceRecord,
  StoredFingerprint,
  TopicRecord,
} from '@doc-ingest/contracts';

/** The content being ingested, as the lookup needs it. */
interface ContentToLookUp {
  contentHash: string;
  fingerprintVersion: string;
  /** LSH band keys of its fingerprint (at most 99). */
  bandKeys: string[];
  /**
   * Read with strong consistency: to re-read band owners after a lost claim.
   * @default false
   */
  consistentRead?: boolean;
}

/** What the store already knows about a content. */
interface ContentLookup {
  /**
   * The stored document of this content, with its near-duplicate mark; absent
   * when there is none or it could not be read (the writer's conditions
   * decide then). `firstSource` tells the redelivery of the object that
   * created it (which may have stopped before writing its source) from a copy.
   */
  existing?: { nearDuplicateOf?: NearDuplicateRef; firstSource?: ObjectRef };
  /** The distinct other documents owning one of the bands, with their fingerprints. */
  candidates: { contentHash: string; fingerprint: StoredFingerprint }[];
  /** Partition keys of the bands read and found without an owner: those this content may claim. */
  unclaimedBands: Set<string>;
}

/** What a claim did: every band written, or none and the bands another document owns (nothing of the claim is left written). */
interface BandClaim {
  /** Partition keys of bands that already had an owner (at least one when any had): nothing was written. */
  lost: string[];
}

/** The items one ingested object produces. */
interface IngestionItems {
  document: DocumentRecord;
  /** The source as recorded when it creates the document (`status: new`). */
  newSource: SourceRecord;
  /** The same source as recorded when the content already exists (`status: duplicate`). */
  duplicateSource: SourceRecord;
  topics: TopicRecord[];
}

/**
 * What the write did:
 * - `new`: this object created the canonical document;
 * - `duplicate`: the content existed; this object was added as one more source;
 * - `already-recorded`: this very object version was recorded before (a redelivery).
 */
type IngestionOutcome = 'new' | 'duplicate' | 'already-recorded';

interface RecordIngestionOptions {
  /**
   * The document of this content was read moments ago and does not name this
   * object as its first source: go straight to recording a duplicate source.
   * @default false
   */
  documentExists?: boolean;
}

/** What deleting or purging needs of a source item. */
type SourceOfKey = Pick<
  SourceRecord,
  'pk' | 'sk' | 'contentHash' | 'versionId' | 'receivedAt' | 'deletedAt'
>;

/**
 * - `deleted`: the source got `deletedAt` and its document one live source less;
 * - `already-deleted`: it had `deletedAt` before (a redelivered delete);
 * - `source-gone`: the source item no longer exists (purged).
 */
type SourceDeletion = 'deleted' | 'already-deleted' | 'source-gone';

export type {
  BandClaim,
  ContentLookup,
  ContentToLookUp,
  IngestionItems,
  IngestionOutcome,
  RecordIngestionOptions,
  SourceDeletion,
  SourceOfKey,
};
