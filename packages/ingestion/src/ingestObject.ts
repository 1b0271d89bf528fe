import {
  type NearDuplicateRef,
  nearBandPartitionKey,
  RejectionReason,
  type RejectionReasonCode,
} from '@doc-ingest/contracts';
import {
  buildDocumentItems,
  buildRejectionRecord,
  type CompiledTaxonomy,
  type DocumentItems,
  FINGERPRINT_VERSION,
  type ProcessedDocument,
  pickNearDuplicate,
  processDocumentWith,
  type RecordedRejection,
  type SourceObject,
  type TextPlacement,
} from '@doc-ingest/core';
import { ObjectUnreadableError } from './errors.ts';
import type { ObjectReader, ObjectReadResult } from './read/ObjectReader.ts';
import { retireOverwrittenSources } from './removeObject.ts';
import type { DocumentStore } from './store/DocumentStore.ts';
import { namesFirstSource } from './store/recordIngestionInSteps.ts';
import type { ContentLookup } from './store/types.ts';

/** The limits and classifier settings the decisions apply (the Lambda's config has more). */
interface IngestSettings {
  /** Objects above this size are rejected as `too-large` without being downloaded. */
  maxObjectBytes: number;
  /** Normalized texts above this size go to the text store instead of the document. */
  inlineTextMaxBytes: number;
  /** Score a topic needs to be recorded; the classifier's default when absent. */
  topicThreshold?: number;
  /**
   * The taxonomy to classify with (the Lambda's: the deployed file; in-process
   * users may pass the core's `COMPILED_TAXONOMY`). Required, so that the
   * function bundle does not carry the built-in taxonomy.
   */
  taxonomy: CompiledTaxonomy;
}

interface IngestDependencies {
  /** Reads the announced objects. */
  reader: ObjectReader;
  /** Where decisions are recorded: tables, keys and conditions are its business. */
  store: DocumentStore;
  config: IngestSettings;
  now: () => string;
}

/** An object announced for ingestion (an S3 notification, a backfill message, a local file). */
interface ObjectToIngest {
  bucket: string;
  key: string;
  size?: number;
  versionId?: string;
  eTag?: string;
}

/** Where this delivery stands among the queue's allowed receives. */
interface Delivery {
  /** This is the message's last receive before the queue dead-letters it. */
  lastReceive: boolean;
}

interface IngestReport {
  status: 'new' | 'near-duplicate' | 'duplicate' | 'already-recorded' | 'rejected';
  bucket: string;
  key: string;
  contentHash?: string;
  reason?: RejectionReasonCode;
  /** For `rejected`: why, in words (the rejection record's `detail`). */
  detail?: string;
  topicIds?: string[];
  nearDuplicateOf?: NearDuplicateRef;
}

const NOTHING_KNOWN: ContentLookup = { candidates: [], unclaimedBands: new Set() };

/** Whether the content is stored already, and who owns its LSH bands: one read. */
const lookUp = (doc: ProcessedDocument, deps: IngestDependencies): Promise<ContentLookup> =>
  doc.fingerprint.bandKeys.length === 0
    ? Promise.resolve(NOTHING_KNOWN)
    : deps.store.lookUpContent({
        contentHash: doc.contentHash,
        fingerprintVersion: FINGERPRINT_VERSION,
        bandKeys: doc.fingerprint.bandKeys,
      });

/**
 * The canonical document this one republishes, if any. A stored content keeps
 * what was decided when it was created: this object only adds a source to it,
 * and its redelivery must not index a near-duplicate as an original.
 */
const findOriginal = (
  doc: ProcessedDocument,
  known: ContentLookup,
): NearDuplicateRef | undefined =>
  known.existing === undefined
    ? pickNearDuplicate(doc.fingerprint, known.candidates)
    : known.existing.nearDuplicateOf;

/**
 * Inline when small enough; otherwise in the text bucket, written only for a
 * new content: a stored one's text was put there before its document existed.
 */
