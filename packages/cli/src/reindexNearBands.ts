import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { claimNearBands, lookUpContent, scanDocuments } from '@doc-ingest/aws-adapters';
import { type NearBandRecord, nearBandPartitionKey } from '@doc-ingest/contracts';
import { FINGERPRINT_VERSION, nearBandsOfStoredDocument } from '@doc-ingest/core';

interface ReindexOptions {
  /** The document table (scanned for canonical documents). */
  tableName: string;
  /** The near-duplicate index table (band owners). */
  nearIndexTableName: string;
  /**
   * Read and count only: report the bands that would be claimed, write nothing.
   * @default false
   */
  dryRun?: boolean;
  /** Called after each document read. */
  onProgress?: (report: ReindexReport) => void;
  /** Stops at the next document when aborted; the report says how far it got. */
  signal?: AbortSignal;
}

interface ReindexReport {
  /** The fingerprint version indexed. */
  fingerprintVersion: string;
  dryRun: boolean;
  /** Canonical and near-duplicate documents read. */
  documents: number;
  /** Canonical documents with a signature the current layout can index. */
  indexable: number;
  /** Of those, documents that had at least one band missing (and got it, unless a dry run). */
  reindexed: number;
  /** Bands written (or, in a dry run, that would be). */
  bandsClaimed: number;
  /** Missing bands another document claimed first: they stay with it. */
  bandsOwnedByOthers: number;
  /** The run stopped early (signal). */
  stopped: boolean;
}

const bandKeyOf = (band: NearBandRecord): string =>
  band.pk.slice(nearBandPartitionKey(FINGERPRINT_VERSION, '').length);

/**
 * Claims the missing current-version bands of one document: the bands that
 * nobody owns are claimed in one ordered claim; a band another document wins
 * meanwhile is left to it and the rest claimed again.
 */
const claimMissing = async (
  dynamodb: DynamoDBClient,
  nearIndexTableName: string,
  missing: NearBandRecord[],
): Promise<{ claimed: number; lost: number }> => {
  let pending = missing;
  let lost = 0;
  while (pending.length > 0) {
    const claim = await claimNearBands(dynamodb, nearIndexTableName, pending);
    if (claim.lost.length === 0) break;
    lost += claim.lost.length;
    pending = pending.filter((band) => !claim.lost.includes(band.pk));
  }
  return { claimed: pending.length, lost };
};

/**
 * Rebuilds the near-duplicate index of the current fingerprint version from
 * the documents' stored signatures (no text is read): after an upgrade of the
 * band layout (fingerprint v2 to v3), or to repair an index whose items were
 * lost. For each canonical document it reads its bands (one BatchGetItem of
 * 8 keys) and claims those nobody owns, in the same ordered conditional puts
 * ingestion uses; a band owned by another document stays with it, as the first
 * claimer of a key keeps it. Safe to rerun and to run while ingestion runs: a
 * rerun finds every band owned and writes nothing.
 *
 * @example
 * const report = await reindexNearBands(dynamodb, { tableName, nearIndexTableName });
 */
const reindexNearBands = async (
  dynamodb: DynamoDBClient,
  options: ReindexOptions,
): Promise<ReindexReport> => {
  const tables = { documents: options.tableName, nearIndex: options.nearIndexTableName };
  const report: ReindexReport = {
    fingerprintVersion: FINGERPRINT_VERSION,
    dryRun: options.dryRun === true,
    documents: 0,
    indexable: 0,
    reindexed: 0,
    bandsClaimed: 0,
    bandsOwnedByOthers: 0,
    stopped: false,
  };
  for await (const page of scanDocuments(dynamodb, options.tableName)) {
    for (const document of page.documents) {
      if (options.signal?.aborted === true) {
        report.stopped = true;
        return report;
      }
      report.documents++;
      const bands = nearBandsOfStoredDocument(document);
      if (bands.length > 0) {
        report.indexable++;
        const known = await lookUpContent(dynamodb, tables, {
          contentHash: document.contentHash,
          fingerprintVersion: FINGERPRINT_VERSION,
          bandKeys: bands.map(bandKeyOf),
          consistentRead: true,
        });
        const missing = bands.filter((band) => known.unclaimedBands.has(band.pk));
        if (missing.length > 0) {
          report.reindexed++;
          if (report.dryRun) report.bandsClaimed += missing.length;
          else {
            const { claimed, lost } = await claimMissing(
              dynamodb,
              options.nearIndexTableName,
              missing,
            );
            report.bandsClaimed += claimed;
            report.bandsOwnedByOthers += lost;
          }
        }
      }
      options.onProgress?.(report);
    }
  }
  return report;
};

export type { ReindexOptions, ReindexReport };
export { reindexNearBands };
