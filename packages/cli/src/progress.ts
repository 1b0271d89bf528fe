import { createRequire } from 'node:module';
import type { CliStream } from './io.ts';

// Loaded only to draw a bar: a run whose stderr is not a terminal (a pipe,
// a log, the benchmark) starts without it and the half-dozen modules it
// brings, 15 ms of every start.
const loadCliProgress = (): typeof import('cli-progress') =>
  createRequire(import.meta.url)('cli-progress');

/** Progress of a long command, drawn on stderr only when stderr is a terminal. */
interface Progress {
  /** Items done so far, with counts to show beside them (`moved: 12`). */
  update(done: number, counts?: Record<string, number>): void;
  /** Sets or corrects the total when it becomes known. */
  setTotal(total: number): void;
  /** Removes the bar; the caller prints its summary line after this. */
  stop(): void;
}

interface ProgressOptions {
  /** Command name shown first (`backfill`). */
  label: string;
  /** What is counted (`files`, `messages`). */
  unit: string;
  /**
   * Items expected, when known in advance: a bar with percentage and ETA.
   * @default unknown: a running count
   */
  total?: number;
}

const NO_PROGRESS: Progress = { update: () => {}, setTotal: () => {}, stop: () => {} };

const formatCounts = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');

/**
 * A progress bar on `stream` when it is a terminal (cli-progress), otherwise
 * nothing: logs and pipes get only the final summary line.
 *
 * @example
 * const progress = createProgress(process.stderr, { label: 'process', unit: 'files', total: 50 });
 */
const createProgress = (stream: CliStream, options: ProgressOptions): Progress => {
  if (stream.isTTY !== true) return NO_PROGRESS;
  const known = options.total !== undefined;
  const bar = new (loadCliProgress().SingleBar)({
    stream: stream as NodeJS.WriteStream,
    format: known
      ? `${options.label} {bar} {percentage}% | {value}/{total} ${options.unit} | {counts} | ETA {eta_formatted}`
      : `${options.label} {value} ${options.unit} | {counts} | {duration_formatted}`,
    barsize: 24,
    clearOnComplete: true,
    hideCursor: false,
    etaBuffer: 50,
    // Repaint on a timer as well: a slow item still advances the elapsed time.
    fps: 5,
  });
  bar.start(options.total ?? 0, 0, { counts: '' });
  return {
    update: (done, counts = {}) => bar.update(done, { counts: formatCounts(counts) }),
    setTotal: (total) => bar.setTotal(total),
    stop: () => bar.stop(),
  };
};

export type { Progress, ProgressOptions };
export { createProgress, formatCounts };
