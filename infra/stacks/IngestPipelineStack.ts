import { fileURLToPath } from 'node:url';
import {
  DocumentIngestionPipeline,
  type DocumentIngestionPipelineProps,
  type DocumentTable,
  type EncryptedQueueWithDlq,
  type IngestFunction,
  type PipelineFunctionSources,
  type PipelineMonitoring,
  type SecureBucket,
  type StreamEventPublisher,
} from '@doc-ingest/cdk';
import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A handler of this repository, bundled at synth against the repository's lock file. */
const repoSource = (folder: string) => ({
  entry: fileURLToPath(new URL(`../../functions/${folder}/handler.ts`, import.meta.url)),
  projectRoot: REPO_ROOT,
  depsLockFilePath: fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
});

/**
 * This repository deploys its handlers from source: the app bundles them at
 * synth, so a change under functions/ or packages/ deploys without building
 * @doc-ingest/cdk first. Users of the package get its pre-bundled code.
 */
const REPO_FUNCTION_SOURCES: PipelineFunctionSources = {
  ingest: repoSource('ingest'),
  publishEvents: repoSource('publish-events'),
  backfillBatch: repoSource('backfill-batch'),
  reclassifySegment: repoSource('reclassify-segment'),
};

/** Properties of {@link IngestPipelineStack}: the stack's and the pipeline's. */
interface IngestPipelineStackProps extends StackProps, DocumentIngestionPipelineProps {}

/**
 * This repository's app: one {@link DocumentIngestionPipeline} in a stack,
 * with the outputs the CLI, the scripts and the end-to-end tests read.
 *
 * @example
 * new IngestPipelineStack(app, 'DocIngest', { ingestSuffixes: ['.txt'] });
 */
class IngestPipelineStack extends Stack {
  /** The pipeline. */
  public readonly pipeline: DocumentIngestionPipeline;
  /** Uploads land here (created, or the existing one). */
  public readonly ingestBucket: s3.IBucket;
  /** The ingest bucket with its access-log bucket and key, when the stack creates it. */
  public readonly managedIngestBucket: SecureBucket | undefined;
  /** Normalized texts too large to inline. */
  public readonly textBucket: SecureBucket;
  /** S3 notifications waiting to be ingested, with the DLQ. */
  public readonly ingestQueue: EncryptedQueueWithDlq;
  /** The document table. */
  public readonly documentTable: DocumentTable;
  /** The `ingest` function and its wiring. */
  public readonly ingestFunction: IngestFunction;
  /** The `publish-events` function, the bus and the failure queue. */
  public readonly eventPublisher: StreamEventPublisher;
  /** The topic every alarm notifies. */
  public readonly alarmTopic: sns.ITopic;
  /** The dashboard and the alarms. */
  public readonly monitoring: PipelineMonitoring;

  public constructor(scope: Construct, id: string, props: IngestPipelineStackProps = {}) {
    super(scope, id, props);
    // The id `Default` leaves the construct out of the logical IDs, so they
    // are those of the stack that held the resources before the construct
    // existed: deployed tables and buckets are not replaced.
    this.pipeline = new DocumentIngestionPipeline(this, 'Default', {
      functionSources: REPO_FUNCTION_SOURCES,
      ...props,
    });
    // The stage also tags what CDK adds at the stack's top level.
    if (props.stage !== undefined) Tags.of(this).add('doc-ingest:stage', props.stage);
    this.ingestBucket = this.pipeline.ingestBucket;
    this.managedIngestBucket = this.pipeline.managedIngestBucket;
    this.textBucket = this.pipeline.textBucket;
    this.ingestQueue = this.pipeline.ingestQueue;
    this.documentTable = this.pipeline.documentTable;
    this.ingestFunction = this.pipeline.ingestFunction;
    this.eventPublisher = this.pipeline.eventPublisher;
    this.alarmTopic = this.pipeline.alarmTopic;
    this.monitoring = this.pipeline.monitoring;
    this.addOutputs();
  }

  /** The outputs the CLI and scripts read (packages/cli/src/stackOutputs.ts). */
  private addOutputs(): void {
    new CfnOutput(this, 'BucketName', {
      description: 'Upload documents here',
      value: this.ingestBucket.bucketName,
    });
    new CfnOutput(this, 'TextBucketName', {
      description: 'Normalized texts too large to inline (text/<contentHash>.txt)',
      value: this.textBucket.bucket.bucketName,
    });
    new CfnOutput(this, 'TableName', { value: this.documentTable.table.tableName });
    new CfnOutput(this, 'NearIndexTableName', {
      value: this.pipeline.nearIndexTable.table.tableName,
    });
    new CfnOutput(this, 'TableStreamArn', {
      value: this.documentTable.table.tableStreamArn ?? '',
    });
    new CfnOutput(this, 'QueueUrl', { value: this.ingestQueue.queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      value: this.ingestQueue.deadLetterQueue.queueUrl,
    });
    new CfnOutput(this, 'StreamFailureQueueUrl', {
      value: this.eventPublisher.failureQueue.queueUrl,
    });
    new CfnOutput(this, 'EventBusName', { value: this.eventPublisher.eventBus.eventBusName });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'Every alarm notifies this topic',
      value: this.alarmTopic.topicArn,
    });
    new CfnOutput(this, 'BackfillStateMachineArn', {
      value: this.pipeline.jobs.backfillStateMachine.stateMachineArn,
    });
    new CfnOutput(this, 'ReclassifyStateMachineArn', {
      value: this.pipeline.jobs.reclassifyStateMachine.stateMachineArn,
    });
    new CfnOutput(this, 'DashboardName', {
      value: this.monitoring.dashboard.dashboardName,
    });
  }
}

export type { IngestPipelineStackProps };
export { IngestPipelineStack };
