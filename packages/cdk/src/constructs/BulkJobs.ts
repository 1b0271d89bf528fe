import { EnvKeys, TEXT_OBJECT_PREFIX } from '@doc-ingest/contracts';
import { ArnFormat, Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { executionsUnsuccessfulAlarm, notifyTopic } from './alarms.ts';
import { BundledFunction } from './BundledFunction.ts';
import { builtInTaxonomyFile, bundledTaxonomy } from './bundledTaxonomy.ts';
import type { FunctionOperationsProps } from './FunctionOperationsProps.ts';
import { type FunctionSource, functionCode } from './functionCode.ts';
import { acknowledgeWildcardResource } from './nagFindings.ts';
import { BucketEncryptionMode, SecureBucket } from './SecureBucket.ts';

/** Where the map runs write their results in `resultsBucket`. */
const RESULTS_PREFIX = 'jobs/';

/** Step Functions runs at most 10,000 child workflows of a Distributed Map at once. */
const MAX_MAP_CONCURRENCY = 10_000;

/** Map labels: they name the map runs (`<execution>/<label>:<id>`). */
const BACKFILL_LABEL = 'Backfill';
const RECLASSIFY_LABEL = 'Reclassify';

/** Errors of a worker that no retry can fix (input the state machine should never send). */
const PERMANENT_ERRORS = ['JobInputError'];

/** Properties of {@link BulkJobs}. */
interface BulkJobsProps extends FunctionOperationsProps {
  /**
   * TypeScript sources to bundle the two workers from at synth.
   * @default the package's pre-bundled code
   */
  readonly sources?: {
    readonly backfillBatch?: FunctionSource;
    readonly reclassifySegment?: FunctionSource;
  };
  /**
   * The taxonomy file the ingest function classifies with (JSON or YAML); the
   * reclassify worker ships and uses the same one.
   * @default the built-in crime-and-security taxonomy
   */
  readonly taxonomyFile?: string;
  /** The bucket the backfill lists. */
  readonly ingestBucket: s3.IBucket;
  /** The queue the backfill sends notifications to. */
  readonly ingestQueue: sqs.IQueue;
  /** The document table the reclassify job scans and updates. */
  readonly table: dynamodb.ITable;
  /** Where large normalized texts are kept; the reclassify job reads them. */
  readonly textBucket: s3.IBucket;
  /**
   * Bucket for the server access logs of the jobs' results bucket.
   * @default a new log bucket
   */
  readonly accessLogsBucket?: s3.IBucket;
  /**
   * How long map-run results are kept.
   * @default Duration.days(30)
   */
  readonly resultsRetention?: Duration;
  /**
   * Child workflows of the backfill map at once (each sends one batch).
   * @default 100
   */
  readonly backfillConcurrency?: number;
  /**
   * Objects per backfill child workflow (one Lambda call, ten per
   * SendMessageBatch). 1 drops the ItemBatcher: each child gets one object
   * (costlier; LocalStack's community Step Functions has no ItemBatcher).
   * @default 100
   */
  readonly backfillBatchSize?: number;
  /**
   * Type of the backfill map's child workflows. Express is cheaper for a
   * short call; LocalStack's community Step Functions runs only Standard
   * children of a Distributed Map.
   * @default 'express'
   */
  readonly backfillChildWorkflows?: 'express' | 'standard';
  /**
   * Scan segments reclassified at once; the job's `totalSegments` may be larger.
   * @default 100
   */
  readonly reclassifyConcurrency?: number;
  /**
   * Memory of the reclassify worker in MB (it re-scores texts: CPU-bound).
   * @default 1024
   */
  readonly reclassifyMemorySize?: number;
  /**
   * Removal policy of the log groups.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const checkConcurrency = (name: string, value: number): number => {
  if (!Number.isInteger(value) || value < 1 || value > MAX_MAP_CONCURRENCY) {
    throw new Error(`${name} must be an integer in 1..${MAX_MAP_CONCURRENCY}, got ${value}`);
  }
  return value;
};

/**
 * The backfill and reclassify jobs as Step Functions Distributed Maps, so
 * they scale past one machine and survive one's loss:
 *
 * - **backfill**: an S3 ListObjectsV2 item reader over the ingest bucket
 *   (input `{ "prefix": "..." }`), batches of keys to the `backfill-batch`
 *   function, which enqueues one S3-shaped notification per object.
 * - **reclassify**: `States.ArrayRange` makes the segment numbers
 *   0..totalSegments-1 (input `{ "totalSegments": n, "dryRun": bool }`, n at
 *   most 1000); each child workflow calls `reclassify-segment` until its
 *   parallel-scan segment is done.
 *
 * Both are idempotent (ingestion of a recorded object writes nothing;
 * reclassification skips documents at the current taxonomy and updates
 * conditionally), so a failed execution is resumed with RedriveExecution,
 * which reruns only the failed child workflows.
 * An alarm per job fires when an execution fails, times out or is aborted
 * (docs/OPERATIONS.md, alarms 10 and 11).
 *
 * @example
 * const jobs = new BulkJobs(this, 'Jobs', { ingestBucket, ingestQueue, table, textBucket });
 */
class BulkJobs extends Construct {
  /** `ingest backfill` starts this. */
  public readonly backfillStateMachine: sfn.StateMachine;
  /** `ingest reclassify` starts this. */
  public readonly reclassifyStateMachine: sfn.StateMachine;
  /** The worker that enqueues one batch of listed objects. */
  public readonly backfillFunction: BundledFunction;
  /** The worker that reclassifies one round of one scan segment. */
  public readonly reclassifyFunction: BundledFunction;
  /**
   * Where the map runs write their results (under `jobs/`). Without a
   * ResultWriter a map returns its results in its output, capped at 256 KiB:
   * far less than a large job's. A bucket of its own, so that the state
   * machines may write there and nowhere else.
   */
  public readonly resultsBucket: SecureBucket;
  /** Fires when a backfill execution fails, times out or is aborted. */
  public readonly backfillFailedAlarm: cloudwatch.Alarm;
  /** Fires when a reclassify execution fails, times out or is aborted. */
  public readonly reclassifyFailedAlarm: cloudwatch.Alarm;

  public constructor(scope: Construct, id: string, props: BulkJobsProps) {
    super(scope, id);
    // DistributedMap renders `resultWriterV2` only under this feature flag and
    // the deprecated `resultWriter` otherwise. Set here, before any child, so
    // the jobs do not depend on the flags of the app that uses the construct.
    // Without a WriterConfig, V2 renders the same ResultWriter ASL as V1.
    this.node.setContext(cxapi.STEPFUNCTIONS_USE_DISTRIBUTED_MAP_RESULT_WRITER_V2, true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const backfillConcurrency = checkConcurrency(
      'backfillConcurrency',
      props.backfillConcurrency ?? 100,
    );
    const reclassifyConcurrency = checkConcurrency(
      'reclassifyConcurrency',
      props.reclassifyConcurrency ?? 100,
    );
    const batchSize = props.backfillBatchSize ?? 100;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
      throw new Error(`backfillBatchSize must be an integer in 1..1000, got ${batchSize}`);
    }
    this.resultsBucket = new SecureBucket(this, 'Results', {
      // Counts, keys of failed batches and segment numbers: no document content.
      encryption: BucketEncryptionMode.S3_MANAGED,
      versioned: false,
      serverAccessLogsBucket: props.accessLogsBucket,
      removalPolicy,
    });
    this.resultsBucket.bucket.addLifecycleRule({
      expiration: props.resultsRetention ?? Duration.days(30),
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    });
    const operations = {
      logLevel: props.logLevel,
      logRetention: props.logRetention,
      metricsNamespace: props.metricsNamespace,
      tracing: props.tracing,
      removalPolicy,
    };

    this.backfillFunction = new BundledFunction(this, 'BackfillBatch', {
      ...functionCode('backfill-batch', props.sources?.backfillBatch),
      description: 'Backfill job: a batch of listed objects -> notifications on the ingest queue',
      memorySize: 256,
      timeout: Duration.seconds(60),
      serviceName: 'backfill-batch',
      environment: {
        [EnvKeys.INGEST_BUCKET_NAME]: props.ingestBucket.bucketName,
        [EnvKeys.INGEST_QUEUE_URL]: props.ingestQueue.queueUrl,
      },
      ...operations,
    });
    this.grantBackfill(props);

    // Always a file: the functions' bundles carry no taxonomy of their own.
    const taxonomy = bundledTaxonomy(props.taxonomyFile ?? builtInTaxonomyFile());
    this.reclassifyFunction = new BundledFunction(this, 'ReclassifySegment', {
      ...functionCode('reclassify-segment', props.sources?.reclassifySegment),
      extraFiles: { [taxonomy.name]: taxonomy.path },
      description: "Reclassify job: one parallel-scan segment -> this release's taxonomy",
      memorySize: props.reclassifyMemorySize ?? 1024,
      // Long rounds amortise cold starts; the handler stops a minute before.
      timeout: Duration.minutes(15),
      serviceName: 'reclassify-segment',
      environment: {
        [EnvKeys.TABLE_NAME]: props.table.tableName,
        [EnvKeys.TAXONOMY_FILE]: taxonomy.name,
        // Validated at synth (bundledTaxonomy): the function need not validate it again.
        [EnvKeys.TAXONOMY_SHA256]: taxonomy.sha256,
      },
      ...operations,
    });
    this.grantReclassify(props);

    this.backfillStateMachine = this.stateMachine('Backfill', props, {
      comment: 'ingest backfill: every object under a prefix -> a notification on the ingest queue',
      map: this.backfillMap(props, backfillConcurrency, batchSize),
      label: BACKFILL_LABEL,
      worker: this.backfillFunction,
    });
    this.reclassifyStateMachine = this.stateMachine('Reclassify', props, {
      comment: "ingest reclassify: every document -> this release's taxonomy",
      map: this.reclassifyMap(reclassifyConcurrency),
      label: RECLASSIFY_LABEL,
      worker: this.reclassifyFunction,
      before: new sfn.Pass(this, 'SegmentNumbers', {
        comment: 'One item per parallel-scan segment: 0..totalSegments-1',
        parameters: {
          'segments.$': 'States.ArrayRange(0, States.MathAdd($.totalSegments, -1), 1)',
          'totalSegments.$': '$.totalSegments',
          'dryRun.$': '$.dryRun',
        },
      }),
    });
    this.backfillFailedAlarm = executionsUnsuccessfulAlarm(
      this,
      'BackfillFailedAlarm',
      this.backfillStateMachine,
      'A backfill job ended without success (failed, timed out or aborted): objects of its ' +
        'prefix may not have been enqueued. Resume with ingest backfill --redrive <execution-arn>.',
    );
    this.reclassifyFailedAlarm = executionsUnsuccessfulAlarm(
      this,
      'ReclassifyFailedAlarm',
      this.reclassifyStateMachine,
      'A reclassify job ended without success (failed, timed out or aborted): some documents ' +
        'keep their old topics. Resume with ingest reclassify --redrive <execution-arn>.',
    );
    notifyTopic([this.backfillFailedAlarm, this.reclassifyFailedAlarm], props.alarmTopic);
  }

  /** SendMessage on the ingest queue and its key; nothing else (the listing is the state machine's). */
  private grantBackfill(props: BulkJobsProps): void {
    const role = this.backfillFunction.role;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'EnqueueNotifications',
        actions: ['sqs:SendMessage'],
        resources: [props.ingestQueue.queueArn],
      }),
    );
    const queueKey = props.ingestQueue.encryptionMasterKey;
    if (queueKey !== undefined) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'EncryptNotifications',
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [queueKey.keyArn],
        }),
      );
    }
  }

  /** Scan, and the item actions of a conditional topic update; read stored texts. */
  private grantReclassify(props: BulkJobsProps): void {
    const { table, textBucket } = props;
    const role = this.reclassifyFunction.role;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ScanDocuments',
        actions: ['dynamodb:Scan'],
        resources: [table.tableArn],
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'UpdateDocumentTopics',
        // TransactWriteItems is authorized per item action: update the document,
        // put the topics it gained, delete those it lost.
        actions: ['dynamodb:UpdateItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [table.tableArn],
      }),
    );
    const textObjects = textBucket.arnForObjects(`${TEXT_OBJECT_PREFIX}*`);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadStoredTexts',
        actions: ['s3:GetObject'],
        resources: [textObjects],
      }),
    );
    acknowledgeWildcardResource(
      role,
      textObjects,
      'Stored texts are text/<contentHash>.txt, named by hashes known only at run ' +
        'time; GetObject only, under the text/ prefix.',
    );
    const keys: [string, iam.PolicyStatement][] = [];
    if (table.encryptionKey !== undefined) {
      keys.push([
        'table',
        new iam.PolicyStatement({
          sid: 'UseTableKey',
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
          resources: [table.encryptionKey.keyArn],
        }),
      ]);
    }
    if (textBucket.encryptionKey !== undefined) {
      keys.push([
        'text',
        new iam.PolicyStatement({
          sid: 'DecryptStoredTexts',
          actions: ['kms:Decrypt'],
          resources: [textBucket.encryptionKey.keyArn],
        }),
      ]);
    }
    for (const [, statement] of keys) role.addToPrincipalPolicy(statement);
  }

  private backfillMap(props: BulkJobsProps, concurrency: number, batchSize: number) {
    const enqueue = new tasks.LambdaInvoke(this, 'EnqueueBatch', {
      lambdaFunction: this.backfillFunction.function,
      payloadResponseOnly: true,
      // The counts live in the function's logs; the map keeps only success or failure.
      resultSelector: { 'enqueued.$': '$.enqueued' },
    });
    enqueue.addRetry({ errors: PERMANENT_ERRORS, maxAttempts: 0 });
    enqueue.addRetry({
      errors: [sfn.Errors.ALL],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 6,
      jitterStrategy: sfn.JitterType.FULL,
    });
    const map = new sfn.DistributedMap(this, 'ListAndEnqueue', {
      comment: 'S3 listing of the bucket under $.prefix, in batches',
      itemReader: new sfn.S3ObjectsItemReader({
        bucket: props.ingestBucket,
        prefix: sfn.JsonPath.stringAt('$.prefix'),
      }),
      // Batch size 1 means no batcher: one object per child (what LocalStack runs).
      ...(batchSize === 1
        ? {}
        : { itemBatcher: new sfn.ItemBatcher({ maxItemsPerBatch: batchSize }) }),
      maxConcurrency: concurrency,
      // Enqueuing is short and has no loop: the cheaper Express children suffice.
      mapExecutionType:
        props.backfillChildWorkflows === 'standard'
          ? sfn.StateMachineType.STANDARD
          : sfn.StateMachineType.EXPRESS,
      resultWriterV2: new sfn.ResultWriterV2({
        bucket: this.resultsBucket.bucket,
        prefix: `${RESULTS_PREFIX}backfill`,
      }),
      label: BACKFILL_LABEL,
    });
    map.itemProcessor(enqueue);
    return map;
  }

  private reclassifyMap(concurrency: number) {
    const round = new tasks.LambdaInvoke(this, 'ReclassifyRound', {
      lambdaFunction: this.reclassifyFunction.function,
      payloadResponseOnly: true,
    });
    round.addRetry({ errors: PERMANENT_ERRORS, maxAttempts: 0 });
    round.addRetry({
      errors: [sfn.Errors.ALL],
      interval: Duration.seconds(5),
      backoffRate: 2,
      maxAttempts: 6,
      jitterStrategy: sfn.JitterType.FULL,
    });
    const finished = new sfn.Choice(this, 'SegmentDone')
      .when(sfn.Condition.booleanEquals('$.done', true), new sfn.Succeed(this, 'Segment finished'))
      .otherwise(round);
    const map = new sfn.DistributedMap(this, 'ReclassifySegments', {
      comment: 'One child workflow per scan segment, looping until the segment is done',
      itemsPath: '$.segments',
      itemSelector: {
        'segment.$': '$$.Map.Item.Value',
        'totalSegments.$': '$.totalSegments',
        'dryRun.$': '$.dryRun',
      },
      maxConcurrency: concurrency,
      // A segment may take many 15-minute rounds: longer than an Express workflow may run.
      mapExecutionType: sfn.StateMachineType.STANDARD,
      resultWriterV2: new sfn.ResultWriterV2({
        bucket: this.resultsBucket.bucket,
        prefix: `${RESULTS_PREFIX}reclassify`,
      }),
      label: RECLASSIFY_LABEL,
    });
    map.itemProcessor(round.next(finished));
    return map;
  }

  private stateMachine(
    id: string,
    props: BulkJobsProps,
    parts: {
      comment: string;
      map: sfn.DistributedMap;
      /** The map's label: redrive permissions name it. */
      label: string;
      worker: BundledFunction;
      before?: sfn.Pass;
    },
  ): sfn.StateMachine {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const definition = parts.before === undefined ? parts.map : parts.before.next(parts.map);
    const machine = new sfn.StateMachine(this, id, {
      comment: parts.comment,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      stateMachineType: sfn.StateMachineType.STANDARD,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: props.tracing === true,
    });
    this.acknowledgeStepFunctionsGrants(machine, parts.worker, parts.label);
    if (props.tracing !== true) {
      Validations.of(machine).acknowledge({
        id: 'AwsSolutions-SF2',
        reason: "X-Ray tracing follows the stack's `tracing` setting, like the functions'.",
      });
    }
    return machine;
  }

  /** Wildcards that Step Functions' own grants carry, each with why it cannot be narrower. */
  private acknowledgeStepFunctionsGrants(
    machine: sfn.StateMachine,
    worker: BundledFunction,
    label: string,
  ): void {
    const stack = Stack.of(machine);
    const name = stack.splitArn(
      machine.stateMachineArn,
      ArnFormat.COLON_RESOURCE_NAME,
    ).resourceName;
    const executions = (suffix: string) =>
      stack.formatArn({
        service: 'states',
        resource: 'execution',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        resourceName: `${name}${suffix}`,
      });
    const findings: [string, string][] = [
      [
        `${worker.function.functionArn}:*`,
        'Step Functions invokes the worker by ARN; CDK also allows its versions and ' +
          'aliases (<arn>:*). One function only.',
      ],
      [
        '*',
        'Log delivery to CloudWatch Logs (logs:CreateLogDelivery and friends) supports ' +
          'no resource-level permissions; these are the actions Step Functions logging requires.',
      ],
      [
        // How the ResultWriter grant names the objects (by bucket name, not ARN).
        `arn:${Aws.PARTITION}:s3:::${this.resultsBucket.bucket.bucketName}/*`,
        "The map's ResultWriter writes result files with run ids in their keys to the " +
          "jobs' own results bucket, which holds nothing else.",
      ],
      [
        executions(':*'),
        'A Distributed Map describes and stops the child executions of this state ' +
          'machine only, named at run time.',
      ],
      [
        executions(`/${label}:*`),
        "A Distributed Map redrives its own map runs (this state machine's only), named at run time.",
      ],
    ];
    for (const [resource, reason] of findings) {
      acknowledgeWildcardResource(machine, resource, reason);
    }
  }
}

export type { BulkJobsProps };
export { BulkJobs, RESULTS_PREFIX };
