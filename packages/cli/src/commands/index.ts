import { backfillCommand } from './backfillCommand.ts';
import type { CliCommand } from './CliCommand.ts';
import { getCommand } from './getCommand.ts';
import { processCommand } from './processCommand.ts';
import { purgeCommand } from './purgeCommand.ts';
import { reclassifyCommand } from './reclassifyCommand.ts';
import { redriveCommand } from './redriveCommand.ts';
import { reindexCommand } from './reindexCommand.ts';
import { republishCommand } from './republishCommand.ts';
import { whereCommand } from './whereCommand.ts';

/** Every `ingest` subcommand, in the order `--help` lists them. One line per command. */
const COMMANDS: readonly CliCommand[] = [
  processCommand,
  getCommand,
  whereCommand,
  backfillCommand,
  redriveCommand,
  reclassifyCommand,
  republishCommand,
  purgeCommand,
  reindexCommand,
];

export { COMMANDS };
