import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { DocumentIngestionPipelineProps } from '../DocumentIngestionPipeline.ts';
import { PipelineSettingsError } from './errors.ts';
import {
  type PipelineSettings,
  type PipelineSettingsInput,
  PipelineSettingsSchema,
} from './settingsSchema.ts';

/**
 * Construct props from the deploy settings (the `doc-ingest:<name>` context
 * keys of the README's table, without the prefix), validated by the same
 * schema as the app's context: a wrong value throws a
 * {@link PipelineSettingsError} naming the setting. Settings left out keep
 * the props' defaults; `stackName` names a stack, not the construct, and is
 * not read here.
 *
 * @example
 * new DocumentIngestionPipeline(this, 'Pipeline', pipelinePropsFromSettings({
 *   objectKeyPrefix: 'incoming/', removalPolicy: 'destroy',
 * }));
 */
const pipelinePropsFromSettings = (
  input: PipelineSettingsInput | PipelineSettings,
): DocumentIngestionPipelineProps => {
  const parsed = PipelineSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new PipelineSettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`),
    );
  }
  const settings = parsed.data;
  return {
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
    backfillBatchSize: settings.backfillBatchSize,
    backfillChildWorkflows: settings.backfillChildWorkflows,
    maxObjectBytes: settings.maxObjectBytes,
    inlineTextMaxBytes: settings.inlineTextLimitBytes,
    topicThreshold: settings.topicThreshold,
    taxonomyFile: settings.taxonomy,
    logRetention: settings.logRetentionDays as logs.RetentionDays | undefined,
  };
};

export { pipelinePropsFromSettings };
