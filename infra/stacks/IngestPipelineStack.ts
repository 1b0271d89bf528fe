import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { DocumentTable } from '../constructs/DocumentTable.ts';
import { EncryptedQueueWithDlq } from '../constructs/EncryptedQueueWithDlq.ts';
import { IngestFunction } from '../constructs/IngestFunction.ts';
import {
  BucketEncryptionMode,
  type BucketEncryptionModeName,
  SecureBucket,
} from '../constructs/SecureBucket.ts';
import { SqsNotificationDestination } from '../constructs/SqsNotificationDestination.ts';
import { StreamEventPublisher } from '../constructs/StreamEventPublisher.ts';

/** Properties of {@link IngestPipelineStack}. */
interface IngestPipelineStackProps extends StackProps {
  /**
   * Removal policy of the stateful resources (buckets, table, keys, log
   * groups). `RemovalPolicy.DESTROY` also empties the buckets on delete and
   * turns table deletion protection off: for test stacks only.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Only objects whose key starts with this prefix trigger ingestion.
   * @default every object
   */
  readonly ingestPrefix?: string;
  /**
   * Only objects whose key ends with this suffix (e.g. `.txt`) trigger
   * ingestion.
   * @default every object
   */
  readonly ingestSuffix?: string;
  /**
   * Encryption of the ingest and text buckets.
   * @default BucketEncryptionMode.KMS (one customer-managed key for both)
   */
  readonly bucketEncryption?: BucketEncryptionModeName;
  /**
   * Receives before a notification moves to the ingest DLQ.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * Ingest function timeout.
   * @default Duration.seconds(60)
   */
  readonly ingestTimeout?: Duration;
  /**
   * Ingest function memory in MB.
   * @default 1024
   */
  readonly ingestMemorySize?: number;
  /**
   * Visibility timeout of the ingest queue; at least 6x `ingestTimeout`.
   * @default 6 x ingestTimeout
   */
  readonly queueVisibilityTimeout?: Duration;
  /**
   * Cap on concurrent ingest invocations (2 to 1000).
   * @default 50
   */
  readonly ingestMaxConcurrency?: number;
  /**
   * Largest object the ingest function reads.
   * @default 1_048_576 (1 MiB)
   */
  readonly maxObjectBytes?: number;
  /**
   * Largest normalized text stored inline in the table; larger texts go to
   * the text bucket.
   * @default 100_000
   */
  readonly inlineTextMaxBytes?: number;
  /**
   * How long after a table change the event publisher retries before it
   * writes the events to the stream-failure queue (60 s to 23 h).
   * @default Duration.hours(23)
   */
  readonly publishRetryWindow?: Duration;
  /**
   * What happens to the ingest DLQ, the stream-failure queue and the key that
   * encrypts the queues when they leave the stack. They may hold the only
   * trace of an object or an event, so they are kept whatever
   * `removalPolicy` says, unless this says otherwise.
   * @default RemovalPolicy.RETAIN
   */
  readonly failureQueuesRemovalPolicy?: RemovalPolicy;
  /**
   * Retention of the function log groups.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * `POWERTOOLS_LOG_LEVEL` of both functions.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /**
   * `POWERTOOLS_METRICS_NAMESPACE` of both functions.
   * @default 'DocIngest'
   */
  readonly metricsNamespace?: string;
  /**
   * Active X-Ray tracing on both functions.
   * @default false
   */
  readonly tracing?: boolean;
  /**
   * Topic that receives alarm and OK notifications.
   * @default alarms without actions
   */
  readonly alarmTopic?: sns.ITopic;
}

/**
 * The document-ingestion pipeline: ingest bucket -> SQS (with DLQ) ->
 * `ingest` Lambda -> DynamoDB table -> stream -> `publish-events` Lambda ->
 * EventBridge bus, plus the text bucket for large normalized texts.
 *
 * @example
 * new IngestPipelineStack(app, 'DocIngest', { ingestSuffix: '.txt' });
 */
class IngestPipelineStack extends Stack {
  /** Uploads land here; object creation triggers ingestion. */
  public readonly ingestBucket: SecureBucket;
  /** Normalized texts too large to inline (`text/<contentHash>.txt`). */
  public readonly textBucket: SecureBucket;
  /** S3 notifications waiting to be ingested, with the DLQ. */
  public readonly ingestQueue: EncryptedQueueWithDlq;
  /** The document table. */
  public readonly documentTable: DocumentTable;
  /** The `ingest` function and its wiring. */
  public readonly ingestFunction: IngestFunction;
  /** The `publish-events` function, the bus and the failure queue. */
  public readonly eventPublisher: StreamEventPublisher;

