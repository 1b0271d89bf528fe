import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  IngestStatus,
  type IngestStatusName,
  RejectionReason,
  type TopicScore,
} from '@doc-ingest/contracts';
import {
  type CompiledTaxonomy,
  NearDuplicateIndex,
  type ProcessedDocument,
  processDocument,
} from '@doc-ingest/core';
import { isUnreadable, type OnUnreadable } from './collectFiles.ts';

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

/** The size and bytes of a file, or undefined when it cannot be read. */
const readLocal = async (
  path: string,
  maxBytes: number,
  onUnreadable: OnUnreadable,
): Promise<{ size: number; bytes?: Uint8Array } | undefined> => {
  try {
    const { size } = await stat(path);
    if (size > maxBytes) return { size };
    return { size, bytes: await readFile(path) };
  } catch (error) {
    if (!isUnreadable(error)) throw error;
    onUnreadable(path, error);
    return undefined;
  }
};

const rejected = (source: string, reason: string, detail: string): FileResult => ({
  ...EMPTY,
  source,
  status: IngestStatus.REJECTED,
  reason,
  detail,
});

/** Whether a processed document repeats one seen earlier in the run, exactly or nearly. */
interface RunMemory {
  firstSourceByHash: Map<string, string>;
  nearDuplicates: NearDuplicateIndex;
}

const classifyRepeat = (
  doc: ProcessedDocument,
  source: string,
  memory: RunMemory,
): Pick<FileResult, 'status' | 'duplicateOf' | 'similarity'> => {
  const exact = memory.firstSourceByHash.get(doc.contentHash);
  if (exact !== undefined) {
    return { status: IngestStatus.DUPLICATE, duplicateOf: exact, similarity: 1 };
  }
  memory.firstSourceByHash.set(doc.contentHash, source);
  const near = memory.nearDuplicates.findBest(doc.fingerprint);
  if (near !== undefined) {
    return {
      status: IngestStatus.NEAR_DUPLICATE,
      duplicateOf: memory.firstSourceByHash.get(near.id) ?? near.id,
      similarity: Number(near.similarity.toFixed(3)),
    };
  }
  // Only canonical documents are indexed, so duplicateOf never points at a copy.
  memory.nearDuplicates.add(doc.contentHash, doc.fingerprint);
  return { status: IngestStatus.NEW, duplicateOf: null, similarity: null };
};

/**
 * Runs the pipeline over files in order, deduplicating within the run: the
 * first file with a content is `new`, later ones with the same content are
 * `duplicate` of it, and later ones with a different but nearly identical
 * body (a republished copy) are `near-duplicate` of it.
 */
async function* processFiles(
  paths: string[],
  options: ProcessFilesOptions,
): AsyncGenerator<FileResult> {
  const memory: RunMemory = {
    firstSourceByHash: new Map(),
    nearDuplicates: new NearDuplicateIndex(),
  };
  const onUnreadable = options.onUnreadable ?? (() => {});
  for (const source of paths) {
    if (options.signal?.aborted) return;
    const file = await readLocal(source, options.maxBytes, onUnreadable);
    if (file === undefined) continue;
    if (file.bytes === undefined) {
      yield rejected(
        source,
        RejectionReason.TOO_LARGE,
        `${file.size} bytes exceeds the ${options.maxBytes} byte limit`,
      );
      continue;
    }
    const result = processDocument(
      { bytes: file.bytes, key: basename(source) },
      options.taxonomy === undefined ? {} : { taxonomy: options.taxonomy },
    );
    if (!result.ok) {
      yield rejected(source, result.rejection.reason, result.rejection.detail);
      continue;
    }
    const doc = result.value;
    yield {
      ...EMPTY,
      source,
      ...classifyRepeat(doc, source, memory),
      contentHash: doc.contentHash,
      declaredHash: doc.declaredHash ?? null,
      language: doc.language,
      title: doc.title,
      topics: doc.topics,
      taxonomyVersion: doc.taxonomyVersion,
    };
  }
}

export type { FileResult, ProcessFilesOptions };
export { processFiles };
