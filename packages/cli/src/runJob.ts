import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  type ExecutionStatus,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';

/** Item counts of a job's map run (objects for a backfill, scan segments for a reclassify). */
interface JobItemCounts {
  total: number;
  succeeded: number;
  failed: number;
  running: number;
  pending: number;
  aborted: number;
  timedOut: number;
}

/** How a job ended (or stands, when not waited for). */
interface JobReport {
  executionArn: string;
  status: ExecutionStatus | string;
  /** Absent until the map run has started. */
  items?: JobItemCounts;
  /** Where the map run wrote its results (when it did). */
  mapRunArn?: string;
  error?: string;
  cause?: string;
}

interface WatchOptions {
  /** Called after each poll. */
  onProgress?: (report: JobReport) => void;
  /**
   * Time between polls, in milliseconds.
   * @default 5000
   */
  pollMs?: number;
  /** Waits `ms`; tests pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts an execution of `stateMachineArn` with `input`. */
const startJob = async (
  sfn: SFNClient,
  stateMachineArn: string,
  input: Record<string, unknown>,
): Promise<string> => {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
  );
  if (executionArn === undefined) throw new Error('StartExecution returned no execution ARN');
  return executionArn;
};

/**
 * Resumes a failed, aborted or timed-out execution: Step Functions reruns
 * only its unsuccessful child workflows. The jobs are idempotent, so work a
 * child had done before it failed is not done twice.
 */
const redriveJob = async (sfn: SFNClient, executionArn: string): Promise<string> => {
  await sfn.send(new RedriveExecutionCommand({ executionArn }));
  return executionArn;
};

const itemCountsOf = async (sfn: SFNClient, executionArn: string) => {
  const { mapRuns = [] } = await sfn.send(new ListMapRunsCommand({ executionArn }));
  // A job has one map state; after a redrive the newest map run is the live one.
  const mapRunArn = mapRuns.at(-1)?.mapRunArn;
  if (mapRunArn === undefined) return {};
  const { itemCounts } = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
  if (itemCounts === undefined) return { mapRunArn };
  const items: JobItemCounts = {
    total: itemCounts.total ?? 0,
    succeeded: itemCounts.succeeded ?? 0,
    failed: itemCounts.failed ?? 0,
    running: itemCounts.running ?? 0,
    pending: itemCounts.pending ?? 0,
    aborted: itemCounts.aborted ?? 0,
    timedOut: itemCounts.timedOut ?? 0,
  };
  return { mapRunArn, items };
};

/** The execution's status and its map run's item counts, now. */
const describeJob = async (sfn: SFNClient, executionArn: string): Promise<JobReport> => {
  const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  const counts = await itemCountsOf(sfn, executionArn);
  return {
    executionArn,
    status: execution.status ?? 'UNKNOWN',
    ...counts,
    ...(execution.error === undefined ? {} : { error: execution.error }),
    ...(execution.cause === undefined ? {} : { cause: execution.cause }),
  };
};

/** Polls until the execution leaves RUNNING (and PENDING_REDRIVE), reporting progress. */
const watchJob = async (
  sfn: SFNClient,
  executionArn: string,
  options: WatchOptions = {},
): Promise<JobReport> => {
  const sleep = options.sleep ?? wait;
  for (;;) {
    const report = await describeJob(sfn, executionArn);
    options.onProgress?.(report);
    if (report.status !== 'RUNNING' && report.status !== 'PENDING_REDRIVE') return report;
    await sleep(options.pollMs ?? 5_000);
  }
};

export type { JobItemCounts, JobReport, WatchOptions };
export { describeJob, redriveJob, startJob, watchJob };
