import { TableKeys } from '@doc-ingest/contracts';
import { Duration, RemovalPolicy, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AlarmTopic } from './constructs/AlarmTopic.ts';
import { BulkJobs } from './constructs/BulkJobs.ts';
import { DocumentTable } from './constructs/DocumentTable.ts';
import { EncryptedQueueWithDlq } from './constructs/EncryptedQueueWithDlq.ts';
import type { FunctionSource } from './constructs/functionCode.ts';
import { IngestFunction } from './constructs/IngestFunction.ts';
import { NearDuplicateIndexTable } from './constructs/NearDuplicateIndexTable.ts';
import { PipelineMonitoring } from './constructs/PipelineMonitoring.ts';
import {
  BucketEncryptionMode,
  type BucketEncryptionModeName,
  SecureBucket,
} from './constructs/SecureBucket.ts';
import { SqsNotificationDestination } from './constructs/SqsNotificationDestination.ts';
import { StreamEventPublisher } from './constructs/StreamEventPublisher.ts';

/**
 * One S3 filter per suffix (S3 matches a single prefix/suffix pair per
 * notification configuration), or a single unfiltered configuration.
 */
const notificationFilters = (
  props: DocumentIngestionPipelineProps,
): (s3.NotificationKeyFilter | undefined)[] => {
  const suffixes = [
    ...(props.ingestSuffixes ?? []),
    ...(props.ingestSuffix === undefined ? [] : [props.ingestSuffix]),
  ];
  if (suffixes.length === 0) {
    return [props.ingestPrefix === undefined ? undefined : { prefix: props.ingestPrefix }];
  }
  const distinct = [...new Set(suffixes)];
  // S3 refuses overlapping configurations for one event type at deploy time.
  for (const suffix of distinct) {
    const overlapping = distinct.find((other) => other !== suffix && suffix.endsWith(other));
    if (overlapping !== undefined) {
      throw new Error(
        `ingest suffixes "${suffix}" and "${overlapping}" overlap; S3 refuses overlapping notification filters`,
      );
    }
  }
  return distinct.map((suffix) => ({ prefix: props.ingestPrefix, suffix }));
};

/** Sources to bundle the pipeline's functions from at synth (see `functionSources`). */
interface PipelineFunctionSources {
  /** The `ingest` handler. */
  readonly ingest: FunctionSource;
  /** The `publish-events` handler. */
  readonly publishEvents: FunctionSource;
  /** The backfill job's worker. */
  readonly backfillBatch?: FunctionSource;
  /** The reclassify job's worker. */
  readonly reclassifySegment?: FunctionSource;
}

