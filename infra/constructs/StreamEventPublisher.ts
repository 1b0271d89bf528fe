import { fileURLToPath } from 'node:url';
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

const DEFAULT_ENTRY = fileURLToPath(
  new URL('../../functions/publish-events/handler.ts', import.meta.url),
);

/** Properties of {@link StreamEventPublisher}. */
interface StreamEventPublisherProps extends FunctionOperationsProps {
  /** The document table; its stream must be enabled. */
  readonly table: dynamodb.ITable;
  /**
   * Bus the `DocumentIngested` events go to.
   * @default a new custom event bus
   */
  readonly eventBus?: events.IEventBus;
  /**
   * Key that encrypts the stream-failure queue.
   * @default a new customer-managed key with rotation enabled
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Handler entry (TypeScript, exports `handler`).
   * @default functions/publish-events/handler.ts in this repository
   */
  readonly entry?: string;
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
   * Retries of a failing batch (after bisecting) before its records go to
   * the stream-failure queue (0 to 10000).
   * @default 3
   */
  readonly retryAttempts?: number;
  /**
   * Records older than this are not retried but sent to the stream-failure
   * queue (60 s to 7 days).
   * @default Duration.hours(1)
   */
  readonly maxRecordAge?: Duration;
  /**
   * Removal policy of the log group and a created key.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The `publish-events` Lambda function on the document table's stream. It
 * receives only INSERTs of `kind = "document"` items (event filtering), and
 * puts `DocumentIngested` events on the bus. Failing batches are bisected and
 * retried a bounded number of times; what still fails is described in the
 * stream-failure queue (the records themselves stay in the stream for 24 h).
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
    const retryAttempts = props.retryAttempts ?? 3;
    const maxRecordAge = props.maxRecordAge ?? Duration.hours(1);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
      throw new Error(`batchSize must be an integer in 1..10000, got ${batchSize}`);
    }
    if (!Number.isInteger(retryAttempts) || retryAttempts < 0 || retryAttempts > 10_000) {
      throw new Error(`retryAttempts must be an integer in 0..10000, got ${retryAttempts}`);
    }
    if (maxRecordAge.toSeconds() < 60 || maxRecordAge.toSeconds() > 604_800) {
      throw new Error(
        `maxRecordAge must be between 60 seconds and 7 days, got ${maxRecordAge.toHumanString()}`,
      );
    }
    if (!props.table.tableStreamArn) {
      throw new Error('The table must have a stream (NEW_AND_OLD_IMAGES)');
    }
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.eventBus =
      props.eventBus ??
      new events.EventBus(this, 'EventBus', {
        description: 'Document pipeline events (DocumentIngested)',
      });
    this.encryptionKey =
      props.encryptionKey ??
      new kms.Key(this, 'Key', {
        description: 'Encrypts the stream-failure queue',
        enableKeyRotation: true,
        removalPolicy,
      });
    this.failureQueue = new sqs.Queue(this, 'FailureQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter destination: the on-failure ' +
        'destination of the table stream event source mapping.',
    });

    const bundled = new BundledFunction(this, 'Handler', {
      entry: props.entry ?? DEFAULT_ENTRY,
      description: 'Document table stream -> DocumentIngested events on EventBridge',
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
        retryAttempts,
        maxRecordAge,
        reportBatchItemFailures: true,
        parallelizationFactor: 1,
        onFailure: this.failureDestination(),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: {
              NewImage: { kind: { S: lambda.FilterRule.isEqual(ItemKind.DOCUMENT) } },
            },
          }),
        ],
      }),
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
   * `kms:GenerateDataKey*` too).
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
