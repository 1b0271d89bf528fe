import { BucketEncryptionMode } from '@doc-ingest/cdk';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IngestPipelineStack } from '../../infra/stacks/IngestPipelineStack.ts';
import { createApp, createPipelineStack, logicalIdOf, synthPipeline, TEST_ENV } from './testApp.ts';

describe('Stack: IngestPipelineStack (overridden props)', () => {
  let template: Template;
  let topicTemplate: Template;
  let topicId: string;

  beforeAll(() => {
    // Prepare: one synth with every override, to keep the suite fast.
    const app = createApp();
    const stack = new IngestPipelineStack(app, 'CustomPipeline', {
      env: TEST_ENV,
      removalPolicy: RemovalPolicy.DESTROY,
      ingestPrefix: 'incoming/',
      ingestSuffix: '.txt',
      bucketEncryption: BucketEncryptionMode.S3_MANAGED,
      maxReceiveCount: 3,
      ingestTimeout: Duration.seconds(120),
      ingestMemorySize: 2048,
      ingestMaxConcurrency: 5,
      maxObjectBytes: 2_097_152,
      inlineTextMaxBytes: 50_000,
      publishRetryWindow: Duration.hours(2),
      failureQueuesRemovalPolicy: RemovalPolicy.DESTROY,
      logRetention: logs.RetentionDays.ONE_WEEK,
      logLevel: 'DEBUG',
      metricsNamespace: 'DocIngestTest',
      tracing: true,
    });
    // A topic in another stack of the same app, as an operator would import one.
    const topicStack = new Stack(app, 'Topics', { env: TEST_ENV });
    const topic = new sns.Topic(topicStack, 'AlarmTopic', { enforceSSL: true });
    const withTopic = new IngestPipelineStack(app, 'WithTopic', {
      env: TEST_ENV,
      alarmTopic: topic,
    });
    template = Template.fromStack(stack);
    topicId = logicalIdOf(topic);
    topicTemplate = Template.fromStack(withTopic);
  }, 60_000);

  it('filters created, removed and expired notifications alike by prefix and suffix', () => {
    const filtered = (event: string) =>
      Match.objectLike({
        Events: [event],
        Filter: {
          Key: {
            FilterRules: [
              { Name: 'suffix', Value: '.txt' },
              { Name: 'prefix', Value: 'incoming/' },
            ],
          },
        },
      });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          filtered('s3:ObjectCreated:*'),
          filtered('s3:ObjectRemoved:*'),
          filtered('s3:LifecycleExpiration:*'),
        ],
      },
    });
  });

  it('uses S3-managed encryption for the buckets; keys only for the table, the queues and the alarm topic', () => {
    template.resourceCountIs('AWS::KMS::Key', 3);
    template.allResourcesProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
        ],
      },
    });
  });

  it('empties and deletes the buckets and unprotects the table in DESTROY mode', () => {
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    // Ingest, text and the jobs' results bucket, and the shared access-log bucket.
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 4);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('applies maxReceiveCount and derives the visibility timeout (6 x 120 s)', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }),
      VisibilityTimeout: 720,
    });
  });

  it('passes function settings through', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 2048,
      Timeout: 120,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: Match.objectLike({
          MAX_OBJECT_BYTES: '2097152',
          INLINE_TEXT_MAX_BYTES: '50000',
          // The function records unreadable objects on the queue's last receive.
          MAX_RECEIVE_COUNT: '3',
          POWERTOOLS_LOG_LEVEL: 'DEBUG',
          POWERTOOLS_METRICS_NAMESPACE: 'DocIngestTest',
        }),
      },
    });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ EVENT_RETRY_WINDOW_SECONDS: '7200' }) },
    });
  });

  it('deletes the failure queues and their key when told to', () => {
    template.allResources('AWS::SQS::Queue', { DeletionPolicy: 'Delete' });
  });

  it('still encrypts the table with a customer-managed key when the buckets use SSE-S3', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
  });

  it('sends alarm and OK notifications to the alarm topic', () => {
    const alarms = topicTemplate.findResources('AWS::CloudWatch::Alarm');
    expect(Object.keys(alarms)).toHaveLength(11);
    topicTemplate.resourceCountIs('AWS::SNS::Topic', 0);
    for (const alarm of Object.values(alarms)) {
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain(topicId);
      expect(JSON.stringify(alarm.Properties.OKActions)).toContain(topicId);
    }
  });
});

