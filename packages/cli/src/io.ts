/** A stream the CLI writes to; `isTTY` decides whether progress is drawn. */
interface CliStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when a terminal. */
  columns?: number;
}

/** Where the CLI writes: passed in, so tests capture it without spawning. */
interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /**
   * Aborted when the reader of stdout went away (`| head`) or on Ctrl-C:
   * long commands stop at the next item and still print their summary.
   * @default never aborted
   */
  signal?: AbortSignal;
}

/** Exit codes (README, "Exit codes"). Rejections are output, not failures. */
const ExitCode = {
  /** Done, including runs whose objects were rejected: rejections are results. */
  OK: 0,
  /** The operation failed or left work undone (messages not moved, AWS errors). */
  FAILURE: 1,
  /** The command line was misused: unknown command or option, bad value, missing path. */
  USAGE: 2,
  /** Nothing to work on or nothing found: empty folder, unknown hash or key, unknown stack. */
  NOT_FOUND: 3,
} as const;

/** The command line was misused: the message is shown with a pointer to `--help`. */
class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** What the command was asked to work on does not exist (exit code 3). */
class NotFoundError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NotFoundError';
  }
}

export type { CliIo, CliStream };
export { ExitCode, NotFoundError, UsageError };