/** Properties of {@link DocumentIngestionPipeline}; every one is optional. */
interface DocumentIngestionPipelineProps {
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
   * ingestion. Use `ingestSuffixes` for several.
   * @default every object
   */
  readonly ingestSuffix?: string;
  /**
   * Only objects whose key ends with one of these suffixes trigger ingestion
   * (one S3 notification filter each, combined with `ingestPrefix`).
   * @default every object
   */
  readonly ingestSuffixes?: readonly string[];
  /**
   * Ingest from this existing bucket (by name) instead of creating one. The
   * pipeline adds its notification configuration; the bucket's own settings
   * (encryption, versioning, policy) stay the owner's.
   * @default the pipeline creates a KMS-encrypted, versioned, TLS-only bucket
   */
  readonly existingBucketName?: string;
  /**
   * The customer-managed KMS key of `existingBucketName`, if it uses one; the
   * ingest function may decrypt with it.
   * @default none (SSE-S3 or an AWS-managed key)
   */
  readonly existingBucketKeyArn?: string;
  /**
   * A stage name, tagged on every resource as `doc-ingest:stage`.
   * @default no stage tag
   */
  readonly stage?: string;
  /**
   * Score (0..1) a topic needs to be recorded.
   * @default 0.45
   */
  readonly topicThreshold?: number;
  /**
   * Ingest SQS messages per invocation (1..10).
   * @default 10
   */
  readonly ingestBatchSize?: number;
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
   * Objects per backfill child workflow (1..1000); 1 drops the ItemBatcher.
   * @default 100
   */
  readonly backfillBatchSize?: number;
  /**
   * A taxonomy file (JSON or YAML) shipped with the ingest function, validated
   * at synth, instead of the built-in crime-and-security taxonomy.
   * @default the built-in taxonomy
   */
  readonly taxonomyFile?: string;
  /**
   * Type of the backfill map's child workflows (LocalStack runs only `standard`).
   * @default 'express'
   */
  readonly backfillChildWorkflows?: 'express' | 'standard';
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
   * encrypts the queues when they are removed with the pipeline. They may hold the only
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
   * Topic that receives alarm and OK notifications, instead of the stack's
   * own. Exclusive with `alarmTopicArn` and `alarmEmail`.
   * @default a new KMS-encrypted topic ({@link AlarmTopic})
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * ARN of an existing topic to notify instead of the pipeline's own (context
   * `doc-ingest:alarmTopicArn`). Exclusive with `alarmTopic` and `alarmEmail`.
   * @default a new KMS-encrypted topic ({@link AlarmTopic})
   */
  readonly alarmTopicArn?: string;
  /**
   * E-mail address subscribed to the pipeline's alarm topic (context
   * `doc-ingest:alarmEmail`).
   * @default no subscription
   */
  readonly alarmEmail?: string;
  /**
   * Alarm when the oldest ingest notification is older than this.
   * @default maxReceiveCount x queue visibility timeout + 15 minutes (the
   * longest a failing message can legitimately stay before the DLQ, plus a margin)
   */
  readonly queueAgeAlarmThreshold?: Duration;
  /**
   * Alarm when publish-events lags the table stream by more than this.
   * @default Duration.minutes(10)
   */
  readonly iteratorAgeAlarmThreshold?: Duration;
  /**
   * Bundle the two functions at synth from these TypeScript sources with
   * esbuild, instead of deploying the code pre-bundled in this package. For
   * working on the pipeline's own handlers.
   * @default the package's pre-bundled functions (dist/lambda/)
   */
  readonly functionSources?: PipelineFunctionSources;
}

/** `arn:<partition>:sns:<region>:<account>:<name>` */
const TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/**
 * The document-ingestion pipeline: ingest bucket -> SQS (with DLQ) ->
 * `ingest` Lambda -> DynamoDB table -> stream -> `publish-events` Lambda ->
 * EventBridge bus, plus the text bucket for large normalized texts, and the
 * dashboard and alarms that watch it, all notifying one alarm topic.
 *
 * Props are checked in the constructor: a wrong value throws before any
 * resource exists. The deploy settings (`PipelineSettingsSchema`) map onto
 * these props with `pipelinePropsFromSettings`.
 *
 * @example
 * new DocumentIngestionPipeline(stack, 'Pipeline', { ingestSuffixes: ['.txt', '.html'] });
 */
class DocumentIngestionPipeline extends Construct {
  /** Uploads land here; object creation triggers ingestion (created, or the existing one). */
  public readonly ingestBucket: s3.IBucket;
  /** The ingest bucket with its access-log bucket and key, when the pipeline creates it. */
  public readonly managedIngestBucket: SecureBucket | undefined;
  /** Normalized texts too large to inline (`text/<contentHash>.txt`). */
  public readonly textBucket: SecureBucket;
  /** S3 notifications waiting to be ingested, with the DLQ. */
  public readonly ingestQueue: EncryptedQueueWithDlq;
  /** The document table. */
  public readonly documentTable: DocumentTable;
  /** The near-duplicate index (band owners), a table without a stream. */
  public readonly nearIndexTable: NearDuplicateIndexTable;
  /** The `ingest` function and its wiring. */
  public readonly ingestFunction: IngestFunction;
  /** The `publish-events` function, the bus and the failure queue. */
  public readonly eventPublisher: StreamEventPublisher;
  /** The topic every alarm notifies (created or given). */
  public readonly alarmTopic: sns.ITopic;
  /** The dashboard and the alarms that span the pipeline. */
  public readonly monitoring: PipelineMonitoring;
  /** The backfill and reclassify jobs (Step Functions Distributed Maps). */
  public readonly jobs: BulkJobs;

