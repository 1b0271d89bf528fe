import { DEFAULT_MAX_OBJECT_BYTES } from '@doc-ingest/contracts';
import { collectFiles, InputPathError } from '../collectFiles.ts';
import { type CliIo, ExitCode, UsageError } from '../io.ts';
import { processFiles } from '../processFiles.ts';

const PROCESS_USAGE = `  process <file-or-dir>...   Run the pipeline on local files and print one JSON
                             object per file (JSON Lines): status new, duplicate
                             or rejected, content hash, language, title, topics.
      --max-bytes <n>        Reject larger files as too-large without reading
                             them (default ${DEFAULT_MAX_OBJECT_BYTES}, as the Lambda).`;

const positiveInteger = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new UsageError(`${name} takes a positive whole number`);
  }
  return parsed;
};

/** `ingest process`: the pure pipeline over local files, deduplicated within the run. */
const processCommand = async (
  paths: string[],
  options: { 'max-bytes'?: string },
  io: CliIo,
): Promise<number> => {
  const maxBytes = positiveInteger(options['max-bytes'], DEFAULT_MAX_OBJECT_BYTES, '--max-bytes');
  if (paths.length === 0) throw new UsageError('process: give at least one file or directory');
  try {
    const files = await collectFiles(paths);
    for await (const result of processFiles(files, { maxBytes })) {
      io.stdout.write(`${JSON.stringify(result)}\n`);
    }
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof InputPathError) throw new UsageError(`process: ${error.message}`);
    throw error;
  }
};

export { PROCESS_USAGE, processCommand };
