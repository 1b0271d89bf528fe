import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  readObject,
  type ScanSegment,
  scanDocuments,
  updateDocumentTopics,
} from '@doc-ingest/aws-adapters';
import type { DocumentRecord } from '@doc-ingest/contracts';
import {
  buildTopicItems,
  type CompiledTaxonomy,
  compareTaxonomyVersions,
  reclassifyTextWith,
} from '@doc-ingest/core';

interface ReclassifyReport {
  taxonomyVersion: string;
  scanned: number;
  /** Already at this release's taxonomy version: nothing to do. */
  upToDate: number;
  /**
   * Classified under a newer taxonomy version than the one given: left alone,
   * a document never goes back to an older taxonomy.
   */
  newer: number;
  /** The newest of their versions, when there are such documents. */
  newestVersion?: string;
  reclassified: number;
  /** Reclassified documents whose topic ids changed. */
  topicsChanged: number;
  /** Changed by someone else between read and write; a later run picks them up. */
  conflicts: number;
  /**
   * Where to resume (`startKey`) when the job stopped early because
   * `continueAfterPage` said so; absent once the table (or segment) is done.
   */
  nextKey?: Record<string, AttributeValue>;
}

interface ReclassifyOptions {
  tableName: string;
  /** Count what would change without writing. */
  dryRun: boolean;
  /**
   * The taxonomy to classify with (the core's `COMPILED_TAXONOMY` for the
   * built-in one). Required, so that the worker's bundle does not carry the
   * built-in taxonomy.
   */
  taxonomy: CompiledTaxonomy;
  /** Called after each page, for progress output. */
  onProgress?: (report: ReclassifyReport) => void;
  /**
   * Only this segment of a parallel scan (one worker of a distributed job).
   * @default the whole table
   */
  segment?: ScanSegment;
  /**
   * Resume after this key (the `nextKey` of an earlier report).
   * @default from the start
   */
  startKey?: Record<string, AttributeValue>;
  /**
   * Asked after each page: false stops the job there, with `nextKey` set
   * (a worker running out of invocation time).
   * @default always continue
   */
  continueAfterPage?: () => boolean;
}

// Texts kept in S3 are the ones too large for an item; they were capped on ingestion.
const MAX_STORED_TEXT_BYTES = 64 * 1024 * 1024;

const storedText = async (s3: S3Client, doc: DocumentRecord): Promise<string> => {
  if (doc.text !== undefined) return doc.text;
  if (doc.textLocation === undefined) throw new Error(`${doc.contentHash} has no text`);
  const read = await readObject(s3, doc.textLocation, { maxBytes: MAX_STORED_TEXT_BYTES });
  if (read.kind !== 'ok') {
    throw new Error(
      `text of ${doc.contentHash} unreadable at ${doc.textLocation.key}: ${read.kind}`,
    );
  }
  return Buffer.from(read.bytes).toString('utf8');
};

const sameTopics = (a: DocumentRecord['topics'], b: DocumentRecord['topics']): boolean =>
  a.map((topic) => topic.id).join() === b.map((topic) => topic.id).join();

/**
 * Re-scores every stored document whose taxonomy version is older than the
 * given taxonomy's, from its stored normalized
 * text. A document classified under a newer version is never moved back: it
 * is counted in `newer` and left alone. Each update is conditional on
 * the version read, so the job is idempotent and can simply be run again
 * after an interruption: finished documents are skipped as up to date.
 */
const reclassifyDocuments = async (
  clients: { dynamodb: DynamoDBClient; s3: S3Client },
  options: ReclassifyOptions,
): Promise<ReclassifyReport> => {
  const { taxonomy } = options;
  const report: ReclassifyReport = {
    taxonomyVersion: taxonomy.version,
    scanned: 0,
    upToDate: 0,
    newer: 0,
    reclassified: 0,
    topicsChanged: 0,
    conflicts: 0,
  };
  const pages = scanDocuments(
    clients.dynamodb,
    options.tableName,
    options.startKey,
    options.segment,
  );
  for await (const page of pages) {
    for (const doc of page.documents) {
      report.scanned++;
      const order = compareTaxonomyVersions(doc.taxonomyVersion, taxonomy.version);
      if (order === 0) {
        report.upToDate++;
        continue;
      }
      if (order > 0) {
        report.newer++;
        const newest = report.newestVersion;
        if (newest === undefined || compareTaxonomyVersions(doc.taxonomyVersion, newest) > 0) {
          report.newestVersion = doc.taxonomyVersion;
        }
        continue;
      }
      const classification = reclassifyTextWith(await storedText(clients.s3, doc), doc.language, {
        taxonomy,
      });
      const changed = !sameTopics(doc.topics, classification.topics);
      if (!options.dryRun) {
        const updated = await updateDocumentTopics(clients.dynamodb, options.tableName, doc, {
          topics: classification.topics,
          taxonomyVersion: classification.taxonomyVersion,
          topicItems: buildTopicItems({ ...doc, ...classification }, doc.createdAt),
          now: new Date().toISOString(),
        });
        if (!updated) {
          report.conflicts++;
          continue;
        }
      }
      report.reclassified++;
      if (changed) report.topicsChanged++;
    }
    options.onProgress?.({ ...report });
    if (page.nextKey !== undefined && options.continueAfterPage?.() === false) {
      return { ...report, nextKey: page.nextKey };
    }
  }
  return report;
};

export type { ReclassifyOptions, ReclassifyReport };
export { reclassifyDocuments };