  public constructor(scope: Construct, id: string, props: DocumentIngestionPipelineProps = {}) {
    super(scope, id);
    const filters = notificationFilters(props);
    if (props.existingBucketKeyArn !== undefined && props.existingBucketName === undefined) {
      throw new Error(
        'existingBucketKeyArn is the key of existingBucketName; give both or neither',
      );
    }
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const ingestTimeout = props.ingestTimeout ?? Duration.seconds(60);
    const bucketEncryption = props.bucketEncryption ?? BucketEncryptionMode.KMS;
    this.alarmTopic = this.resolveAlarmTopic(props, removalPolicy);

    const failureQueuesRemovalPolicy = props.failureQueuesRemovalPolicy ?? RemovalPolicy.RETAIN;

    // Documents live in the table and the buckets: one customer-managed key for all three.
    const dataKey = new kms.Key(this, 'DataKey', {
      description: 'Encrypts the document table and the objects of the ingest and text buckets',
      enableKeyRotation: true,
      removalPolicy,
    });
    const bucketKey = bucketEncryption === BucketEncryptionMode.KMS ? dataKey : undefined;
    if (props.stage !== undefined) Tags.of(this).add('doc-ingest:stage', props.stage);
    this.managedIngestBucket =
      props.existingBucketName === undefined
        ? new SecureBucket(this, 'IngestBucket', {
            encryption: bucketEncryption,
            encryptionKey: bucketKey,
            removalPolicy,
          })
        : undefined;
    this.ingestBucket = this.managedIngestBucket?.bucket ?? this.importIngestBucket(props);
    this.textBucket = new SecureBucket(this, 'TextBucket', {
      encryption: bucketEncryption,
      encryptionKey: bucketKey,
      serverAccessLogsBucket: this.managedIngestBucket?.accessLogsBucket,
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
    // Creations and removals share the queue: the function records both, so
    // a deleted or expired object's source gets `deletedAt`.
    const destination = new SqsNotificationDestination(this.ingestQueue.queue);
    for (const filter of filters) {
      for (const eventType of [
        s3.EventType.OBJECT_CREATED,
        s3.EventType.OBJECT_REMOVED,
        s3.EventType.LIFECYCLE_EXPIRATION,
      ]) {
        this.ingestBucket.addEventNotification(
          eventType,
          destination,
          ...(filter === undefined ? [] : [filter]),
        );
      }
    }

    this.documentTable = new DocumentTable(this, 'DocumentTable', {
      removalPolicy,
      encryptionKey: dataKey,
    });
    // Band owners off the document stream: consumers see contract items only.
    this.nearIndexTable = new NearDuplicateIndexTable(this, 'NearIndexTable', {
      removalPolicy,
      encryptionKey: dataKey,
    });

    const observability = {
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      metricsNamespace: props.metricsNamespace,
      tracing: props.tracing,
      alarmTopic: this.alarmTopic,
      removalPolicy,
    };
    this.ingestFunction = new IngestFunction(this, 'Ingest', {
      queue: this.ingestQueue,
      table: this.documentTable.table,
      nearIndexTable: this.nearIndexTable.table,
      ingestBucket: this.ingestBucket,
      textBucket: this.textBucket.bucket,
      timeout: ingestTimeout,
      memorySize: props.ingestMemorySize,
      maxConcurrency: props.ingestMaxConcurrency,
      maxObjectBytes: props.maxObjectBytes,
      inlineTextMaxBytes: props.inlineTextMaxBytes,
      topicThreshold: props.topicThreshold,
      taxonomyFile: props.taxonomyFile,
      batchSize: props.ingestBatchSize,
      source: props.functionSources?.ingest,
      ...observability,
    });
    this.eventPublisher = new StreamEventPublisher(this, 'PublishEvents', {
      table: this.documentTable.table,
      encryptionKey: queueKey,
      retryWindow: props.publishRetryWindow,
      failureQueueRemovalPolicy: failureQueuesRemovalPolicy,
      source: props.functionSources?.publishEvents,
      ...observability,
    });

    this.jobs = new BulkJobs(this, 'Jobs', {
      ingestBucket: this.ingestBucket,
      ingestQueue: this.ingestQueue.queue,
      table: this.documentTable.table,
      textBucket: this.textBucket.bucket,
      accessLogsBucket: this.textBucket.accessLogsBucket,
      backfillBatchSize: props.backfillBatchSize,
      backfillChildWorkflows: props.backfillChildWorkflows,
      taxonomyFile: props.taxonomyFile,
      sources: {
        backfillBatch: props.functionSources?.backfillBatch,
        reclassifySegment: props.functionSources?.reclassifySegment,
      },
      ...observability,
    });

    const visibility = this.ingestQueue.visibilityTimeout.toSeconds();
    this.monitoring = new PipelineMonitoring(this, 'Monitoring', {
      ingestFunction: this.ingestFunction.function,
      ingestLogGroup: this.ingestFunction.function.logGroup,
      queue: this.ingestQueue.queue,
      deadLetterQueue: this.ingestQueue.deadLetterQueue,
      publishFunction: this.eventPublisher.function,
      failureQueue: this.eventPublisher.failureQueue,
      table: this.documentTable.table,
      tableIndexNames: [TableKeys.GSI1_NAME],
      nearIndexTable: this.nearIndexTable.table,
      jobs: [
        { name: 'backfill', stateMachine: this.jobs.backfillStateMachine },
        { name: 'reclassify', stateMachine: this.jobs.reclassifyStateMachine },
      ],
      metricsNamespace: props.metricsNamespace,
      queueAgeThreshold:
        props.queueAgeAlarmThreshold ??
        Duration.seconds(this.ingestQueue.maxReceiveCount * visibility + 15 * 60),
      iteratorAgeThreshold: props.iteratorAgeAlarmThreshold,
      alarmTopic: this.alarmTopic,
    });

    this.suppressCdkInternals();
  }

  /** The given topic, the one named by ARN, or a new one (with the e-mail subscription). */
  private resolveAlarmTopic(
    props: DocumentIngestionPipelineProps,
    removalPolicy: RemovalPolicy,
  ): sns.ITopic {
    const given = [props.alarmTopic, props.alarmTopicArn].filter((v) => v !== undefined);
    if (given.length > 1) throw new Error('give alarmTopic or alarmTopicArn, not both');
    if (given.length === 1 && props.alarmEmail !== undefined) {
      throw new Error(
        "alarmEmail subscribes the pipeline's own topic; subscribe the address to your " +
          'existing topic where that topic is managed, or drop alarmTopic/alarmTopicArn',
      );
    }
    if (props.alarmTopic !== undefined) return props.alarmTopic;
    if (props.alarmTopicArn !== undefined) {
      if (!TOPIC_ARN_PATTERN.test(props.alarmTopicArn)) {
        throw new Error(`alarmTopicArn must be an SNS topic ARN, got '${props.alarmTopicArn}'`);
      }
      return sns.Topic.fromTopicArn(this, 'ExistingAlarmTopic', props.alarmTopicArn);
    }
    return new AlarmTopic(this, 'AlarmTopic', { email: props.alarmEmail, removalPolicy }).topic;
  }

  /** The user's bucket, with its key when it has a customer-managed one. */
  private importIngestBucket(props: DocumentIngestionPipelineProps): s3.IBucket {
    return s3.Bucket.fromBucketAttributes(this, 'ExistingIngestBucket', {
      bucketName: props.existingBucketName,
      encryptionKey:
        props.existingBucketKeyArn === undefined
          ? undefined
          : kms.Key.fromKeyArn(this, 'ExistingIngestBucketKey', props.existingBucketKeyArn),
    });
  }

  /**
   * The bucket-notifications handler is a singleton CDK adds for
   * `addEventNotification`, at the stack's top level; its role is not
   * configurable from here.
   */
  private suppressCdkInternals(): void {
    const notificationsHandler = Stack.of(this).node.tryFindChild(
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

export type { DocumentIngestionPipelineProps, PipelineFunctionSources };
export { DocumentIngestionPipeline };
