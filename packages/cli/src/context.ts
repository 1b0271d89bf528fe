import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
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

/** Standard SDK configuration (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL for LocalStack). */
const defaultClients = (): CliClients => ({
  // Path-style addressing when an endpoint override (LocalStack) is set.
  s3: once(() => new S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL !== undefined })),
  sqs: once(() => new SQSClient({})),
  dynamodb: once(() => new DynamoDBClient({})),
  cloudformation: once(() => new CloudFormationClient({})),
  eventBridge: once(() => new EventBridgeClient({})),
  sfn: once(() => new SFNClient({})),
});

export type { CliClients, CliContext };
export { defaultClients };
