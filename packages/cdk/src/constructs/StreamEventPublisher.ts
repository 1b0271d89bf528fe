import { EnvKeys, ItemKind } from '@doc-ingest/contracts';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { notifyTopic, queueNotEmptyAlarm } from './alarms.ts';
import { BundledFunction } from './BundledFunction.ts';
import type { FunctionOperationsProps } from './FunctionOperationsProps.ts';
import { type FunctionSource, functionCode } from './functionCode.ts';

/** The stream keeps records 24 h; the function's last try must come before that. */
const MAX_RETRY_WINDOW_SECONDS = 23 * 3600;

/** Properties of {@link StreamEventPublisher}. */
interface StreamEventPublisherProps extends FunctionOperationsProps {
  /** The document table; its stream must be enabled. */
  readonly table: dynamodb.ITable;
  /**
   * Bus the document events go to.
   * @default a new custom event bus
   */
  readonly eventBus?: events.IEventBus;
  /**
   * Key that encrypts the stream-failure queue.
   * @default a new customer-managed key with rotation enabled, removed only
   * with the queue (`failureQueueRemovalPolicy`)
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * TypeScript source to bundle the handler from at synth.
   * @default the package's pre-bundled `publish-events` function (dist/lambda/publish-events/)
   */
  readonly source?: FunctionSource;
  /**
   * Memory in MB.
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * Function timeout.
   * @default Duration.seconds(30)
   */
  readonly timeout?: Duration;
  /**
   * Stream records per invocation (1 to 10000).
   * @default 100
   */
  readonly batchSize?: number;
  /**
   * How long after a table change the function keeps retrying its events
   * before it writes them, self-contained, to the failure queue (60 s to 23 h:
   * DynamoDB Streams keep records 24 h, and the last attempt must come before).
   * The event source mapping itself retries without limit (retry attempts and
   * maximum record age -1), bisecting failing batches.
   * @default Duration.hours(23)
   */
  readonly retryWindow?: Duration;
  /**
   * What happens to the failure queue when it leaves the stack. It may hold the
   * only trace of events consumers never received, so it is kept by default,
   * whatever the stack's own removal policy; keep its key too.
   * @default RemovalPolicy.RETAIN
   */
  readonly failureQueueRemovalPolicy?: RemovalPolicy;
  /**
   * Removal policy of the log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Only changes of documents reach the function: INSERTs (new documents),
 * MODIFYs that carry `withdrawnAt` or `reclassifiedAt` (the function publishes
 * only those that set `withdrawnAt` or change `taxonomyVersion`) and REMOVEs
 * (purges). Source, topic, rejection and band items, and the source-count
 * updates of live documents never reclassified, do not.
 */
const documentChangeFilters = () => {
  const isDocument = { kind: { S: lambda.FilterRule.isEqual(ItemKind.DOCUMENT) } };
  return [
    lambda.FilterCriteria.filter({
      eventName: lambda.FilterRule.isEqual('INSERT'),
      dynamodb: { NewImage: isDocument },
    }),
    lambda.FilterCriteria.filter({
      eventName: lambda.FilterRule.isEqual('MODIFY'),
      dynamodb: {
        NewImage: { ...isDocument, withdrawnAt: { S: lambda.FilterRule.exists() } },
      },
    }),
    lambda.FilterCriteria.filter({
      eventName: lambda.FilterRule.isEqual('MODIFY'),
      dynamodb: {
        NewImage: { ...isDocument, reclassifiedAt: { S: lambda.FilterRule.exists() } },
      },
    }),
    lambda.FilterCriteria.filter({
      eventName: lambda.FilterRule.isEqual('REMOVE'),
      dynamodb: { OldImage: isDocument },
    }),
  ];
};

/**
 * The `publish-events` Lambda function on the document table's stream. It
 * receives only changes of `kind = "document"` items (event filtering) and
 * puts `DocumentIngested`, `DocumentWithdrawn` and `DocumentPurged` events on
 * the bus. The mapping retries failing batches without limit, bisecting them;
 * the function acknowledges a record once its events are published, or once
 * they are written, self-contained, to the retained failure queue (after the
 * retry window, or at once for a record that breaks the contract). The
 * mapping's own on-failure destination is the same queue, as a last resort.
 *
 * @example
 * const publisher = new StreamEventPublisher(this, 'Publisher', { table });
 */
class StreamEventPublisher extends Construct {
  /** The function. */
  public readonly function: lambda.Function;
  /** Its execution role. */
  public readonly role: iam.Role;
  /** The bus the events go to. */
  public readonly eventBus: events.IEventBus;
  /** On-failure destination of the stream event source mapping. */
  public readonly failureQueue: sqs.Queue;
  /** The key that encrypts the failure queue. */
  public readonly encryptionKey: kms.IKey;
  /** Fires as soon as a stream batch lands in the failure queue. */
  public readonly failureQueueAlarm: cloudwatch.Alarm;

