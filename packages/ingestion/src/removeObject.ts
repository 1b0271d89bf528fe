import { type ObjectRef, versionSortKey } from '@doc-ingest/contracts';
import type { DocumentStore } from './store/DocumentStore.ts';
import type { SourceOfKey } from './store/types.ts';

interface RemovalDependencies {
  store: DocumentStore;
  now: () => string;
}

/** An object S3 announced as removed: every version of the key, or the one named. */
interface ObjectToRemove {
  bucket: string;
  key: string;
  versionId?: string;
}

interface RemovalReport {
  status: 'removed';
  bucket: string;
  key: string;
  /** Sources marked deleted by this event (0 on a redelivery or an unknown key). */
  sourcesDeleted: number;
  /** Content hashes whose documents this event withdrew. */
  withdrawn: string[];
}

/** What marking some sources deleted did. */
interface Retirement {
  sourcesDeleted: number;
  withdrawn: string[];
}

/**
 * Marks sources deleted (each once, with its document's live count), then
 * withdraws the documents left without a live source. The withdrawal is
 * conditional, so a retry after a crash between the two finishes the job.
 */
const retireSources = async (
  sources: SourceOfKey[],
  deps: RemovalDependencies,
): Promise<Retirement> => {
  const now = deps.now();
  let sourcesDeleted = 0;
  for (const source of sources) {
    if (source.deletedAt !== undefined) continue;
    if ((await deps.store.markSourceDeleted(source, now)) === 'deleted') {
      sourcesDeleted++;
    }
  }
  const withdrawn: string[] = [];
  for (const contentHash of new Set(sources.map((source) => source.contentHash))) {
    if (await deps.store.withdrawDocument(contentHash, now)) {
      withdrawn.push(contentHash);
    }
  }
  return { sourcesDeleted, withdrawn };
};

/**
 * Records that S3 removed an object: every live source of the key (or only
 * the one version the event names) gets `deletedAt` and its document one live
 * source less; a document left without live sources is withdrawn. Safe to
 * repeat: a source is marked once.
 */
const removeObject = async (
  removed: ObjectToRemove,
  deps: RemovalDependencies,
): Promise<RemovalReport> => {
  const sources = await deps.store.findSourcesOfKey(removed);
  const targets =
    removed.versionId === undefined
      ? sources
      : sources.filter((source) => source.sk === versionSortKey({ versionId: removed.versionId }));
  const retired = await retireSources(targets, deps);
  return { status: 'removed', bucket: removed.bucket, key: removed.key, ...retired };
};

/**
 * In an unversioned bucket a new object replaces the old one in place and S3
 * announces no removal: once the new content is recorded, the key's other
 * unversioned sources are retired as deleted. Only sources recorded by the
 * time this object's read began count: their reads had ended, so S3's
 * read-after-write consistency makes this read the newer one, and a different
 * ETag means their content was replaced. A source recorded meanwhile may be
 * newer than this read and is left alone (it stays live, the safe error).
 */
const retireOverwrittenSources = async (
  current: Pick<ObjectRef, 'bucket' | 'key'> & { eTag?: string },
  readStartedAt: string,
  deps: RemovalDependencies,
): Promise<Retirement> => {
  const own = versionSortKey(current);
  const sources = await deps.store.findSourcesOfKey(current);
  const replaced = sources.filter(
    (source) =>
      source.sk.startsWith(versionSortKey({})) &&
      source.sk !== own &&
      source.receivedAt <= readStartedAt,
  );
  return replaced.length === 0
    ? { sourcesDeleted: 0, withdrawn: [] }
    : retireSources(replaced, deps);
};

export type { ObjectToRemove, RemovalDependencies, RemovalReport, Retirement };
export { removeObject, retireOverwrittenSources };
