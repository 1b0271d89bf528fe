import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  IngestStatus,
  type IngestStatusName,
  RejectionReason,
  type TopicScore,
} from '@doc-ingest/contracts';
import { processDocument } from '@doc-ingest/core';

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

/**
 * Runs the pipeline over files in order, deduplicating within the run: the
 * first file with a content is `new`, later ones are `duplicate` of it.
 */
async function* processFiles(
  paths: string[],
  options: ProcessFilesOptions,
): AsyncGenerator<FileResult> {
  const firstSourceByHash = new Map<string, string>();
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
    const duplicateOf = firstSourceByHash.get(doc.contentHash) ?? null;
    if (duplicateOf === null) firstSourceByHash.set(doc.contentHash, source);
    yield {
      ...EMPTY,
      source,
      status: duplicateOf === null ? IngestStatus.NEW : IngestStatus.DUPLICATE,
      contentHash: doc.contentHash,
      declaredHash: doc.declaredHash ?? null,
      duplicateOf,
      language: doc.language,
      title: doc.title,
      topics: doc.topics,
      taxonomyVersion: doc.taxonomyVersion,
    };
  }
}

export type { FileResult, ProcessFilesOptions };
export { processFiles };