const placeText = async (
  doc: ProcessedDocument,
  known: ContentLookup,
  deps: IngestDependencies,
): Promise<TextPlacement> => {
  if (doc.textBytes <= deps.config.inlineTextMaxBytes) return { inline: true };
  const location =
    known.existing === undefined
      ? await deps.store.storeText(doc.contentHash, doc.text)
      : deps.store.textLocation(doc.contentHash);
  return { inline: false, location };
};

/** The band claims to write: bands another document owns stay with it. */
const bandsToClaim = (items: DocumentItems, known: ContentLookup) =>
  items.nearBands.filter((band) => known.unclaimedBands.has(band.pk));

// Each round either claims every band left or loses at least one for good,
// so the loop ends; the cap only bounds a pathological table.
const MAX_CLAIM_ROUNDS = 8;

/**
 * Claims the unowned bands of a new canonical document before the document
 * is written, all or none. A lost band means another document claimed it in
 * the meantime: its owner is re-read (strongly consistent) and compared, and
 * if it is an original of this content, this content becomes its
 * near-duplicate and claims nothing. Otherwise (an LSH collision with a
 * distinct document) the remaining bands are claimed again. Two copies of one
 * article racing therefore end with one canonical and one near-duplicate.
 */
const claimBandsOrFindOriginal = async (
  doc: ProcessedDocument,
  bands: DocumentItems['nearBands'],
  deps: IngestDependencies,
): Promise<NearDuplicateRef | undefined> => {
  let pending = bands;
  for (let round = 1; pending.length > 0 && round <= MAX_CLAIM_ROUNDS; round++) {
    const { lost } = await deps.store.claimNearBands(pending);
    if (lost.length === 0) return undefined;
    const lostPks = new Set(lost);
    const owners = await deps.store.lookUpContent({
      contentHash: doc.contentHash,
      fingerprintVersion: FINGERPRINT_VERSION,
      bandKeys: doc.fingerprint.bandKeys.filter((bandKey) =>
        lostPks.has(nearBandPartitionKey(FINGERPRINT_VERSION, bandKey)),
      ),
      consistentRead: true,
    });
    const original = pickNearDuplicate(doc.fingerprint, owners.candidates);
    if (original !== undefined) return original;
    // Owned by this content itself (a redelivery that crashed after its
    // claim) or by a distinct document: either way, not ours to write again.
    pending = pending.filter((band) => !lostPks.has(band.pk));
  }
  return undefined;
};

/** The object's bytes, or, when it cannot be read, a retry (and a record on the last receive). */
const readOrRecordUnreadable = async (
  object: SourceObject,
  deps: IngestDependencies,
  delivery: Delivery,
): Promise<ObjectReadResult> => {
  try {
    return await deps.reader.read(object, { maxBytes: deps.config.maxObjectBytes });
  } catch (error) {
    const errorCode = deps.reader.errorCode(error);
    if (delivery.lastReceive) {
      await reject(
        object,
        {
          reason: RejectionReason.UNREADABLE,
          detail: `the object could not be read (${errorCode}) on the last allowed receive; fix access, then redrive or backfill`,
          errorCode,
        },
        deps,
      );
    }
    throw new ObjectUnreadableError(`s3://${object.bucket}/${object.key}: ${errorCode}`, {
      cause: error,
    });
  }
};

const reject = async (
  object: SourceObject,
  rejection: RecordedRejection,
  deps: IngestDependencies,
): Promise<IngestReport> => {
  const record = buildRejectionRecord(object, rejection, deps.now());
  await deps.store.recordRejection(record);
  return {
    status: 'rejected',
    bucket: object.bucket,
    key: object.key,
    reason: rejection.reason,
    detail: rejection.detail,
  };
};

/**
 * Ingests one announced object: read (size-capped), run the pure pipeline,
 * look up in one read whether the content is stored and which documents own
 * its LSH bands, pick a near-duplicate original among them, claim the unowned
 * bands of a new canonical content (all or none, re-deciding if a racing copy
 * won them), then record a document (marked as a near-duplicate when it is
 * one), a duplicate source or a rejection. Safe to repeat: every write is
 * conditional or idempotent, so redeliveries change nothing. An object that
 * cannot be read throws `ObjectUnreadableError` (retried), and on the last
 * receive is first recorded as `unreadable`.
 */
