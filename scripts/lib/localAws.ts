import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

/** LocalStack's gateway, bound to loopback by `npm run localstack -- up` (port from LOCALSTACK_PORT). */
const LOCALSTACK_ENDPOINT = `http://127.0.0.1:${process.env.LOCALSTACK_PORT ?? '4566'}`;
const LOCAL_REGION = 'us-east-1';
// LocalStack's default account; the credentials are placeholders it accepts.
const LOCAL_ACCOUNT = '000000000000';

/**
 * Environment for the AWS SDK and for cdklocal, pointing every service at
 * LocalStack by IP: the `*.localhost.localstack.cloud` names cdklocal uses by
 * default need DNS, which an offline machine does not have.
 */
const localAwsEnv = (): Record<string, string> => ({
  AWS_ENDPOINT_URL: LOCALSTACK_ENDPOINT,
  AWS_ENDPOINT_URL_S3: LOCALSTACK_ENDPOINT,
  AWS_S3_FORCE_PATH_STYLE: 'true',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: LOCAL_REGION,
  AWS_DEFAULT_REGION: LOCAL_REGION,
  CDK_DEFAULT_ACCOUNT: LOCAL_ACCOUNT,
  CDK_DEFAULT_REGION: LOCAL_REGION,
});

const clientConfig = {
  endpoint: LOCALSTACK_ENDPOINT,
  region: LOCAL_REGION,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};

/** SDK clients for the services the pipeline uses, all aimed at LocalStack. */
const localClients = () => ({
  s3: new S3Client({ ...clientConfig, forcePathStyle: true }),
  dynamodb: new DynamoDBClient(clientConfig),
  streams: new DynamoDBStreamsClient(clientConfig),
  sqs: new SQSClient(clientConfig),
  eventBridge: new EventBridgeClient(clientConfig),
});

type LocalClients = ReturnType<typeof localClients>;

export type { LocalClients };
export { LOCAL_ACCOUNT, LOCAL_REGION, LOCALSTACK_ENDPOINT, localAwsEnv, localClients };
