import { readFileSync } from 'node:fs';
import { SCHEMA_VERSION } from '@doc-ingest/contracts';
import { TAXONOMY_VERSION } from '@doc-ingest/core';
import { Command } from 'commander';
import type { CliCommand } from './commands/CliCommand.ts';
import type { CliContext } from './context.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

/**
 * The `ingest` program with these subcommands: commander with output sent to
 * the context's streams and errors thrown (not `process.exit`), so `main`
 * decides the exit code.
 */
const createProgram = (context: CliContext, commands: readonly CliCommand[]): Command => {
  const { io } = context;
  const program = new Command('ingest')
    .description('Run the doc-ingest pipeline locally and operate a deployed stack.')
    .version(
      `${version} (record contract ${SCHEMA_VERSION}, taxonomy ${TAXONOMY_VERSION})`,
      '-V, --version',
    )
    // Settings below are inherited by every subcommand added after them.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
    })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nAWS commands use the standard SDK configuration (AWS_PROFILE, AWS_REGION,\n' +
        'AWS_ENDPOINT_URL for LocalStack) and --stack-name (or DOC_INGEST_STACK_NAME)\n' +
        'to find the bucket, queues and table. Exit codes: 0 ok, 1 failed, 2 misuse,\n' +
        '3 nothing found.',
    );
  for (const command of commands) command.register(program, context);
  return program;
};

export { createProgram };
