import { EnvKeys, TEXT_OBJECT_PREFIX } from '@doc-ingest/contracts';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { notifyTopic, queueNotEmptyAlarm } from './alarms.ts';
import { BundledFunction } from './BundledFunction.ts';
import { builtInTaxonomyFile, bundledTaxonomy } from './bundledTaxonomy.ts';
import type { EncryptedQueueWithDlq } from './EncryptedQueueWithDlq.ts';
import type { FunctionOperationsProps } from './FunctionOperationsProps.ts';
import { type FunctionSource, functionCode } from './functionCode.ts';
import { acknowledgeWildcardResource } from './nagFindings.ts';

/** AWS guidance: queue visibility timeout >= 6x the consumer's timeout. */
const VISIBILITY_TIMEOUT_FACTOR = 6;
/** Concurrent invocations from the ingest queue unless configured. */
const DEFAULT_MAX_CONCURRENCY = 50;
/** DynamoDB items are at most 400 KB, keys and other attributes included. */
const MAX_INLINE_TEXT_BYTES = 350_000;

/** Properties of {@link IngestFunction}. */
interface IngestFunctionProps extends FunctionOperationsProps {
  /** The queue of S3 notifications to consume, with its DLQ. */
  readonly queue: EncryptedQueueWithDlq;
  /** The document table the function writes to. */
  readonly table: dynamodb.ITable;
  /** The near-duplicate index table (band owners), kept off the document stream. */
  readonly nearIndexTable: dynamodb.ITable;
  /** The bucket the S3 notifications come from; objects are read from it. */
  readonly ingestBucket: s3.IBucket;
  /** The bucket that stores normalized texts under `text/`. */
  readonly textBucket: s3.IBucket;
  /**
   * TypeScript source to bundle the handler from at synth.
   * @default the package's pre-bundled `ingest` function (dist/lambda/ingest/)
   */
  readonly source?: FunctionSource;
  /**
   * Memory in MB.
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Function timeout. The queue's visibility timeout must be at least 6x
   * this, or the constructor throws.
   * @default Duration.seconds(60)
   */
  readonly timeout?: Duration;
  /**
   * Objects larger than this are rejected unread (`MAX_OBJECT_BYTES`).
   * @default 1_048_576 (1 MiB)
   */
  readonly maxObjectBytes?: number;
  /**
   * Normalized texts up to this size are stored inline in the table; larger
   * ones go to the text bucket (`INLINE_TEXT_MAX_BYTES`). At most 350 000.
   * @default 100_000
   */
  readonly inlineTextMaxBytes?: number;
  /**
   * Score (0..1) a topic needs to be recorded.
   * @default 0.45, the classifier's own default
   */
  readonly topicThreshold?: number;
  /**
   * A taxonomy file (JSON or YAML), validated at synth and shipped in the
   * function's code as `taxonomy.json`, read at cold start.
   * @default the built-in crime-and-security taxonomy
   */
  readonly taxonomyFile?: string;
  /**
   * Records per invocation (1 to 10).
   * @default 10
   */
  readonly batchSize?: number;
  /**
   * How long Lambda gathers records before invoking.
   * @default Duration.seconds(1)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Cap on concurrent invocations from the queue (2 to 1000): a burst of
   * uploads cannot take the account's whole Lambda concurrency.
   * @default 50
   */
  readonly maxConcurrency?: number;
  /**
   * Removal policy of the log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${value}`);
  }
}

/**
 * The `ingest` Lambda function wired to the ingest queue (partial batch
 * responses on), with least-privilege access to the buckets, the table and
 * their keys, and alarms on the DLQ depth and the function errors.
 *
 * @example
 * const ingest = new IngestFunction(this, 'Ingest', {
 *   queue, table, ingestBucket, textBucket,
 * });
 */
class IngestFunction extends Construct {
  /** The function. */
  public readonly function: lambda.Function;
  /** Its execution role. */
  public readonly role: iam.Role;
  /** The queue -> function event source mapping. */
  public readonly eventSourceMappingId: string;
  /** Fires as soon as a message sits in the ingest DLQ. */
  public readonly deadLetterQueueAlarm: cloudwatch.Alarm;
  /** Fires when an invocation fails as a whole (not a per-record failure). */
  public readonly errorsAlarm: cloudwatch.Alarm;

