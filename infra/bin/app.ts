import { App, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IngestPipelineStack } from '../stacks/IngestPipelineStack.ts';

// The only place that reads context and environment.
const app = new App();
const stackName = String(app.node.tryGetContext('stackName') ?? 'DocIngest');
const removalPolicy =
  app.node.tryGetContext('removalPolicy') === 'destroy'
    ? RemovalPolicy.DESTROY
    : RemovalPolicy.RETAIN;

/** An optional string setting from CDK context (`-c key=value` or cdk.json); blank means unset. */
const optionalContext = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`context ${key} must be a string`);
  return value.trim() === '' ? undefined : value.trim();
};

new IngestPipelineStack(app, stackName, {
  stackName,
  description: 'Document ingestion pipeline: S3 -> SQS -> Lambda -> DynamoDB -> EventBridge',
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  },
  removalPolicy,
  // The stack validates both and refuses them together.
  alarmEmail: optionalContext('doc-ingest:alarmEmail'),
  alarmTopicArn: optionalContext('doc-ingest:alarmTopicArn'),
});

// cdk-nag 3 is a policy-validation plugin: any unacknowledged finding fails
// synthesis. Acknowledgments are also written to the template Metadata
// (cdk_nag.rules_to_suppress) as an audit trail.
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
);
