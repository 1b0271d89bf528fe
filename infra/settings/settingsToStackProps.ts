import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { IngestPipelineStackProps } from '../stacks/IngestPipelineStack.ts';
import type { PipelineSettings } from './settingsSchema.ts';

const DEFAULT_STACK_NAME = 'DocIngest';

/** The stack's name: the setting, else `DocIngest` or `DocIngest-<stage>`. */
const stackNameOf = (settings: PipelineSettings): string =>
  settings.stackName ??
  (settings.stage === undefined ? DEFAULT_STACK_NAME : `${DEFAULT_STACK_NAME}-${settings.stage}`);

/** Stack props from validated settings; settings left out keep the props' defaults. */
const settingsToStackProps = (settings: PipelineSettings): IngestPipelineStackProps => ({
  stackName: stackNameOf(settings),
  stage: settings.stage,
  ingestPrefix: settings.objectKeyPrefix,
  ingestSuffixes: settings.objectKeySuffixes,
  existingBucketName: settings.existingBucketName,
  existingBucketKeyArn: settings.existingBucketKeyArn,
  removalPolicy:
    settings.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  alarmEmail: settings.alarmEmail,
  alarmTopicArn: settings.alarmTopicArn,
  ingestMemorySize: settings.ingestMemoryMb,
  ingestTimeout:
    settings.ingestTimeoutSeconds === undefined
      ? undefined
      : Duration.seconds(settings.ingestTimeoutSeconds),
  ingestBatchSize: settings.batchSize,
  ingestMaxConcurrency: settings.maxConcurrency,
  maxObjectBytes: settings.maxObjectBytes,
  inlineTextMaxBytes: settings.inlineTextLimitBytes,
  topicThreshold: settings.topicThreshold,
  taxonomyFile: settings.taxonomy,
  logRetention: settings.logRetentionDays as logs.RetentionDays | undefined,
});

export { settingsToStackProps, stackNameOf };