  public constructor(scope: Construct, id: string, props: IngestPipelineStackProps = {}) {
    super(scope, id, props);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const ingestTimeout = props.ingestTimeout ?? Duration.seconds(60);
    const bucketEncryption = props.bucketEncryption ?? BucketEncryptionMode.KMS;

    const failureQueuesRemovalPolicy = props.failureQueuesRemovalPolicy ?? RemovalPolicy.RETAIN;

    // Documents live in the table and the buckets: one customer-managed key for all three.
    const dataKey = new kms.Key(this, 'DataKey', {
      description: 'Encrypts the document table and the objects of the ingest and text buckets',
      enableKeyRotation: true,
      removalPolicy,
    });
    const bucketKey = bucketEncryption === BucketEncryptionMode.KMS ? dataKey : undefined;
    this.ingestBucket = new SecureBucket(this, 'IngestBucket', {
      encryption: bucketEncryption,
      encryptionKey: bucketKey,
      removalPolicy,
    });
    this.textBucket = new SecureBucket(this, 'TextBucket', {
      encryption: bucketEncryption,
      encryptionKey: bucketKey,
      serverAccessLogsBucket: this.ingestBucket.accessLogsBucket,
      removalPolicy,
    });

    const queueKey = new kms.Key(this, 'QueueKey', {
      description: 'Encrypts the ingest queue, its DLQ and the stream-failure queue',
      enableKeyRotation: true,
      // Retained queues are unreadable without their key.
      removalPolicy: failureQueuesRemovalPolicy,
    });
    this.ingestQueue = new EncryptedQueueWithDlq(this, 'IngestQueue', {
      encryptionKey: queueKey,
      deadLetterRemovalPolicy: failureQueuesRemovalPolicy,
      maxReceiveCount: props.maxReceiveCount,
      visibilityTimeout:
        props.queueVisibilityTimeout ?? Duration.seconds(6 * ingestTimeout.toSeconds()),
    });
    const filters =
      props.ingestPrefix !== undefined || props.ingestSuffix !== undefined
        ? [{ prefix: props.ingestPrefix, suffix: props.ingestSuffix }]
        : [];
    this.ingestBucket.bucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new SqsNotificationDestination(this.ingestQueue.queue),
      ...filters,
    );

    this.documentTable = new DocumentTable(this, 'DocumentTable', {
      removalPolicy,
      encryptionKey: dataKey,
    });

    const observability = {
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      metricsNamespace: props.metricsNamespace,
      tracing: props.tracing,
      alarmTopic: props.alarmTopic,
      removalPolicy,
    };
    this.ingestFunction = new IngestFunction(this, 'Ingest', {
      queue: this.ingestQueue,
      table: this.documentTable.table,
      ingestBucket: this.ingestBucket.bucket,
      textBucket: this.textBucket.bucket,
      timeout: ingestTimeout,
      memorySize: props.ingestMemorySize,
      maxConcurrency: props.ingestMaxConcurrency,
      maxObjectBytes: props.maxObjectBytes,
      inlineTextMaxBytes: props.inlineTextMaxBytes,
      ...observability,
    });
    this.eventPublisher = new StreamEventPublisher(this, 'PublishEvents', {
      table: this.documentTable.table,
      encryptionKey: queueKey,
      retryWindow: props.publishRetryWindow,
      failureQueueRemovalPolicy: failureQueuesRemovalPolicy,
      ...observability,
    });

    this.suppressCdkInternals();

    new CfnOutput(this, 'BucketName', {
      description: 'Upload documents here',
      value: this.ingestBucket.bucket.bucketName,
    });
    new CfnOutput(this, 'TextBucketName', {
      description: 'Normalized texts too large to inline (text/<contentHash>.txt)',
      value: this.textBucket.bucket.bucketName,
    });
    new CfnOutput(this, 'TableName', { value: this.documentTable.table.tableName });
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
  }

  /**
   * The bucket-notifications handler is a singleton CDK adds for
   * `addEventNotification`; its role is not configurable from here.
   */
  private suppressCdkInternals(): void {
    const notificationsHandler = this.node.tryFindChild(
      'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
    );
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id:
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/' +
          'service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'CDK-managed singleton that writes the bucket notification configuration ' +
          'at deploy time; CDK creates its role with AWSLambdaBasicExecutionRole and ' +
          'offers no way to replace it. Its only other permission is ' +
          's3:PutBucketNotification on the ingest bucket.',
      });
    }
  }
}

export type { IngestPipelineStackProps };
export { IngestPipelineStack };