  public constructor(scope: Construct, id: string, props: StreamEventPublisherProps) {
    super(scope, id);
    const batchSize = props.batchSize ?? 100;
    const retryWindow = props.retryWindow ?? Duration.hours(23);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
      throw new Error(`batchSize must be an integer in 1..10000, got ${batchSize}`);
    }
    if (retryWindow.toSeconds() < 60 || retryWindow.toSeconds() > MAX_RETRY_WINDOW_SECONDS) {
      throw new Error(
        `retryWindow must be between 60 seconds and 23 hours, got ${retryWindow.toHumanString()}`,
      );
    }
    if (!props.table.tableStreamArn) {
      throw new Error('The table must have a stream (NEW_AND_OLD_IMAGES)');
    }
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const failureQueueRemovalPolicy = props.failureQueueRemovalPolicy ?? RemovalPolicy.RETAIN;

    this.eventBus =
      props.eventBus ??
      new events.EventBus(this, 'EventBus', {
        description:
          'Document pipeline events (DocumentIngested, DocumentWithdrawn, DocumentPurged)',
      });
    this.encryptionKey =
      props.encryptionKey ??
      new kms.Key(this, 'Key', {
        description: 'Encrypts the stream-failure queue',
        enableKeyRotation: true,
        // A retained queue is unreadable without its key.
        removalPolicy: failureQueueRemovalPolicy,
      });
    this.failureQueue = new sqs.Queue(this, 'FailureQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: failureQueueRemovalPolicy,
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter destination: the on-failure ' +
        'destination of the table stream event source mapping.',
    });

    const bundled = new BundledFunction(this, 'Handler', {
      ...functionCode('publish-events', props.source),
      description: 'Document table stream -> document events on EventBridge',
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(30),
      serviceName: 'publish-events',
      metricsNamespace: props.metricsNamespace,
      logLevel: props.logLevel,
      logRetention: props.logRetention,
      tracing: props.tracing,
      removalPolicy,
      environment: {
        [EnvKeys.TABLE_NAME]: props.table.tableName,
        [EnvKeys.EVENT_BUS_NAME]: this.eventBus.eventBusName,
        [EnvKeys.EVENT_FAILURE_QUEUE_URL]: this.failureQueue.queueUrl,
        [EnvKeys.EVENT_RETRY_WINDOW_SECONDS]: String(retryWindow.toSeconds()),
      },
    });
    this.function = bundled.function;
    this.role = bundled.role;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PutDocumentEvents',
        actions: ['events:PutEvents'],
        resources: [this.eventBus.eventBusArn],
      }),
    );

    this.function.addEventSource(
      new sources.DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize,
        bisectBatchOnError: true,
        // Unbounded: the function itself gives up after the retry window,
        // writing what failed to the failure queue, before the stream forgets.
        retryAttempts: -1,
        reportBatchItemFailures: true,
        parallelizationFactor: 1,
        onFailure: this.failureDestination(),
        filters: documentChangeFilters(),
      }),
    );
    // CDK cannot express an unbounded record age (-1) as a Duration.
    const mapping = this.function.node.children.find(
      (child): child is lambda.EventSourceMapping => child instanceof lambda.EventSourceMapping,
    );
    (mapping?.node.defaultChild as lambda.CfnEventSourceMapping | undefined)?.addPropertyOverride(
      'MaximumRecordAgeInSeconds',
      -1,
    );
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams supports no resource-level permissions; CDK adds ' +
        'it with the stream read grant. Reading records is scoped to the stream ARN.',
    });

    this.failureQueueAlarm = queueNotEmptyAlarm(
      this,
      'FailureQueueAlarm',
      this.failureQueue,
      'Stream batches could not be published to EventBridge; events are missing. Inspect the failure queue.',
    );
    notifyTopic([this.failureQueueAlarm], props.alarmTopic);
  }

  /**
   * On-failure destination granting exactly what Lambda needs to send to an
   * SSE-KMS queue (`SqsDlq` would grant `kms:ReEncrypt*` and
   * `kms:GenerateDataKey*` too). The function's role gets the grants, and the
   * function itself writes its self-contained messages with them.
   */
  private failureDestination(): lambda.IEventSourceDlq {
    const queue = this.failureQueue;
    const key = this.encryptionKey;
    const role = this.role;
    return {
      bind: () => {
        role.addToPrincipalPolicy(
          new iam.PolicyStatement({
            sid: 'SendStreamFailures',
            actions: ['sqs:SendMessage'],
            resources: [queue.queueArn],
          }),
        );
        role.addToPrincipalPolicy(
          new iam.PolicyStatement({
            sid: 'EncryptStreamFailures',
            actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
            resources: [key.keyArn],
          }),
        );
        return { destination: queue.queueArn };
      },
    };
  }
}

export type { StreamEventPublisherProps };
export { StreamEventPublisher };
