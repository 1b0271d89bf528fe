import { CommanderError } from 'commander';
import type { CliCommand } from './commands/CliCommand.ts';
import { processCommand } from './commands/processCommand.ts';
import { type CliClients, type CliContext, defaultClients } from './context.ts';
import { type CliIo, ExitCode, NotFoundError, UsageError } from './io.ts';
import { createProgram } from './program.ts';

/**
 * The subcommands to register for this command line. `ingest process …` needs
 * only its own (its help, options and errors are its own); loading the other
 * commands, with the AWS SDK and the adapters behind them, would add to every
 * local run's start-up. Anything else gets them all, for the top-level help
 * and the suggestions after a mistyped command.
 */
const commandsFor = async (argv: readonly string[]): Promise<readonly CliCommand[]> =>
  argv[0] === 'process' ? [processCommand] : (await import('./commands/index.ts')).COMMANDS;

/** Commander's codes for output that is not an error. */
const INFORMATIONAL = new Set(['commander.helpDisplayed', 'commander.version']);

const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  // SDK errors carry their service code in the name (AccessDenied, ExpiredToken).
  return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
};

/** The exit code for an error, after telling the user about it on stderr. */
const report = (error: unknown, io: CliIo): number => {
  if (error instanceof CommanderError) {
    // Commander has already written its message (and the help, when asked for).
    if (INFORMATIONAL.has(error.code)) return ExitCode.OK;
    return ExitCode.USAGE;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`ingest: ${error.message}\n(add --help for usage)\n`);
    return ExitCode.USAGE;
  }
  if (error instanceof NotFoundError) {
    io.stderr.write(`ingest: ${error.message}\n`);
    return ExitCode.NOT_FOUND;
  }
  io.stderr.write(`ingest: ${describeError(error)}\n`);
  if (process.env.INGEST_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return ExitCode.FAILURE;
};

/**
 * The `ingest` command line. Returns the exit code instead of exiting, so it
 * can be tested in-process.
 *
 * @example
 * process.exitCode = await main(['process', 'samples'], process);
 */
const main = async (
  argv: string[],
  io: CliIo,
  clients: Partial<CliClients> = {},
): Promise<number> => {
  const context: CliContext = {
    io,
    clients: { ...defaultClients(), ...clients },
    exitCode: ExitCode.OK,
  };
  try {
    await createProgram(context, await commandsFor(argv)).parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return report(error, io);
  }
};

export type { CliClients };
export { main };
