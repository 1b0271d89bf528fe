import { PipelineSettingsError } from '@doc-ingest/cdk';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from '../settings/readSettings.ts';
import { settingsToStackProps } from '../settings/settingsToStackProps.ts';
import { IngestPipelineStack } from '../stacks/IngestPipelineStack.ts';

/** Bad settings end synthesis with their message alone: a stack trace would only hide it. */
function readSettingsOrExit(context: Record<string, unknown>) {
  try {
    return readSettings(context);
  } catch (error) {
    if (!(error instanceof PipelineSettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

// The only place that reads context and environment. Settings are the
// `doc-ingest:<name>` context keys (cdk.json or -c), validated before any
// construct exists; see the README's settings table.
const app = new App();
const props = settingsToStackProps(readSettingsOrExit(app.node.getAllContext()));

new IngestPipelineStack(app, props.stackName ?? 'DocIngest', {
  ...props,
  description: 'Document ingestion pipeline: S3 -> SQS -> Lambda -> DynamoDB -> EventBridge',
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  },
});

// cdk-nag 3 is a policy-validation plugin: any unacknowledged finding fails
// synthesis. Acknowledgments are also written to the template Metadata
// (cdk_nag.rules_to_suppress) as an audit trail.
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
);
