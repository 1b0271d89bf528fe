import { DEFAULT_MAX_OBJECT_BYTES } from '@doc-ingest/contracts';
import { Option } from 'commander';
import { collectFiles, InputPathError } from '../collectFiles.ts';
import type { CliContext } from '../context.ts';
import { tableHeader, tableRow } from '../formatTable.ts';
import { ExitCode, NotFoundError, UsageError } from '../io.ts';
import { createLineBuffer } from '../lineBuffer.ts';
import { positiveInteger } from '../parseOptions.ts';
import { processFiles } from '../processFiles.ts';
import { emptyTally, summaryLine } from '../processSummary.ts';
import { createProgress } from '../progress.ts';
import { readTaxonomyFile } from '../readTaxonomyFile.ts';
import type { CliCommand } from './CliCommand.ts';

interface ProcessOptions {
  maxBytes: number;
  output: 'jsonl' | 'table';
  progress: boolean;
  taxonomy?: string;
}

const run = async (paths: string[], options: ProcessOptions, context: CliContext) => {
  const { io } = context;
  const started = performance.now();
  const tally = emptyTally();
  const taxonomy =
    options.taxonomy === undefined ? undefined : await readTaxonomyFile(options.taxonomy);
  const onUnreadable = (path: string, error: NodeJS.ErrnoException) => {
    tally.unreadable++;
    io.stderr.write(`ingest: cannot read ${path} (${error.code}); skipped\n`);
  };
  let files: string[];
  try {
    files = await collectFiles(paths, onUnreadable);
  } catch (error) {
    if (error instanceof InputPathError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  if (files.length === 0) {
    throw new NotFoundError(
      `no files to process in ${paths.join(', ')} (hidden files and folders are skipped)`,
    );
  }

  // --no-progress: the bar is drawn only on a terminal, so hand it a non-terminal.
  const barStream = options.progress ? io.stderr : { write: () => true };
  const progress = createProgress(barStream, {
    label: 'process',
    unit: 'files',
    total: files.length,
  });
  const out = createLineBuffer(io.stdout);
  if (options.output === 'table') out.write(tableHeader());
  let done = 0;
  try {
    for await (const result of processFiles(files, {
      maxBytes: options.maxBytes,
      ...(taxonomy === undefined ? {} : { taxonomy }),
      onUnreadable,
      signal: io.signal,
    })) {
      tally.byStatus[result.status]++;
      out.write(options.output === 'table' ? tableRow(result) : `${JSON.stringify(result)}\n`);
      done++;
      progress.update(done + tally.unreadable, tally.byStatus);
    }
  } finally {
    out.flush();
  }
  progress.stop();
  const stopped = io.signal?.aborted ? String(io.signal.reason ?? 'interrupted') : undefined;
  io.stderr.write(summaryLine(tally, performance.now() - started, stopped));
  if (done === 0 && stopped === undefined) {
    throw new NotFoundError(`none of the ${files.length} files could be read`);
  }
  return ExitCode.OK;
};

/** `ingest process`: the Lambda's decisions over local files and an in-memory store, deduplicated within the run. */
const processCommand: CliCommand = {
  register: (program, context) =>
    program
      .command('process')
      .summary('run the pipeline on local files (no AWS)')
      .description(
        'Run the pipeline on local files, no AWS: decode, normalize, hash, classify and\n' +
          "deduplicate within the run, with the ingest function's own decisions over an\n" +
          'in-memory store. One result per file on stdout; a progress bar on\n' +
          'stderr when it is a terminal, and always a summary line on stderr at the end.',
      )
      .argument('<paths...>', 'files and folders (folders are walked, hidden entries skipped)')
      .option(
        '--max-bytes <n>',
        'reject larger files as too-large without reading them, as the Lambda does',
        positiveInteger('--max-bytes'),
        DEFAULT_MAX_OBJECT_BYTES,
      )
      .addOption(
        new Option('-o, --output <format>', 'jsonl: one JSON object per file; table: for people')
          .choices(['jsonl', 'table'])
          .default('jsonl'),
      )
      .option('--no-progress', 'never draw the progress bar')
      .option(
        '--taxonomy <file>',
        'classify with this taxonomy file (JSON or YAML) instead of the built-in one',
      )
      .addHelpText(
        'after',
        '\nExamples:\n  $ ingest process samples/\n  $ ingest process -o table ~/articles | less -S\n' +
          '  $ ingest process --taxonomy examples/weather-taxonomy/taxonomy.yaml reports/\n' +
          '  $ ingest process samples/ | jq -r \'select(.status == "rejected") | .source\'',
      )
      .action(async (paths: string[], options: ProcessOptions) => {
        context.exitCode = await run(paths, options, context);
      }),
};

export { processCommand };
