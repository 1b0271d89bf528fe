import { parseArgs } from 'node:util';
import { DEFAULT_MAX_OBJECT_BYTES } from '@doc-ingest/contracts';
import { collectFiles, InputPathError } from './collectFiles.ts';
import { type CliIo, ExitCode } from './io.ts';
import { processFiles } from './processFiles.ts';

const USAGE = `Usage: ingest <command> [options]

Commands:
  process <file-or-dir>...   Run the pipeline on local files and print one JSON
                             object per file (JSON Lines): status new, duplicate
                             or rejected, content hash, language, title, topics.

Options:
  --max-bytes <n>            Reject larger files as too-large without reading
                             them (default ${DEFAULT_MAX_OBJECT_BYTES}, as the Lambda).
  -h, --help                 Show this help.
`;

const parseCommandLine = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'max-bytes': { type: 'string' },
    },
  });

const runProcess = async (
  paths: string[],
  maxBytesOption: string | undefined,
  io: CliIo,
): Promise<number> => {
  const maxBytes = maxBytesOption === undefined ? DEFAULT_MAX_OBJECT_BYTES : Number(maxBytesOption);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    io.stderr.write(`ingest process: --max-bytes takes a positive whole number\n`);
    return ExitCode.USAGE;
  }
  if (paths.length === 0) {
    io.stderr.write(`ingest process: give at least one file or directory\n\n${USAGE}`);
    return ExitCode.USAGE;
  }
  try {
    const files = await collectFiles(paths);
    for await (const result of processFiles(files, { maxBytes })) {
      io.stdout.write(`${JSON.stringify(result)}\n`);
    }
    return ExitCode.OK;
  } catch (error) {
    if (!(error instanceof InputPathError)) throw error;
    io.stderr.write(`ingest process: ${error.message}\n`);
    return ExitCode.USAGE;
  }
};

/**
 * The `ingest` command line. Returns the exit code instead of exiting, so it
 * can be tested in-process.
 *
 * @example
 * process.exitCode = await main(['process', 'samples'], process);
 */
const main = async (argv: string[], io: CliIo): Promise<number> => {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    io.stderr.write(`ingest: ${(error as Error).message}\n\n${USAGE}`);
    return ExitCode.USAGE;
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  if (values.help === true) {
    io.stdout.write(USAGE);
    return ExitCode.OK;
  }
  if (command === undefined) {
    io.stderr.write(USAGE);
    return ExitCode.USAGE;
  }
  if (command === 'process') return runProcess(rest, values['max-bytes'], io);
  io.stderr.write(`ingest: unknown command '${command}'\n\n${USAGE}`);
  return ExitCode.USAGE;
};

export { main };