describe('Stack: IngestPipelineStack (test stack that destroys its resources)', () => {
  it('still retains the dead-letter and stream-failure queues and their key', () => {
    // Prepare
    const { stack } = createPipelineStack({ removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);
    const policyOf = (construct: IConstruct) =>
      template.toJSON().Resources[logicalIdOf(construct)].DeletionPolicy;

    // Assess
    expect(policyOf(stack.ingestQueue.deadLetterQueue)).toBe('Retain');
    expect(policyOf(stack.eventPublisher.failureQueue)).toBe('Retain');
    expect(policyOf(stack.ingestQueue.encryptionKey)).toBe('Retain');
    expect(policyOf(stack.ingestQueue.queue)).toBe('Delete');
    expect(policyOf(stack.documentTable.table)).toBe('Delete');
  });
});

describe('Stack: IngestPipelineStack (prop validation)', () => {
  it('throws when the visibility timeout is shorter than 6x the ingest timeout', () => {
    expect(() =>
      createPipelineStack({
        ingestTimeout: Duration.minutes(5),
        queueVisibilityTimeout: Duration.minutes(15),
      }),
    ).toThrow(/at least 6x the function timeout/);
  });

  it('accepts a visibility timeout of exactly 6x the ingest timeout', () => {
    expect(() =>
      createPipelineStack({
        ingestTimeout: Duration.minutes(5),
        queueVisibilityTimeout: Duration.minutes(30),
      }),
    ).not.toThrow();
  });

  it.each([0, -1, 1.5])('throws on maxReceiveCount %s', (maxReceiveCount) => {
    expect(() => createPipelineStack({ maxReceiveCount })).toThrow(/maxReceiveCount/);
  });

  it.each([
    [{ inlineTextMaxBytes: 400_000 }, /inlineTextMaxBytes/],
    [{ inlineTextMaxBytes: 0 }, /inlineTextMaxBytes/],
    [{ maxObjectBytes: 0 }, /maxObjectBytes/],
    [{ ingestMaxConcurrency: 1 }, /maxConcurrency/],
    [{ ingestMemorySize: 64 }, /memorySize/],
    [{ ingestTimeout: Duration.minutes(16) }, /timeout/],
    [{ ingestMaxConcurrency: 1001 }, /maxConcurrency/],
    [{ ingestMaxConcurrency: 2.5 }, /maxConcurrency/],
    [{ publishRetryWindow: Duration.seconds(30) }, /retryWindow/],
    [{ publishRetryWindow: Duration.hours(24) }, /retryWindow/],
    [{ logLevel: 'VERBOSE' }, /logLevel/],
  ])('throws on %o', (props, message) => {
    expect(() => createPipelineStack(props)).toThrow(message);
  });
});

describe('Stack: IngestPipelineStack (alarm notification settings)', () => {
  const EXISTING_ARN = 'arn:aws:sns:eu-west-1:123456789012:ops-alarms';

  it('subscribes alarmEmail to the stack topic', () => {
    // Act
    const template = synthPipeline({ alarmEmail: 'ops@example.org' });

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });

  it('notifies an existing topic given by alarmTopicArn and creates none', () => {
    // Act
    const template = synthPipeline({ alarmTopicArn: EXISTING_ARN });

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 0);
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(11);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([EXISTING_ARN]);
    template.hasOutput('AlarmTopicArn', { Value: EXISTING_ARN });
  });

  it('takes the alarm thresholds from props', () => {
    // Act
    const template = synthPipeline({
      queueAgeAlarmThreshold: Duration.minutes(20),
      iteratorAgeAlarmThreshold: Duration.minutes(2),
    });

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Threshold: 1200,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Threshold: 120_000,
    });
  });

  it.each([
    [{ alarmEmail: 'not-an-address' }, /email must be an e-mail address/],
    [{ alarmTopicArn: 'ops-alarms' }, /alarmTopicArn must be an SNS topic ARN/],
    [{ alarmTopicArn: 'arn:aws:sqs:eu-west-1:123456789012:q' }, /SNS topic ARN/],
    [{ alarmTopicArn: EXISTING_ARN, alarmEmail: 'ops@example.org' }, /alarmEmail/],
    [{ queueAgeAlarmThreshold: Duration.seconds(30) }, /queueAgeThreshold/],
    [{ iteratorAgeAlarmThreshold: Duration.seconds(10) }, /iteratorAgeThreshold/],
  ])('throws on %o', (props, message) => {
    expect(() => createPipelineStack(props)).toThrow(message);
  });

  it('throws when both alarmTopic and alarmTopicArn are given', () => {
    // Prepare
    const app = createApp();
    const topicStack = new Stack(app, 'Topics', { env: TEST_ENV });
    const topic = new sns.Topic(topicStack, 'AlarmTopic', { enforceSSL: true });

    // Act / Assess
    expect(
      () =>
        new IngestPipelineStack(app, 'Both', {
          env: TEST_ENV,
          alarmTopic: topic,
          alarmTopicArn: EXISTING_ARN,
        }),
    ).toThrow(/not both/);
  });
});
