import { AdapterError } from '../errors.ts';

/**
 * Not enough of the invocation is left to start another record: the record
 * is reported as a batch-item failure (the queue delivers it again) instead
 * of the whole invocation timing out and taking its finished batch-mates with it.
 */
class TimeBudgetExhaustedError extends AdapterError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TimeBudgetExhaustedError';
  }
}

interface TimeBudgetOptions {
  /**
   * Share of the invocation's time kept in reserve: no record starts once
   * less than this is left.
   * @default 0.25
   */
  reserveShare?: number;
  /**
   * Least reserve, in milliseconds (but never more than half the time left
   * at the start, so that the first record always starts).
   * @default 2000
   */
  minReserveMs?: number;
  /**
   * Most reserve, in milliseconds, however long the timeout.
   * @default 15000
   */
  maxReserveMs?: number;
}

const defaults = { reserveShare: 0.25, minReserveMs: 2_000, maxReserveMs: 15_000 };

/**
 * A guard to call before each record of a batch. The reserve is taken from
 * the time left when the guard is created (at the start of the invocation,
 * that is the function's timeout): each record's own work is bounded, so a
 * record started with the reserve left finishes before the timeout.
 *
 * @example
 * const ensureTime = timeBudget(context);
 * await processPartialResponse(event, async (record) => {
 *   ensureTime();
 *   await ingest(record);
 * }, processor, { context, processInParallel: false });
 */
const timeBudget = (
  context: { getRemainingTimeInMillis(): number },
  options: TimeBudgetOptions = {},
): (() => void) => {
  const { reserveShare, minReserveMs, maxReserveMs } = { ...defaults, ...options };
  const initialMs = context.getRemainingTimeInMillis();
  // Never more than half the time there is: the first record always starts.
  const reserveMs = Math.min(
    initialMs / 2,
    Math.min(maxReserveMs, Math.max(minReserveMs, initialMs * reserveShare)),
  );
  return () => {
    const left = context.getRemainingTimeInMillis();
    if (left < reserveMs) {
      throw new TimeBudgetExhaustedError(
        `${left} ms left, under the ${Math.round(reserveMs)} ms reserve: record left for redelivery`,
      );
    }
  };
};

export type { TimeBudgetOptions };
export { TimeBudgetExhaustedError, timeBudget };
