import { createRequire } from 'node:module';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { CliIo } from './io.ts';

/** AWS clients, created only by the commands that need them; tests pass their own (any subset). */
interface CliClients {
  s3: () => S3Client;
  sqs: () => SQSClient;
  dynamodb: () => DynamoDBClient;
  cloudformation: () => CloudFormationClient;
  eventBridge: () => EventBridgeClient;
  sfn: () => SFNClient;
}

/** What every command gets: where to write, the AWS clients, and where to put its exit code. */
interface CliContext {
  io: CliIo;
  clients: CliClients;
  /** Set by a command's action; `main` returns it. */
  exitCode: number;
}

const once = <T>(create: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= create();
    return value;
  };
};

// The SDK clients are loaded when first used (the packages are CommonJS, so
// synchronously): `ingest process` never uses them, and loading all six took
// a sizeable part of its start-up.
const load = createRequire(import.meta.url);

/** Standard SDK configuration (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL for LocalStack). */
const defaultClients = (): CliClients => ({
  // Path-style addressing when an endpoint override (LocalStack) is set.
  s3: once(() => {
    const sdk: typeof import('@aws-sdk/client-s3') = load('@aws-sdk/client-s3');
    return new sdk.S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL !== undefined });
  }),
  sqs: once(() => {
    const sdk: typeof import('@aws-sdk/client-sqs') = load('@aws-sdk/client-sqs');
    return new sdk.SQSClient({});
  }),
  dynamodb: once(() => {
    const sdk: typeof import('@aws-sdk/client-dynamodb') = load('@aws-sdk/client-dynamodb');
    return new sdk.DynamoDBClient({});
  }),
  cloudformation: once(() => {
    const sdk: typeof import('@aws-sdk/client-cloudformation') = load(
      '@aws-sdk/client-cloudformation',
    );
    return new sdk.CloudFormationClient({});
  }),
  eventBridge: once(() => {
    const sdk: typeof import('@aws-sdk/client-eventbridge') = load('@aws-sdk/client-eventbridge');
    return new sdk.EventBridgeClient({});
  }),
  sfn: once(() => {
    const sdk: typeof import('@aws-sdk/client-sfn') = load('@aws-sdk/client-sfn');
    return new sdk.SFNClient({});
  }),
});

export type { CliClients, CliContext };
export { defaultClients };
