import { DocumentEvents, EnvKeys, TableKeys } from '@doc-ingest/contracts';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipelineStack, logicalIdOf } from './testApp.ts';

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
};
type PolicyResource = {
  Properties: {
    PolicyDocument: { Statement: Statement[] };
    Roles?: { Ref: string }[];
  };
};

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Allow statements of the identity policies attached to the role `roleId`. */
function statementsOfRole(template: Template, roleId: string): Statement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as PolicyResource[];
  return policies
    .filter((p) => p.Properties.Roles?.some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .filter((s) => s.Effect === 'Allow');
}

describe('Stack: IngestPipelineStack (defaults)', () => {
  let template: Template;
  let ids: Record<string, string>;

  beforeAll(() => {
    const { stack } = createPipelineStack();
    template = Template.fromStack(stack);
    const managed = stack.managedIngestBucket;
    if (managed === undefined) throw new Error('the default stack creates its ingest bucket');
    ids = {
      ingestBucket: logicalIdOf(managed.bucket),
      textBucket: logicalIdOf(stack.textBucket.bucket),
      logBucket: logicalIdOf(managed.accessLogsBucket),
      dataKey: logicalIdOf(stack.ingestBucket.encryptionKey as IConstruct),
      queueKey: logicalIdOf(stack.ingestQueue.encryptionKey),
      queue: logicalIdOf(stack.ingestQueue.queue),
      dlq: logicalIdOf(stack.ingestQueue.deadLetterQueue),
      failureQueue: logicalIdOf(stack.eventPublisher.failureQueue),
      table: logicalIdOf(stack.documentTable.table),
      nearIndexTable: logicalIdOf(stack.pipeline.nearIndexTable.table),
      bus: logicalIdOf(stack.eventPublisher.eventBus),
      ingestFn: logicalIdOf(stack.ingestFunction.function),
      publishFn: logicalIdOf(stack.eventPublisher.function),
      ingestRole: logicalIdOf(stack.ingestFunction.role),
      publishRole: logicalIdOf(stack.eventPublisher.role),
      alarmTopic: logicalIdOf(stack.alarmTopic),
      alarmTopicKey: logicalIdOf(stack.pipeline.node.findChild('AlarmTopic').node.findChild('Key')),
      dashboard: logicalIdOf(stack.monitoring.dashboard),
      backfill: logicalIdOf(stack.pipeline.jobs.backfillStateMachine),
      reclassify: logicalIdOf(stack.pipeline.jobs.reclassifyStateMachine),
      tableThrottlesAlarm: logicalIdOf(stack.monitoring.tableThrottlesAlarm),
      nearIndexThrottlesAlarm: logicalIdOf(
        stack.monitoring.nearIndexThrottlesAlarm as NonNullable<
          typeof stack.monitoring.nearIndexThrottlesAlarm
        >,
      ),
      systemErrorsAlarm: logicalIdOf(stack.monitoring.systemErrorsAlarm),
    };
  }, 60_000);

  describe('buckets', () => {
    it("creates the ingest, text, jobs' results and one shared access-log bucket", () => {
      template.resourceCountIs('AWS::S3::Bucket', 4);
    });

    it.each(['ingestBucket', 'textBucket'])(
      'locks down the %s: public access, KMS, versioning, access logs',
      (name) => {
        // Prepare
        const bucket = template.toJSON().Resources[ids[name] as string];

        // Assess
        expect(bucket.DeletionPolicy).toBe('Retain');
        expect(bucket.Properties).toMatchObject({
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              {
                BucketKeyEnabled: true,
                ServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID: { 'Fn::GetAtt': [ids.dataKey, 'Arn'] },
                },
              },
            ],
          },
          VersioningConfiguration: { Status: 'Enabled' },
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
          LoggingConfiguration: {
            DestinationBucketName: { Ref: ids.logBucket },
          },
        });
      },
    );

    it('keeps the access-log bucket private, SSE-S3 encrypted and expiring', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true }),
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ ExpirationInDays: 365, Status: 'Enabled' })],
        },
        LoggingConfiguration: Match.absent(),
      });
    });

    it.each(['ingestBucket', 'textBucket', 'logBucket'])(
      'denies non-TLS requests to the %s',
      (name) => {
        template.hasResourceProperties('AWS::S3::BucketPolicy', {
          Bucket: { Ref: ids[name] },
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: 's3:*',
                Principal: { AWS: '*' },
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      },
    );

    it('sends created, removed and expired notifications of the ingest bucket to the queue', () => {
      const toQueue = (event: string) => ({
        Events: [event],
        QueueArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
      });
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: ids.ingestBucket },
        NotificationConfiguration: {
          QueueConfigurations: [
            toQueue('s3:ObjectCreated:*'),
            toQueue('s3:ObjectRemoved:*'),
            toQueue('s3:LifecycleExpiration:*'),
          ],
        },
      });
      template.resourceCountIs('Custom::S3BucketNotifications', 1);
    });

    it('rotates the data, queue and alarm-topic keys', () => {
      template.resourceCountIs('AWS::KMS::Key', 3);
      template.allResourcesProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });
  });

  describe('queues', () => {
    it.each(['queue', 'dlq', 'failureQueue'])(
      'encrypts the %s with the queue key and denies non-TLS access',
      (name) => {
        template.hasResourceProperties('AWS::SQS::Queue', {
          KmsMasterKeyId: { 'Fn::GetAtt': [ids.queueKey, 'Arn'] },
        });
        expect(template.toJSON().Resources[ids[name] as string].Properties.KmsMasterKeyId).toEqual({
          'Fn::GetAtt': [ids.queueKey, 'Arn'],
        });
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: ids[name] }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      },
    );

    it('redrives to the DLQ after 5 receives and hides messages 6x the ingest timeout', () => {
      template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [ids.dlq, 'Arn'] },
          maxReceiveCount: 5,
        },
        VisibilityTimeout: 360,
      });
    });

    it('lets S3 send to the queue only from the ingest bucket of this account', () => {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: ids.queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Sid: 'AllowS3ObjectNotifications',
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
              Condition: {
                StringEquals: { 'aws:SourceAccount': '123456789012' },
                ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [ids.ingestBucket, 'Arn'] } },
              },
            },
          ]),
        },
      });
    });

    it('lets S3 use the queue key only for the ingest bucket of this account', () => {
      // Prepare
      const key = template.toJSON().Resources[ids.queueKey as string];
      const s3Statements = (key.Properties.KeyPolicy.Statement as Statement[]).filter((s) =>
        JSON.stringify(s.Principal).includes('s3.amazonaws.com'),
      );

      // Assess
      expect(s3Statements).toEqual([
        {
          Sid: 'AllowS3ToEncryptNotifications',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [ids.ingestBucket, 'Arn'] } },
          },
        },
      ]);
    });
  });

  describe('table', () => {
    it('keeps the near-duplicate index in a table of its own, without a stream (issue 12)', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', 2);
      const tables = Object.values(template.findResources('AWS::DynamoDB::Table'));
      const index = tables.find((table) => table.Properties.GlobalSecondaryIndexes === undefined);
      expect(index?.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      });
      expect(index?.Properties.StreamSpecification).toBeUndefined();
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({ [EnvKeys.NEAR_INDEX_TABLE_NAME]: Match.anyValue() }),
        },
      });
      template.hasOutput('NearIndexTableName', {});
    });

    it('is on-demand with PITR, a NEW_AND_OLD_IMAGES stream and gsi1', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: TableKeys.PARTITION_KEY, KeyType: 'HASH' },
          { AttributeName: TableKeys.SORT_KEY, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: TableKeys.PARTITION_KEY, AttributeType: 'S' },
          { AttributeName: TableKeys.SORT_KEY, AttributeType: 'S' },
          { AttributeName: TableKeys.GSI1_PARTITION_KEY, AttributeType: 'S' },
          { AttributeName: TableKeys.GSI1_SORT_KEY, AttributeType: 'S' },
        ]),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: [
          {
            IndexName: TableKeys.GSI1_NAME,
            KeySchema: [
              { AttributeName: TableKeys.GSI1_PARTITION_KEY, KeyType: 'HASH' },
              { AttributeName: TableKeys.GSI1_SORT_KEY, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        TimeToLiveSpecification: Match.absent(),
      });
    });

    it('is encrypted with the customer-managed key of the buckets', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [ids.dataKey, 'Arn'] },
        },
      });
    });

    it('is retained when removed from the stack', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
    });
  });

  describe('functions', () => {
    it('runs both functions on Node.js 24, arm64, with their own log groups', () => {
      for (const fn of [ids.ingestFn, ids.publishFn]) {
        const props = template.toJSON().Resources[fn as string].Properties;
        expect(props).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        });
      }
      // Theirs, the two job workers' and the two job state machines'.
      template.resourceCountIs('AWS::Logs::LogGroup', 6);
      template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    it('configures the ingest function (1024 MB, 60 s, env from EnvKeys)', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        MemorySize: 1024,
        Timeout: 60,
        Environment: {
          Variables: {
            [EnvKeys.TABLE_NAME]: { Ref: ids.table },
            [EnvKeys.TEXT_BUCKET_NAME]: { Ref: ids.textBucket },
            [EnvKeys.MAX_OBJECT_BYTES]: '1048576',
            [EnvKeys.INLINE_TEXT_MAX_BYTES]: '100000',
            [EnvKeys.MAX_RECEIVE_COUNT]: '5',
            POWERTOOLS_SERVICE_NAME: 'ingest',
            POWERTOOLS_METRICS_NAMESPACE: 'DocIngest',
            POWERTOOLS_LOG_LEVEL: 'INFO',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
    });

    it('configures the publish-events function (table, bus, failure queue, 23 h retry window)', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: {
            [EnvKeys.TABLE_NAME]: { Ref: ids.table },
            [EnvKeys.EVENT_BUS_NAME]: { Ref: ids.bus },
            [EnvKeys.EVENT_FAILURE_QUEUE_URL]: { Ref: ids.failureQueue },
            [EnvKeys.EVENT_RETRY_WINDOW_SECONDS]: '82800',
            POWERTOOLS_SERVICE_NAME: 'publish-events',
            POWERTOOLS_METRICS_NAMESPACE: 'DocIngest',
            POWERTOOLS_LOG_LEVEL: 'INFO',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
    });

    it('creates the roles without managed policies', () => {
      for (const roleId of [ids.ingestRole, ids.publishRole]) {
        const role = template.toJSON().Resources[roleId as string];
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('event source mappings', () => {
    it('feeds the ingest queue to the ingest function with partial batch responses', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
        FunctionName: { Ref: ids.ingestFn },
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 50 },
      });
    });

    it('feeds only document changes of the stream to publish-events, retrying without limit', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [ids.table, 'StreamArn'] },
        FunctionName: { Ref: ids.publishFn },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 100,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: -1,
        MaximumRecordAgeInSeconds: -1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [ids.failureQueue, 'Arn'] } },
        },
        FilterCriteria: {
          Filters: [
            {
              Pattern: JSON.stringify({
                eventName: ['INSERT'],
                dynamodb: { NewImage: { kind: { S: ['document'] } } },
              }),
            },
            {
              Pattern: JSON.stringify({
                eventName: ['MODIFY'],
                dynamodb: {
                  NewImage: { kind: { S: ['document'] }, withdrawnAt: { S: [{ exists: true }] } },
                },
              }),
            },
            {
              Pattern: JSON.stringify({
                eventName: ['MODIFY'],
                dynamodb: {
                  NewImage: {
                    kind: { S: ['document'] },
                    reclassifiedAt: { S: [{ exists: true }] },
                  },
                },
              }),
            },
            {
              Pattern: JSON.stringify({
                eventName: ['REMOVE'],
                dynamodb: { OldImage: { kind: { S: ['document'] } } },
              }),
            },
          ],
        },
      });
      template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    });
  });

  describe('IAM', () => {
    it('uses no wildcard actions in any identity policy', () => {
      // Prepare
      const policies = Object.values(
        template.findResources('AWS::IAM::Policy'),
      ) as PolicyResource[];
      const actions = policies
        .flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((s) => s.Effect === 'Allow')
        .flatMap((s) => asArray(s.Action));

      // Assess
      expect(policies.length).toBeGreaterThanOrEqual(3);
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    });

    it('scopes the ingest function to objects, the table and the keys it uses', () => {
      // Prepare
      const statements = statementsOfRole(template, ids.ingestRole as string);
      const byAction = (action: string) =>
        statements.filter((s) => asArray(s.Action).includes(action));

      // Assess
      expect(statements.some((s) => s.Resource === '*')).toBe(false);
      expect(byAction('s3:GetObject')[0]?.Resource).toEqual({
        'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.ingestBucket, 'Arn'] }, '/*']],
      });
      expect(byAction('s3:GetObjectVersion')).toHaveLength(1);
      expect(byAction('s3:ListBucket').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.ingestBucket, 'Arn'] },
      ]);
      expect(byAction('s3:PutObject')[0]?.Resource).toEqual({
        'Fn::Join': ['', [{ 'Fn::GetAtt': [ids.textBucket, 'Arn'] }, '/text/*']],
      });
      expect(byAction('s3:PutObject')).toHaveLength(1);
      for (const action of ['dynamodb:UpdateItem', 'dynamodb:Query']) {
        expect(byAction(action).map((s) => s.Resource)).toEqual([
          { 'Fn::GetAtt': [ids.table, 'Arn'] },
        ]);
      }
      // Band claims and their lookup go to the index table, documents to theirs.
      expect(byAction('dynamodb:PutItem').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.table, 'Arn'] },
        { 'Fn::GetAtt': [ids.nearIndexTable, 'Arn'] },
      ]);
      expect(byAction('dynamodb:BatchGetItem').map((s) => s.Resource)).toEqual([
        [{ 'Fn::GetAtt': [ids.table, 'Arn'] }, { 'Fn::GetAtt': [ids.nearIndexTable, 'Arn'] }],
      ]);
      // A claim that loses a band releases what it put: on the index only.
      expect(byAction('dynamodb:DeleteItem').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.nearIndexTable, 'Arn'] },
      ]);
      expect(byAction('dynamodb:Scan')).toEqual([]);
      expect(byAction('dynamodb:BatchWriteItem')).toEqual([]);
      expect(byAction('dynamodb:GetItem')).toEqual([]);
      expect(byAction('dynamodb:ConditionCheckItem')).toEqual([]);
      // Texts to the text bucket and items to the table: both under the data key.
      expect(byAction('kms:GenerateDataKey').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.dataKey, 'Arn'] },
        { 'Fn::GetAtt': [ids.dataKey, 'Arn'] },
      ]);
      expect(byAction('kms:Decrypt').map((s) => s.Resource)).toEqual(
        expect.arrayContaining([
          { 'Fn::GetAtt': [ids.dataKey, 'Arn'] },
          { 'Fn::GetAtt': [ids.queueKey, 'Arn'] },
        ]),
      );
      expect(byAction('kms:Encrypt').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.dataKey, 'Arn'] },
      ]);
      expect(byAction('sqs:ReceiveMessage').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.queue, 'Arn'] },
      ]);
      expect(byAction('events:PutEvents')).toEqual([]);
    });

    it('scopes publish-events to the bus, the stream and the failure queue', () => {
      // Prepare
      const statements = statementsOfRole(template, ids.publishRole as string);
      const byAction = (action: string) =>
        statements.filter((s) => asArray(s.Action).includes(action));

      // Assess
      expect(byAction('events:PutEvents').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.bus, 'Arn'] },
      ]);
      expect(byAction('dynamodb:GetRecords').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.table, 'StreamArn'] },
      ]);
      // The stream is encrypted with the table's key.
      expect(byAction('kms:Decrypt').map((s) => s.Resource)).toContainEqual({
        'Fn::GetAtt': [ids.dataKey, 'Arn'],
      });
      expect(byAction('sqs:SendMessage').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [ids.failureQueue, 'Arn'] },
      ]);
      // ListStreams has no resource-level permissions; nothing else may use "*".
      expect(
        statements.filter((s) => s.Resource === '*').flatMap((s) => asArray(s.Action)),
      ).toEqual(['dynamodb:ListStreams']);
      expect(byAction('dynamodb:PutItem')).toEqual([]);
      expect(byAction('s3:GetObject')).toEqual([]);
    });
  });

  describe('alarms', () => {
    const topicArn = () => ({ Ref: ids.alarmTopic });

    it.each([
      ['ingest DLQ', 'dlq', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible'],
      ['stream-failure queue', 'failureQueue', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible'],
    ])('alarms on any message in the %s', (_label, queue, namespace, metric) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: namespace,
        MetricName: metric,
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids[queue], 'QueueName'] } }],
        Statistic: 'Maximum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: [topicArn()],
      });
    });

    it.each([
      ['ingest', 'ingestFn'],
      ['publish-events', 'publishFn'],
    ])('alarms on %s function errors', (_label, fn) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids[fn] } }],
        Statistic: 'Sum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [topicArn()],
      });
    });

    it('alarms on the age of the oldest ingest message: 5 receives x 6 min + 15 min', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.queue, 'QueueName'] } }],
        Statistic: 'Maximum',
        Threshold: 5 * 360 + 900,
        AlarmActions: [topicArn()],
      });
    });

    it('alarms on the stream iterator age of publish-events (10 min)', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'IteratorAge',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids.publishFn } }],
        Statistic: 'Maximum',
        Threshold: 600_000,
        AlarmActions: [topicArn()],
      });
    });

    /** The metric-math query of an alarm: the expression and the metrics it sums. */
    const mathOf = (alarmId: string) => {
      const alarm = template.toJSON().Resources[alarmId];
      const metrics = alarm?.Properties.Metrics as {
        Expression?: unknown;
        MetricStat?: {
          Metric: { MetricName: string; Dimensions: { Name: string; Value: unknown }[] };
        };
      }[];
      return {
        properties: alarm?.Properties,
        expression: metrics.find((m) => m.Expression)?.Expression,
        stats: metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : [])),
      };
    };

    it('alarms on read and write throttles of the table and its index', () => {
      // Act
      const { properties, expression, stats } = mathOf(ids.tableThrottlesAlarm as string);

      // Assess
      expect(properties).toMatchObject({ Threshold: 0, AlarmActions: [topicArn()] });
      expect(expression).toMatch(/^FILL\(\w+, 0\)( \+ FILL\(\w+, 0\)){3}$/);
      expect(stats.map((m) => m.MetricName).sort()).toEqual([
        'ReadThrottleEvents',
        'ReadThrottleEvents',
        'WriteThrottleEvents',
        'WriteThrottleEvents',
      ]);
      expect(
        stats.filter((m) => m.Dimensions.some((d) => d.Name === 'GlobalSecondaryIndexName')),
      ).toHaveLength(2);
    });

    it('alarms on read and write throttles of the near-duplicate index, apart from the table', () => {
      // Act
      const { properties, expression, stats } = mathOf(ids.nearIndexThrottlesAlarm as string);

      // Assess
      expect(properties).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [topicArn()],
      });
      expect(expression).toBe('FILL(r0, 0) + FILL(w0, 0)');
      expect(stats.map((m) => [m.MetricName, m.Dimensions])).toEqual([
        ['ReadThrottleEvents', [{ Name: 'TableName', Value: { Ref: ids.nearIndexTable } }]],
        ['WriteThrottleEvents', [{ Name: 'TableName', Value: { Ref: ids.nearIndexTable } }]],
      ]);
    });

    it('alarms on DynamoDB system errors of both tables, over every operation', () => {
      // Act
      const { properties, expression, stats } = mathOf(ids.systemErrorsAlarm as string);

      // Assess: a Metrics Insights query, so no operation is left out.
      expect(properties).toMatchObject({ Threshold: 0, AlarmActions: [topicArn()] });
      expect(stats).toEqual([]);
      expect(expression).toEqual({
        'Fn::Join': [
          '',
          [
            `SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '`,
            { Ref: ids.table },
            "' OR TableName = '",
            { Ref: ids.nearIndexTable },
            "'",
          ],
        ],
      });
    });

    it.each([
      ['backfill', 'backfill'],
      ['reclassify', 'reclassify'],
    ])('alarms on %s executions that failed, timed out or were aborted', (_label, machine) => {
      // Prepare
      const [id] = Object.keys(
        template.findResources('AWS::CloudWatch::Alarm', {
          Properties: {
            Metrics: Match.arrayWith([
              Match.objectLike({
                MetricStat: Match.objectLike({
                  Metric: Match.objectLike({
                    Namespace: 'AWS/States',
                    Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: ids[machine] } }],
                  }),
                }),
              }),
            ]),
          },
        }),
      );

      // Act
      const { properties, expression, stats } = mathOf(id as string);

      // Assess
      expect(properties).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [topicArn()],
      });
      expect(expression).toBe('FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)');
      expect(stats.map((m) => m.MetricName)).toEqual([
        'ExecutionsFailed',
        'ExecutionsTimedOut',
        'ExecutionsAborted',
      ]);
    });

    it('has exactly these eleven alarms, each notifying the topic on alarm and on recovery', () => {
      // Prepare
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));

      // Assess
      expect(alarms).toHaveLength(11);
      for (const alarm of alarms) {
        expect(alarm.Properties.AlarmActions).toEqual([topicArn()]);
        expect(alarm.Properties.OKActions).toEqual([topicArn()]);
        expect(alarm.Properties.AlarmDescription).toEqual(expect.any(String));
      }
    });

    it('creates a KMS-encrypted, TLS-only topic CloudWatch may publish to', () => {
      template.hasResourceProperties('AWS::SNS::Topic', {
        KmsMasterKeyId: { 'Fn::GetAtt': [ids.alarmTopicKey, 'Arn'] },
      });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
            Match.objectLike({
              Effect: 'Allow',
              Action: 'sns:Publish',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
            }),
          ]),
        },
      });
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            }),
          ]),
        },
      });
      template.resourceCountIs('AWS::SNS::Subscription', 0);
    });
  });

  describe('event bus and outputs', () => {
    it('creates one custom event bus', () => {
      template.resourceCountIs('AWS::Events::EventBus', 1);
      expect(DocumentEvents.SOURCE).toBe('doc-ingest.documents');
    });

    it.each([
      ['BucketName', () => ({ Ref: ids.ingestBucket })],
      ['TextBucketName', () => ({ Ref: ids.textBucket })],
      ['TableName', () => ({ Ref: ids.table })],
      ['TableStreamArn', () => ({ 'Fn::GetAtt': [ids.table, 'StreamArn'] })],
      ['QueueUrl', () => ({ Ref: ids.queue })],
      ['DeadLetterQueueUrl', () => ({ Ref: ids.dlq })],
      ['StreamFailureQueueUrl', () => ({ Ref: ids.failureQueue })],
      ['EventBusName', () => ({ Ref: ids.bus })],
      ['AlarmTopicArn', () => ({ Ref: ids.alarmTopic })],
      ['DashboardName', () => ({ Ref: ids.dashboard })],
    ])('outputs %s', (name, value) => {
      template.hasOutput(name, { Value: value() });
    });
  });
});
