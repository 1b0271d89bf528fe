/** Where the CLI writes: passed in, so tests capture it without spawning. */
interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/** Exit codes: rejections are output, not failures; only misuse fails. */
const ExitCode = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
} as const;

/** The command line was misused: the message is shown with the usage text. */
class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

export type { CliIo };
export { ExitCode, UsageError };
