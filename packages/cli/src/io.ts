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

export type { CliIo };
export { ExitCode };
