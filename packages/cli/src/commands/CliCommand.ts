import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/**
 * One `ingest` subcommand: it declares itself (arguments, options, help) on
 * the program and sets `context.exitCode` from its action. Adding a command is
 * one module exporting a `CliCommand` and one line in `commands/index.ts`.
 *
 * @example
 * const helloCommand: CliCommand = {
 *   register: (program, context) =>
 *     program.command('hello').description('Say hello').action(() => {
 *       context.io.stdout.write('hello\n');
 *     }),
 * };
 */
interface CliCommand {
  register(program: Command, context: CliContext): Command;
}

export type { CliCommand };
