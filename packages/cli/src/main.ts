import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { BACKFILL_USAGE, backfillCommand } from './commands/backfillCommand.ts';
import { PROCESS_USAGE, processCommand } from './commands/processCommand.ts';
import { RECLASSIFY_USAGE, reclassifyCommand } from './commands/reclassifyCommand.ts';
import { REDRIVE_USAGE, redriveCommand } from './commands/redriveCommand.ts';
import { REPUBLISH_USAGE, republishCommand } from './commands/republishCommand.ts';
import { type CliIo, ExitCode, UsageError } from './io.ts';

const USAGE = `Usage: ingest <command> [options]

Commands:
${PROCESS_USAGE}
${REDRIVE_USAGE}
${BACKFILL_USAGE}
${RECLASSIFY_USAGE}
${REPUBLISH_USAGE}

  -h, --help                 Show this help.

AWS commands use the standard SDK configuration (AWS_PROFILE, AWS_REGION,
AWS_ENDPOINT_URL for LocalStack).
`;

/** AWS clients, created only by the commands that need them; tests pass their own (any subset). */
interface CliClients {
  s3: () => S3Client;
  sqs: () => SQSClient;
  dynamodb: () => DynamoDBClient;
  eventBridge: () => EventBridgeClient;
}

const defaultClients: CliClients = {
  // Path-style addressing when an endpoint override (LocalStack) is set.
  s3: () => new S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL !== undefined }),
  sqs: () => new SQSClient({}),
  dynamodb: () => new DynamoDBClient({}),
  eventBridge: () => new EventBridgeClient({}),
};

const parseCommandLine = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'max-bytes': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      bucket: { type: 'string' },
      prefix: { type: 'string' },
      queue: { type: 'string' },
      table: { type: 'string' },
      'dry-run': { type: 'boolean' },
      bus: { type: 'string' },
      'content-hash': { type: 'string', multiple: true },
      since: { type: 'string' },
      until: { type: 'string' },
      'from-failure-queue': { type: 'string' },
    },
  });

const dispatch = async (argv: string[], io: CliIo, clients: CliClients): Promise<number> => {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  if (values.help === true) {
    io.stdout.write(USAGE);
    return ExitCode.OK;
  }
  switch (command) {
    case 'process':
      return processCommand(rest, values, io);
    case 'redrive':
      return redriveCommand(values, io, clients.sqs);
    case 'backfill':
      return backfillCommand(values, io, clients);
    case 'reclassify':
      return reclassifyCommand(values, io, clients);
    case 'republish':
      return republishCommand(values, io, clients);
    case undefined:
      throw new UsageError('give a command');
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
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
  try {
    return await dispatch(argv, io, { ...defaultClients, ...clients });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`ingest: ${error.message}\n\n${USAGE}`);
    return ExitCode.USAGE;
  }
};

export type { CliClients };
export { main };
