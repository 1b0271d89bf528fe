import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  IngestStatus,
  type IngestStatusName,
  RejectionReason,
  type TopicScore,
} from '@doc-ingest/contracts';
import { NearDuplicateIndex, type ProcessedDocument, processDocument } from '@doc-ingest/core';

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
}

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
  for (const source of paths) {
    const { size } = await stat(source);
    if (size > options.maxBytes) {
      yield rejected(
        source,
        RejectionReason.TOO_LARGE,
        `${size} bytes exceeds the ${options.maxBytes} byte limit`,
      );
      continue;
    }
    const result = processDocument({ bytes: await readFile(source), key: basename(source) });
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