  public constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(60);
    const maxObjectBytes = props.maxObjectBytes ?? 1_048_576;
    const inlineTextMaxBytes = props.inlineTextMaxBytes ?? 100_000;
    const batchSize = props.batchSize ?? 10;
    assertPositiveInteger('maxObjectBytes', maxObjectBytes);
    assertPositiveInteger('inlineTextMaxBytes', inlineTextMaxBytes);
    if (inlineTextMaxBytes > MAX_INLINE_TEXT_BYTES) {
      throw new Error(
        `inlineTextMaxBytes must be at most ${MAX_INLINE_TEXT_BYTES} (DynamoDB item limit), got ${inlineTextMaxBytes}`,
      );
    }
    const { topicThreshold } = props;
    if (topicThreshold !== undefined && !(topicThreshold >= 0 && topicThreshold <= 1)) {
      throw new Error(`topicThreshold must be in 0..1, got ${topicThreshold}`);
    }
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10) {
      throw new Error(`batchSize must be an integer in 1..10, got ${batchSize}`);
    }
    const maxConcurrency = props.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 2 || maxConcurrency > 1000) {
      throw new Error(`maxConcurrency must be an integer in 2..1000, got ${maxConcurrency}`);
    }
    const minVisibility = VISIBILITY_TIMEOUT_FACTOR * timeout.toSeconds();
    if (props.queue.visibilityTimeout.toSeconds() < minVisibility) {
      throw new Error(
        `The queue visibility timeout (${props.queue.visibilityTimeout.toSeconds()} s) ` +
          `must be at least ${VISIBILITY_TIMEOUT_FACTOR}x the function timeout ` +
          `(${timeout.toSeconds()} s), i.e. >= ${minVisibility} s`,
      );
    }

    // Always a file: the functions' bundles carry no taxonomy of their own.
    const taxonomy = bundledTaxonomy(props.taxonomyFile ?? builtInTaxonomyFile());
    const bundled = new BundledFunction(this, 'Handler', {
      ...functionCode('ingest', props.source),
      description: 'S3 notifications from SQS -> decode, normalize, dedupe -> DynamoDB',
      memorySize: props.memorySize ?? 1024,
      timeout,
      serviceName: 'ingest',
      metricsNamespace: props.metricsNamespace,
      logLevel: props.logLevel,
      logRetention: props.logRetention,
      tracing: props.tracing,
      removalPolicy: props.removalPolicy,
      extraFiles: { [taxonomy.name]: taxonomy.path },
      environment: {
        [EnvKeys.TABLE_NAME]: props.table.tableName,
        [EnvKeys.NEAR_INDEX_TABLE_NAME]: props.nearIndexTable.tableName,
        [EnvKeys.TEXT_BUCKET_NAME]: props.textBucket.bucketName,
        [EnvKeys.MAX_OBJECT_BYTES]: String(maxObjectBytes),
        [EnvKeys.INLINE_TEXT_MAX_BYTES]: String(inlineTextMaxBytes),
        ...(topicThreshold === undefined
          ? {}
          : { [EnvKeys.TOPIC_THRESHOLD]: String(topicThreshold) }),
        [EnvKeys.TAXONOMY_FILE]: taxonomy.name,
        // Validated at synth (bundledTaxonomy): the function need not validate it again.
        [EnvKeys.TAXONOMY_SHA256]: taxonomy.sha256,
        // On that receive an unreadable object gets its `unreadable` record.
        [EnvKeys.MAX_RECEIVE_COUNT]: String(props.queue.maxReceiveCount),
      },
    });
    this.function = bundled.function;
    this.role = bundled.role;
    this.grantAccess(props);

    const eventSource = new sources.SqsEventSource(props.queue.queue, {
      batchSize,
      maxBatchingWindow: props.maxBatchingWindow ?? Duration.seconds(1),
      reportBatchItemFailures: true,
      maxConcurrency,
    });
    this.function.addEventSource(eventSource);
    this.eventSourceMappingId = eventSource.eventSourceMappingId;

    this.deadLetterQueueAlarm = queueNotEmptyAlarm(
      this,
      'DeadLetterQueueAlarm',
      props.queue.deadLetterQueue,
      'Ingest notifications failed maxReceiveCount times and sit in the DLQ; inspect and redrive.',
    );
    this.errorsAlarm = new cloudwatch.Alarm(this, 'ErrorsAlarm', {
      alarmDescription:
        'The ingest function failed whole invocations (crash, timeout, out of memory).',
      metric: this.function.metricErrors({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.SUM,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    notifyTopic([this.deadLetterQueueAlarm, this.errorsAlarm], props.alarmTopic);
  }

  /** Item-level and object-level grants only; queue access comes with the event source. */
  private grantAccess(props: IngestFunctionProps): void {
    const { ingestBucket, textBucket, table, nearIndexTable } = props;
    const ingestObjects = ingestBucket.arnForObjects('*');
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadIngestObjects',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [ingestObjects],
      }),
    );
    acknowledgeWildcardResource(
      this.role,
      ingestObjects,
      'Object keys are chosen by uploaders, so reading any uploaded object needs ' +
        '<ingest bucket>/*. Only GetObject/GetObjectVersion, no wildcard actions.',
    );
    // Without ListBucket, S3 answers 403 instead of 404 for a deleted object,
    // and a vanished object could not be told apart from a permission fault.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'TellMissingObjects',
        actions: ['s3:ListBucket'],
        resources: [ingestBucket.bucketArn],
      }),
    );
    const textObjects = textBucket.arnForObjects(`${TEXT_OBJECT_PREFIX}*`);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteNormalizedTexts',
        actions: ['s3:PutObject'],
        resources: [textObjects],
      }),
    );
    acknowledgeWildcardResource(
      this.role,
      textObjects,
      'Texts are stored as text/<contentHash>.txt with a hash known only at run ' +
        'time; PutObject is limited to the text/ prefix of the text bucket.',
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteDocumentItems',
        // A document, its topics and its first source are conditional puts, a
        // rejection one more; a duplicate source is a transaction (authorized
        // per item action) that puts it and updates its document's counts.
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FindNearDuplicates',
        // A BatchGetItem of the document and one of its band owners; the
        // tables only, no index.
        actions: ['dynamodb:BatchGetItem'],
        resources: [table.tableArn, nearIndexTable.tableArn],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ClaimNearDuplicateBands',
        // Band claims are conditional puts, one per band, on the index only; a
        // claim that loses a band deletes (conditionally) what it had put.
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [nearIndexTable.tableArn],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'FindSourcesOfRemovedObjects',
        // A removed object's sources share one partition key, as do those a
        // redelivery checks before repairing a first source; the table only.
        actions: ['dynamodb:Query'],
        resources: [table.tableArn],
      }),
    );
    if (ingestBucket.encryptionKey) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'DecryptIngestObjects',
          actions: ['kms:Decrypt'],
          resources: [ingestBucket.encryptionKey.keyArn],
        }),
      );
    }
    if (textBucket.encryptionKey) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'EncryptNormalizedTexts',
          actions: ['kms:GenerateDataKey'],
          resources: [textBucket.encryptionKey.keyArn],
        }),
      );
    }
    const tableKeys = [
      ...new Set(
        [table.encryptionKey, nearIndexTable.encryptionKey].flatMap((key) =>
          key === undefined ? [] : [key.keyArn],
        ),
      ),
    ];
    if (tableKeys.length > 0) {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'UseTableKey',
          // What CDK's table read/write grant gives on the key, minus its
          // wildcard actions (ReEncrypt*, GenerateDataKey*) that nothing here uses.
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
          resources: tableKeys,
        }),
      );
    }
  }
}

export type { IngestFunctionProps };
export { IngestFunction };
