import { type CliClients, type CliStream, main } from '@doc-ingest/cli';

/** What a test may vary of a captured stream: whether it looks like a terminal, and its width. */
type StreamLook = Pick<CliStream, 'isTTY' | 'columns'>;

/**
 * Runs the `ingest` CLI's `main` in this process with the given clients
 * (mocked, for unit tests) and returns its exit code and everything it wrote
 * to stdout and stderr, so a test reads the output without spawning the
 * binary (that is `runIngestBinary`). `streams` sets how stdout and stderr
 * look (`isTTY`, `columns`): the output format and progress depend on it.
 *
 * @example
 * const { code, stdout } = await runCliMain(['get', hash, '--table', 't'], { dynamodb: () => ddb }, {
 *   stdout: { isTTY: true },
 * });
 */
const runCliMain = async (
  argv: string[],
  clients: Partial<CliClients> = {},
  streams: { stdout?: StreamLook; stderr?: StreamLook } = {},
): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: { ...streams.stdout, write: (chunk: string) => (stdout += chunk) },
      stderr: { ...streams.stderr, write: (chunk: string) => (stderr += chunk) },
    },
    clients,
  );
  return { code, stdout, stderr };
};

export { runCliMain };
