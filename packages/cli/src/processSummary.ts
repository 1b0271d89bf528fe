import { IngestStatus, type IngestStatusName } from '@doc-ingest/contracts';

/** Counts of one `ingest process` run, for its summary line. */
interface ProcessTally {
  byStatus: Record<IngestStatusName, number>;
  unreadable: number;
}

const emptyTally = (): ProcessTally => ({
  byStatus: {
    [IngestStatus.NEW]: 0,
    [IngestStatus.DUPLICATE]: 0,
    [IngestStatus.NEAR_DUPLICATE]: 0,
    [IngestStatus.REJECTED]: 0,
  },
  unreadable: 0,
});

const processedCount = (tally: ProcessTally): number =>
  Object.values(tally.byStatus).reduce((sum, count) => sum + count, 0);

/**
 * The last line `ingest process` writes to stderr, e.g.
 * `process: 18 files in 1.2 s (15.0 docs/s): 16 new, 1 duplicate, 0 near-duplicate, 1 rejected`.
 */
const summaryLine = (tally: ProcessTally, elapsedMs: number, stoppedBecause?: string): string => {
  const files = processedCount(tally);
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? files / seconds : 0;
  const counts = Object.entries(tally.byStatus).map(([status, count]) => `${count} ${status}`);
  if (tally.unreadable > 0) counts.push(`${tally.unreadable} unreadable (skipped)`);
  const stopped = stoppedBecause === undefined ? '' : `; stopped early: ${stoppedBecause}`;
  return `process: ${files} files in ${seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s): ${counts.join(', ')}${stopped}\n`;
};

export type { ProcessTally };
export { emptyTally, processedCount, summaryLine };
