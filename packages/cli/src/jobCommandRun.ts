import { InvalidArgumentError, Option } from 'commander';
import type { CliContext } from './context.ts';
import { ExitCode } from './io.ts';
import { createProgress } from './progress.ts';
import { type JobReport, redriveJob, startJob, watchJob } from './runJob.ts';

/** `--poll <seconds>`: how often a distributed command asks for progress. */
const pollOption = (): Option =>
  new Option('--poll <seconds>', 'seconds between progress checks of a job')
    .argParser((value: string) => {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
        throw new InvalidArgumentError('a number of seconds in 0..3600');
      }
      return seconds;
    })
    .default(5);

/** What the distributed half of a bulk command needs. */
interface DistributedRun {
  command: 'backfill' | 'reclassify';
  /** What the map counts: objects (backfill) or scan segments (reclassify). */
  unit: string;
  /** Start this state machine with `input`, or resume the execution `redrive`. */
  stateMachineArn?: string;
  input?: Record<string, unknown>;
  redrive?: string;
  /** Return once started instead of watching. */
  wait: boolean;
  /** Extra fields of the JSON report. */
  extra?: Record<string, unknown>;
  /** Seconds between progress checks. */
  pollSeconds: number;
}

/**
 * Starts (or redrives) a job, follows its map run on stderr, and writes the
 * JSON report to stdout. Exit code OK only for a SUCCEEDED execution (or a
 * started one, without waiting).
 */
const runDistributed = async (context: CliContext, run: DistributedRun): Promise<void> => {
  const sfn = context.clients.sfn();
  const executionArn =
    run.redrive === undefined
      ? await startJob(sfn, run.stateMachineArn as string, run.input ?? {})
      : await redriveJob(sfn, run.redrive);
  context.io.stderr.write(
    `${run.command}: ${run.redrive === undefined ? 'started' : 'redriving'} ${executionArn}\n`,
  );
  const write = (report: Partial<JobReport>) =>
    context.io.stdout.write(
      `${JSON.stringify({ command: run.command, mode: 'distributed', ...run.extra, ...report })}\n`,
    );
  if (!run.wait) {
    write({ executionArn, status: 'RUNNING' });
    context.exitCode = ExitCode.OK;
    return;
  }
  const progress = createProgress(context.io.stderr, { label: run.command, unit: run.unit });
  const report = await watchJob(sfn, executionArn, {
    pollMs: run.pollSeconds * 1000,
    onProgress: ({ items }) => {
      if (items === undefined) return;
      progress.setTotal(items.total);
      progress.update(items.succeeded + items.failed, {
        succeeded: items.succeeded,
        failed: items.failed,
        running: items.running,
      });
    },
  });
  progress.stop();
  write(report);
  if (report.status !== 'SUCCEEDED') {
    context.io.stderr.write(
      `${run.command}: ${report.status}; resume with: ingest ${run.command} --redrive ${executionArn}\n`,
    );
  }
  context.exitCode = report.status === 'SUCCEEDED' ? ExitCode.OK : ExitCode.FAILURE;
};

export type { DistributedRun };
export { pollOption, runDistributed };
