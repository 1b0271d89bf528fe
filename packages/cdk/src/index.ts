// The public surface of @doc-ingest/cdk: the pipeline construct, its parts,
// and the deploy settings that map onto its props.

export type { AlarmTopicProps } from './constructs/AlarmTopic.ts';
export { AlarmTopic } from './constructs/AlarmTopic.ts';
export type { BulkJobsProps } from './constructs/BulkJobs.ts';
export { BulkJobs } from './constructs/BulkJobs.ts';
export type { BundledFunctionProps } from './constructs/BundledFunction.ts';
export { BundledFunction } from './constructs/BundledFunction.ts';
export type { DocumentTableProps } from './constructs/DocumentTable.ts';
export { DocumentTable } from './constructs/DocumentTable.ts';
export type { EncryptedQueueWithDlqProps } from './constructs/EncryptedQueueWithDlq.ts';
export { EncryptedQueueWithDlq } from './constructs/EncryptedQueueWithDlq.ts';
export type { FunctionOperationsProps } from './constructs/FunctionOperationsProps.ts';
export type { FunctionSource, PipelineFunctionName } from './constructs/functionCode.ts';
export { MissingFunctionBundleError } from './constructs/functionCode.ts';
export type { IngestFunctionProps } from './constructs/IngestFunction.ts';
export { IngestFunction } from './constructs/IngestFunction.ts';
export type { NearDuplicateIndexTableProps } from './constructs/NearDuplicateIndexTable.ts';
export { NearDuplicateIndexTable } from './constructs/NearDuplicateIndexTable.ts';
export type { PipelineJob, PipelineMonitoringProps } from './constructs/PipelineMonitoring.ts';
export { INGEST_OUTCOME_METRICS, PipelineMonitoring } from './constructs/PipelineMonitoring.ts';
export type { BucketEncryptionModeName, SecureBucketProps } from './constructs/SecureBucket.ts';
export { BucketEncryptionMode, SecureBucket } from './constructs/SecureBucket.ts';
export type { StreamEventPublisherProps } from './constructs/StreamEventPublisher.ts';
export { StreamEventPublisher } from './constructs/StreamEventPublisher.ts';
export type {
  DocumentIngestionPipelineProps,
  PipelineFunctionSources,
} from './DocumentIngestionPipeline.ts';
export { DocumentIngestionPipeline } from './DocumentIngestionPipeline.ts';
export { PipelineSettingsError } from './settings/errors.ts';
export { pipelinePropsFromSettings } from './settings/pipelinePropsFromSettings.ts';
export type {
  PipelineSettingName,
  PipelineSettings,
  PipelineSettingsInput,
} from './settings/settingsSchema.ts';
export {
  CONTEXT_PREFIX,
  LOG_RETENTION_DAYS,
  PipelineSettingsSchema,
  SETTING_NAMES,
} from './settings/settingsSchema.ts';
