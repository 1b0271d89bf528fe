import { COMPILED_TAXONOMY } from '@doc-ingest/core';
import { reclassifyDocuments } from '@doc-ingest/jobs';
import { InvalidArgumentError, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { ExitCode } from '../io.ts';
import { pollOption, runDistributed } from '../jobCommandRun.ts';
import { chooseJobMode } from '../jobMode.ts';
import { createProgress } from '../progress.ts';
import { readTaxonomyFile } from '../readTaxonomyFile.ts';
import {
  flagTarget,
  resolveTargets,
  stackNameOption,
  TABLE_FLAG,
  targetOption,
} from '../stackOutputs.ts';
import type { CliCommand } from './CliCommand.ts';

interface ReclassifyCommandOptions {
  stackName?: string;
  table?: string;
  dryRun?: boolean;
  local?: boolean;
  wait?: boolean;
  segments: number;
  redrive?: string;
  poll: number;
  taxonomy?: string;
}

/** States.ArrayRange, which makes the segment list, gives at most 1000 items. */
const MAX_JOB_SEGMENTS = 1000;
const DEFAULT_SEGMENTS = 32;

const parseSegments = (value: string): number => {
  const segments = Number(value);
  if (!Number.isInteger(segments) || segments < 1 || segments > MAX_JOB_SEGMENTS) {
    throw new InvalidArgumentError(`an integer in 1..${MAX_JOB_SEGMENTS}`);
  }
  return segments;
};

/** Today's single-process reclassify: one sequential scan from this machine. */
const reclassifyHere = async (
  context: CliContext,
  options: ReclassifyCommandOptions,
  outputs: Partial<Record<string, string>>,
) => {
  const { table } = await resolveTargets(context, options.stackName, {
    table: flagTarget(TABLE_FLAG, options.table ?? outputs.TableName),
  });
  const dryRun = options.dryRun === true;
  const taxonomy =
    options.taxonomy === undefined ? COMPILED_TAXONOMY : await readTaxonomyFile(options.taxonomy);
  const progress = createProgress(context.io.stderr, { label: 'reclassify', unit: 'documents' });
  const report = await reclassifyDocuments(
    { dynamodb: context.clients.dynamodb(), s3: context.clients.s3() },
    {
      tableName: table,
      dryRun,
      taxonomy,
      onProgress: ({ scanned, reclassified, upToDate, conflicts }) =>
        progress.update(scanned, { reclassified, 'up to date': upToDate, conflicts }),
    },
  );
  progress.stop();
  context.io.stdout.write(
    `${JSON.stringify({ command: 'reclassify', mode: 'local', dryRun, ...report })}\n`,
  );
  if (report.newer > 0) {
    context.io.stderr.write(
      `ingest: refused to reclassify ${report.newer} document(s) classified under taxonomy ` +
        `${report.newestVersion}, newer than ${report.taxonomyVersion}: a document never ` +
        'goes back to an older taxonomy. Use a taxonomy of that version or newer.\n',
    );
  }
  context.exitCode = report.newer > 0 ? ExitCode.FAILURE : ExitCode.OK;
};

/** `ingest reclassify`: bring stored documents to this release's taxonomy. */
const reclassifyCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('reclassify')
      .summary('re-score stored documents with a newer taxonomy')
      .description(
        "Re-score stored documents whose taxonomy version is older than this release's,\n" +
          'from their stored text. Consumers see a MODIFY of each changed document on the\n' +
          'stream. Idempotent: run it again to resume after an interruption.\n\n' +
          "With --stack-name, runs as a job on the stack's reclassify state machine (a\n" +
          'Step Functions Distributed Map over DynamoDB parallel-scan segments).\n' +
          '--local, an explicit --table without a stack, or a stack without the state\n' +
          'machine run it in this process instead.' +
          '\n\nA document under a newer taxonomy version is never moved back: it is left\n' +
          'alone, counted as newer, and the command says so and exits 1.',
      )
      .addOption(stackNameOption())
      .addOption(targetOption(TABLE_FLAG))
      .option('--dry-run', 'count what would change, write nothing')
      .option('--local', 'run in this process, not as a job on the stack')
      .option('--no-wait', 'start the job, print its execution ARN and return')
      .addOption(pollOption())
      .option(
        '--segments <n>',
        `parallel-scan segments of the job (1..${MAX_JOB_SEGMENTS})`,
        parseSegments,
        DEFAULT_SEGMENTS,
      )
      .addOption(
        new Option(
          '--redrive <executionArn>',
          'resume a failed job: rerun its failed segments only',
        ).conflicts(['local', 'table', 'dryRun']),
      )
      .option(
        '--taxonomy <file>',
        'reclassify in this process with this taxonomy file (JSON or YAML)',
      )
      .addHelpText(
        'after',
        '\nExamples:\n  $ ingest reclassify --stack-name DocIngest --dry-run\n' +
          '  $ ingest reclassify --stack-name DocIngest --segments 200\n',
      )
      .action(async (options: ReclassifyCommandOptions) => {
        const wait = options.wait !== false;
        if (options.redrive !== undefined) {
          await runDistributed(context, {
            command: 'reclassify',
            unit: 'segments',
            redrive: options.redrive,
            wait,
            pollSeconds: options.poll,
          });
          return;
        }
        const mode = await chooseJobMode(
          context,
          {
            ...options,
            local:
              options.local === true ||
              options.table !== undefined ||
              options.taxonomy !== undefined,
          },
          'ReclassifyStateMachineArn',
        );
        if (mode.kind === 'local') {
          await reclassifyHere(context, options, mode.outputs);
          return;
        }
        const dryRun = options.dryRun === true;
        await runDistributed(context, {
          command: 'reclassify',
          unit: 'segments',
          stateMachineArn: mode.stateMachineArn,
          input: { totalSegments: options.segments, dryRun },
          wait,
          pollSeconds: options.poll,
          extra: { dryRun, totalSegments: options.segments },
        });
      }),
};

export { reclassifyCommand };
