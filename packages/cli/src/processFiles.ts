import { setImmediate as turnOfTheEventLoop } from 'node:timers/promises';
import {
  IngestStatus,
  type IngestStatusName,
  type SourceRecord,
  sourcePartitionKey,
  type TopicScore,
  versionSortKey,
} from '@doc-ingest/contracts';
import { COMPILED_TAXONOMY, type CompiledTaxonomy } from '@doc-ingest/core';
import {
  createInMemoryDocumentStore,
  type IngestDependencies,
  type IngestReport,
  type InMemoryDocumentStore,
  ingestObject,
  ObjectUnreadableError,
} from '@doc-ingest/ingestion';
import { isUnreadable, type OnUnreadable } from './collectFiles.ts';
import { createFileObjectReader } from './fileObjectReader.ts';
import { isoClock } from './isoClock.ts';

/** One line of `ingest process` output. Absent values are `null`, so every line has every field. */
interface FileResult {
  source: string;
  status: IngestStatusName;
  contentHash: string | null;
  declaredHash: string | null;
  duplicateOf: string | null;
  language: string | null;
  title: string | null;
  topics: TopicScore[];
  taxonomyVersion: string | null;
  /** For `near-duplicate`: estimated Jaccard similarity of the bodies, 0..1. */
  similarity: number | null;
  reason: string | null;
  detail: string | null;
}

const EMPTY: Omit<FileResult, 'source' | 'status'> = {
  contentHash: null,
  declaredHash: null,
  duplicateOf: null,
  language: null,
  title: null,
  topics: [],
  taxonomyVersion: null,
  similarity: null,
  reason: null,
  detail: null,
};

interface ProcessFilesOptions {
  /** Files larger than this are rejected as `too-large` without being read, as in the cloud. */
  maxBytes: number;
  /**
   * The taxonomy to classify with.
   * @default the core's crime-and-security taxonomy
   */
  taxonomy?: CompiledTaxonomy;
  /**
   * Called for a file that cannot be read (permissions, vanished); it yields no result.
   * @default skip silently
   */
  onUnreadable?: OnUnreadable;
  /**
   * Stops the run before the next file when aborted.
   * @default never aborted
   */
  signal?: AbortSignal;
}

/** The longest stretch of work between two turns of the event loop. */
const MAX_MS_BETWEEN_TURNS = 10;

/** The bucket local files are recorded under in the run's store; the key is the path. */
const LOCAL_BUCKET = 'local';

/** The path of the file that first brought a content into the run. */
const firstSourceOf = (store: InMemoryDocumentStore, contentHash: string): string | null =>
  store.pickFromDocument(contentHash, (document) => document.firstSource.key) ?? null;

/** A copy of recorded topics, for the output (the store hands out its own, uncopied). */
const copyTopics = (topics: readonly TopicScore[]): TopicScore[] =>
  topics.map((topic) => ({ ...topic, terms: [...topic.terms] }));

/** The output line of one file: the decision, and what the store recorded for it. */
const toFileResult = (
  source: string,
  report: IngestReport,
  store: InMemoryDocumentStore,
): FileResult => {
  if (report.status === 'rejected' || report.contentHash === undefined) {
    return {
      ...EMPTY,
      source,
      status: IngestStatus.REJECTED,
      reason: report.reason ?? null,
      detail: report.detail ?? null,
    };
  }
  const { contentHash, nearDuplicateOf } = report;
  // Fields are read from the held records, not from copies of them.
  const document = store.pickFromDocument(contentHash, (stored) => ({
    firstSource: stored.firstSource.key,
    language: stored.language,
    title: stored.title,
    topics: copyTopics(stored.topics),
    taxonomyVersion: stored.taxonomyVersion,
  }));
  const declaredHash = store.pickFrom(
    sourcePartitionKey({ bucket: LOCAL_BUCKET, key: source }),
    versionSortKey({}),
    (recorded) => (recorded as SourceRecord).declaredHash,
  );
  const repeat =
    report.status === 'new'
      ? { status: IngestStatus.NEW, duplicateOf: null, similarity: null }
      : report.status === 'near-duplicate' && nearDuplicateOf !== undefined
        ? {
            status: IngestStatus.NEAR_DUPLICATE,
            duplicateOf: firstSourceOf(store, nearDuplicateOf.contentHash),
            similarity: nearDuplicateOf.similarity,
          }
        : // `duplicate`, or `already-recorded` for a path given twice.
          {
            status: IngestStatus.DUPLICATE,
            duplicateOf: document?.firstSource ?? null,
            similarity: 1,
          };
  return {
    ...EMPTY,
    source,
    ...repeat,
    contentHash,
    declaredHash: declaredHash ?? null,
    language: document?.language ?? null,
    title: document?.title ?? null,
    topics: document?.topics ?? [],
    taxonomyVersion: document?.taxonomyVersion ?? null,
  };
};

/**
 * Runs the ingest decisions of the deployed function (`ingestObject`) over
 * files in order, with an in-memory store for the run: the first file with a
 * content is `new`, later ones with the same content are `duplicate` of it,
 * and later ones with a different but nearly identical body (a republished
 * copy) are `near-duplicate` of it, exactly as the Lambda would decide for
 * the same objects uploaded in this order.
 */
async function* processFiles(
  paths: string[],
  options: ProcessFilesOptions,
): AsyncGenerator<FileResult> {
  // The run's store keeps what the decisions and the output read: no texts
  // (`keepTexts`), no topic items; the records `ingestObject` builds for
  // each file are handed over, not copied.
  const store = createInMemoryDocumentStore({
    keepTexts: false,
    copyWrites: false,
    keepTopicItems: false,
  });
  const deps: IngestDependencies = {
    reader: createFileObjectReader(),
    store,
    config: {
      maxObjectBytes: options.maxBytes,
      // Every text goes to the store's text side, which drops it: the run's
      // memory then grows by the decisions' data only.
      inlineTextMaxBytes: 0,
      taxonomy: options.taxonomy ?? COMPILED_TAXONOMY,
    },
    now: isoClock(),
  };
  const onUnreadable = options.onUnreadable ?? (() => {});
  let lastTurn = Number.NEGATIVE_INFINITY;
  for (const source of paths) {
    // Files are read synchronously: let a closed output (EPIPE) or Ctrl-C be
    // heard between two files, once in a while (a turn per file cost more
    // than reading the file).
    if (performance.now() - lastTurn >= MAX_MS_BETWEEN_TURNS) {
      await turnOfTheEventLoop();
      lastTurn = performance.now();
    }
    if (options.signal?.aborted) return;
    let report: IngestReport;
    try {
      report = await ingestObject({ bucket: LOCAL_BUCKET, key: source }, deps);
    } catch (error) {
      const cause = error instanceof ObjectUnreadableError ? error.cause : error;
      if (!isUnreadable(cause)) throw cause;
      onUnreadable(source, cause);
      continue;
    }
    yield toFileResult(source, report, store);
  }
}

export type { FileResult, ProcessFilesOptions };
export { processFiles };
