import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { readStackOutputs } from '@doc-ingest/cli';
import { EnvKeys } from '@doc-ingest/contracts';
import { ROOT } from './lib/cdkLocal.ts';
import { LOCALSTACK_ENDPOINT, localAwsEnv } from './lib/localAws.ts';

/*
 * `npm run invoke -- <function> <event.json> [--stack-name NAME] [--bucket NAME] [--dry-run]`
 *
 * Runs one handler in this process on a sample event, with its environment
 * taken from a stack deployed on LocalStack (`npm start` deploys
 * DocIngestLocal), so its reads and writes go to that stack. Without a
 * reachable stack, or with --dry-run, it only prints what it would do.
 */

const FUNCTIONS = {
  ingest: {
    handler: 'functions/ingest/handler.ts',
    env: {
      [EnvKeys.TABLE_NAME]: 'TableName',
      [EnvKeys.NEAR_INDEX_TABLE_NAME]: 'NearIndexTableName',
      [EnvKeys.TEXT_BUCKET_NAME]: 'TextBucketName',
    },
  },
  'publish-events': {
    handler: 'functions/publish-events/handler.ts',
    env: { [EnvKeys.TABLE_NAME]: 'TableName', [EnvKeys.EVENT_BUS_NAME]: 'EventBusName' },
  },
} as const;
type FunctionName = keyof typeof FUNCTIONS;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  args: process.argv.slice(2),
  options: {
    'stack-name': { type: 'string', default: 'DocIngestLocal' },
    bucket: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const [name, eventPath] = positionals;
if (!(name !== undefined && name in FUNCTIONS) || eventPath === undefined) {
  console.error(
    `usage: npm run invoke -- <${Object.keys(FUNCTIONS).join('|')}> <event.json> [--stack-name NAME] [--bucket NAME] [--dry-run]`,
  );
  process.exit(2);
}
const fn = FUNCTIONS[name as FunctionName];
const event = JSON.parse(readFileSync(resolve(eventPath), 'utf8')) as {
  Records: { body?: string }[];
};

/**
 * `--bucket`: S3 notifications in SQS bodies name the bucket of the sample
 * (`doc-ingest-bucket`); this points them at another one and drops the sample
 * version id, which no real bucket has.
 */
const retarget = (bucket: string): void => {
  for (const record of event.Records) {
    if (record.body === undefined) continue;
    const body = JSON.parse(record.body) as {
      Records?: { s3: { bucket: { name: string }; object: { versionId?: string } } }[];
    };
    for (const notification of body.Records ?? []) {
      notification.s3.bucket.name = bucket;
      delete notification.s3.object.versionId;
    }
    record.body = JSON.stringify(body);
  }
};

const describePlan = (reason: string): void => {
  console.log(`Would invoke ${fn.handler} on ${event.Records.length} record(s) of ${eventPath}`);
  console.log(
    `with ${Object.entries(fn.env)
      .map(([variable, output]) => `${variable} = output ${output}`)
      .join(', ')} of stack ${values['stack-name']} on ${LOCALSTACK_ENDPOINT}.`,
  );
  console.log(`Not invoked: ${reason}`);
};

if (values['dry-run']) {
  describePlan('--dry-run');
  process.exit(0);
}

Object.assign(process.env, localAwsEnv());
let outputs: Partial<Record<string, string>>;
try {
  outputs = await readStackOutputs(new CloudFormationClient({}), values['stack-name']);
} catch (error) {
  describePlan(
    `${(error as Error).message}. Run \`npm start\` (deploys DocIngestLocal) or pass --stack-name.`,
  );
  process.exit(1);
}
for (const [variable, output] of Object.entries(fn.env)) {
  const value = outputs[output];
  if (value === undefined) throw new Error(`stack ${values['stack-name']} has no output ${output}`);
  process.env[variable] = value;
}
process.env.POWERTOOLS_SERVICE_NAME = name;
process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'DocIngest';
if (values.bucket !== undefined) retarget(values.bucket);

// Imported only now: handlers read their environment when loaded.
const { handler } = (await import(resolve(ROOT, fn.handler))) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
const context = {
  functionName: `${name}-local`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${name}-local`,
  memoryLimitInMB: '1024',
  awsRequestId: crypto.randomUUID(),
  logGroupName: `/aws/lambda/${name}-local`,
  logStreamName: 'local',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 60_000,
};
try {
  const result = await handler(event, context);
  console.log(`\n${fn.handler} returned:\n${JSON.stringify(result, null, 2)}`);
} catch (error) {
  // What Lambda would report as a failed invocation; the event source retries the batch.
  const { name, message } = error as Error;
  console.log(`\n${fn.handler} failed the invocation: ${name}: ${message}`);
  process.exitCode = 1;
}