const ingestObject = async (
  announced: ObjectToIngest,
  deps: IngestDependencies,
  delivery: Delivery = { lastReceive: false },
): Promise<IngestReport> => {
  const object: SourceObject = {
    bucket: announced.bucket,
    key: announced.key,
    size: announced.size ?? 0,
  };
  if (announced.versionId !== undefined) object.versionId = announced.versionId;
  if (announced.eTag !== undefined) object.eTag = announced.eTag;
  const readStartedAt = deps.now();
  const read = await readOrRecordUnreadable(object, deps, delivery);
  if (read.kind === 'not-found') {
    return reject(
      object,
      {
        reason: RejectionReason.OBJECT_NOT_FOUND,
        detail: 'the object or version no longer exists',
      },
      deps,
    );
  }
  const report = await recordRead(object, read, deps);
  // Whatever the new content became (a redelivery included, in case the
  // previous attempt stopped here), what it replaced in place is gone.
  const unversioned = object.versionId === undefined || object.versionId === 'null';
  if (unversioned) await retireOverwrittenSources(object, readStartedAt, deps);
  return report;
};

/** Records what an object that was read became: a rejection, a document or a source. */
const recordRead = async (
  object: SourceObject,
  read: Exclude<ObjectReadResult, { kind: 'not-found' }>,
  deps: IngestDependencies,
): Promise<IngestReport> => {
  const { config } = deps;
  if (read.versionId !== undefined) object.versionId = read.versionId;
  if (read.kind === 'too-large') {
    object.size = read.size;
    return reject(
      object,
      {
        reason: RejectionReason.TOO_LARGE,
        detail: `${read.size} bytes exceeds the ${config.maxObjectBytes} byte limit`,
      },
      deps,
    );
  }
  object.size = read.size;
  if (read.eTag !== undefined) object.eTag = read.eTag;

  const result = processDocumentWith(
    { bytes: read.bytes, key: object.key },
    {
      taxonomy: config.taxonomy,
      ...(config.topicThreshold === undefined ? {} : { topicThreshold: config.topicThreshold }),
    },
  );
  if (!result.ok) return reject(object, result.rejection, deps);
  const doc = result.value;

  const known = await lookUp(doc, deps);
  const placement = await placeText(doc, known, deps);
  let nearDuplicateOf = findOriginal(doc, known);
  const now = deps.now();
  let items = buildDocumentItems(doc, object, placement, now, nearDuplicateOf);
  if (known.existing === undefined && nearDuplicateOf === undefined) {
    // Bands before the document: the claim decides which of two racing copies
    // is canonical. A crash in between leaves claims whose document a retry writes.
    nearDuplicateOf = await claimBandsOrFindOriginal(doc, bandsToClaim(items, known), deps);
    if (nearDuplicateOf !== undefined) {
      items = buildDocumentItems(doc, object, placement, now, nearDuplicateOf);
    }
  }
  // A document naming this object as its first source may lack that source
  // (its run stopped after writing it): the store's create path repairs it.
  const status = await deps.store.recordIngestion(items, now, {
    documentExists:
      known.existing !== undefined &&
      !namesFirstSource(known.existing.firstSource, items.newSource),
  });
  const report: IngestReport = {
    status: status === 'new' && nearDuplicateOf !== undefined ? 'near-duplicate' : status,
    bucket: object.bucket,
    key: object.key,
    contentHash: doc.contentHash,
    topicIds: doc.topics.map((topic) => topic.id),
  };
  if (nearDuplicateOf !== undefined) report.nearDuplicateOf = nearDuplicateOf;
  return report;
};

export type { Delivery, IngestDependencies, IngestReport, IngestSettings, ObjectToIngest };
export { ingestObject, recordRead };
