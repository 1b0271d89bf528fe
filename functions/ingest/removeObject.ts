import {
  findSourcesOfKey,
  markSourceDeleted,
  type RemovedObject,
  withdrawDocument,
} from '@doc-ingest/aws-adapters';
import { versionSortKey } from '@doc-ingest/contracts';
import type { IngestDependencies } from './ingestObject.ts';

interface RemovalReport {
  status: 'removed';
  bucket: string;
  key: string;
  /** Sources marked deleted by this event (0 on a redelivery or an unknown key). */
  sourcesDeleted: number;
  /** Content hashes whose documents this event withdrew. */
  withdrawn: string[];
}

/**
 * Records that S3 removed an object: every live source of the key (or only
 * the one version the event names) gets `deletedAt` and its document one live
 * source less; a document left without live sources is withdrawn. Safe to
 * repeat: a source is marked once, and the withdrawal is conditional, so a
 * retry after a crash between the two finishes the job.
 */
const removeObject = async (
  removed: RemovedObject,
  deps: Pick<IngestDependencies, 'dynamodb' | 'config' | 'now'>,
): Promise<RemovalReport> => {
  const { tableName } = deps.config;
  const now = deps.now();
  const sources = await findSourcesOfKey(deps.dynamodb, tableName, removed);
  const targets =
    removed.versionId === undefined
      ? sources
      : sources.filter((source) => source.sk === versionSortKey({ versionId: removed.versionId }));
  let sourcesDeleted = 0;
  for (const source of targets) {
    if (source.deletedAt === undefined) {
      const outcome = await markSourceDeleted(deps.dynamodb, tableName, source, now);
      if (outcome === 'deleted') sourcesDeleted++;
    }
  }
  const withdrawn: string[] = [];
  for (const contentHash of new Set(targets.map((source) => source.contentHash))) {
    if (await withdrawDocument(deps.dynamodb, tableName, contentHash, now)) {
      withdrawn.push(contentHash);
    }
  }
  return { status: 'removed', bucket: removed.bucket, key: removed.key, sourcesDeleted, withdrawn };
};

export type { RemovalReport };
export { removeObject };
