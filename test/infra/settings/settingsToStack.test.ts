import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../infra/settings/readSettings.ts';
import { settingsToStackProps } from '../../../infra/settings/settingsToStackProps.ts';
import { IngestPipelineStack } from '../../../infra/stacks/IngestPipelineStack.ts';
import { createApp, TEST_ENV } from '../testApp.ts';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

const synthFromContext = (context: Record<string, unknown>): Template => {
  const props = settingsToStackProps(readSettings(context));
  const stack = new IngestPipelineStack(createApp(), props.stackName ?? 'DocIngest', {
    ...props,
    env: TEST_ENV,
  });
  return Template.fromStack(stack);
};

describe('Settings: from CDK context to the synthesized stack', () => {
  it('names the stack after the stage and tags every resource with it', () => {
    // Act
    const props = settingsToStackProps(readSettings({ 'doc-ingest:stage': 'dev' }));
    const template = synthFromContext({ 'doc-ingest:stage': 'dev' });

    // Assess
    expect(props.stackName).toBe('DocIngest-dev');
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([{ Key: 'doc-ingest:stage', Value: 'dev' }]),
    });
  });

  it('maps removalPolicy, sizing, threshold and retention onto the resources', () => {
    // Act
    const template = synthFromContext({
      'doc-ingest:removalPolicy': 'Destroy',
      'doc-ingest:ingestMemoryMb': '2048',
      'doc-ingest:ingestTimeoutSeconds': '30',
      'doc-ingest:batchSize': '4',
      'doc-ingest:maxConcurrency': '7',
      'doc-ingest:maxObjectBytes': '4096',
      'doc-ingest:inlineTextLimitBytes': '1000',
      'doc-ingest:topicThreshold': '0.7',
      'doc-ingest:logRetentionDays': '7',
    });

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 2048,
      Timeout: 30,
      Environment: {
        Variables: Match.objectLike({
          MAX_OBJECT_BYTES: '4096',
          INLINE_TEXT_MAX_BYTES: '1000',
          TOPIC_THRESHOLD: '0.7',
        }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 4,
      ScalingConfig: { MaximumConcurrency: 7 },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 180 });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });

  it('subscribes one notification per suffix under the prefix', () => {
    // Act
    const template = synthFromContext({
      'doc-ingest:objectKeyPrefix': 'incoming/',
      'doc-ingest:objectKeySuffixes': '.txt,.html',
    });

    // Assess
    const [notifications] = Object.values(template.findResources('Custom::S3BucketNotifications'));
    const configs = notifications?.Properties.NotificationConfiguration.QueueConfigurations;
    const filters = configs.map(
      (config: {
        Events: string[];
        Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
      }) =>
        `${config.Events.join(',')} ${config.Filter.Key.FilterRules.map((rule) => `${rule.Name}=${rule.Value}`).join(' ')}`,
    );
    expect(filters).toEqual(
      expect.arrayContaining([
        's3:ObjectCreated:* suffix=.txt prefix=incoming/',
        's3:ObjectCreated:* suffix=.html prefix=incoming/',
        's3:ObjectRemoved:* suffix=.txt prefix=incoming/',
        's3:ObjectRemoved:* suffix=.html prefix=incoming/',
      ]),
    );
    expect(filters).toHaveLength(6);
  });

  it('refuses overlapping suffixes before S3 would at deploy time', () => {
    // Act
    const synth = () => synthFromContext({ 'doc-ingest:objectKeySuffixes': '.txt,txt' });

    // Assess
    expect(synth).toThrow(/overlap/);
  });

  it('ingests from an existing bucket without creating one, reading it with its key', () => {
    // Prepare
    const keyArn = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

    // Act
    const template = synthFromContext({
      'doc-ingest:existingBucketName': 'legacy-articles',
      'doc-ingest:existingBucketKeyArn': keyArn,
    });

    // Assess: only the text bucket, its access-log bucket and the jobs' results bucket are created.
    template.resourceCountIs('AWS::S3::Bucket', 3);
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: 'legacy-articles',
      Managed: false,
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'ReadIngestObjects',
            Resource: {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::legacy-articles/*']],
            },
          }),
          Match.objectLike({ Sid: 'DecryptIngestObjects', Resource: keyArn }),
        ]),
      },
    });
  });

  it('routes alarms to an e-mail through a topic the stack creates', () => {
    // Act
    const template = synthFromContext({ 'doc-ingest:alarmEmail': 'ops@example.com' });

    // Assess
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: topicId }],
    });
  });

  it('routes alarms to an existing topic by ARN', () => {
    // Prepare
    const arn = 'arn:aws:sns:eu-west-1:123456789012:ops-alarms';

    // Act
    const template = synthFromContext({ 'doc-ingest:alarmTopicArn': arn });

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [arn] });
  });

  it('keeps the defaults when no setting is given', () => {
    // Act
    const props = settingsToStackProps(readSettings({}));

    // Assess
    expect(props.stackName).toBe('DocIngest');
    expect(props.removalPolicy).toBe(RemovalPolicy.RETAIN);
  });
});

describe('Settings: the real CDK app', () => {
  it('fails synthesis on a misspelled setting, naming it and the valid keys', async () => {
    // Prepare: context the way the CDK CLI hands it to the app.
    const context = JSON.stringify({ 'doc-ingest:removalPolicyy': 'destroy' });
    const run = promisify(execFile)(
      process.execPath,
      ['--conditions=doc-ingest-source', '--import', 'tsx', 'infra/bin/app.ts'],
      { cwd: REPO_ROOT, env: { ...process.env, CDK_CONTEXT_JSON: context } },
    );

    // Act + Assess
    await expect(run).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /doc-ingest:removalPolicyy is not a setting\. Did you mean doc-ingest:removalPolicy\? Valid keys: /,
      ),
    });
  });

  const builtInVersion = (
    JSON.parse(readFileSync('packages/core/taxonomies/crime-and-security.json', 'utf8')) as {
      version: string;
    }
  ).version;

  // The reclassify job must never score with another taxonomy than ingestion,
  // and the bundles carry none: a file is shipped in every case.
  it.each([
    {
      shipped: 'the taxonomy setting',
      id: 'Taxonomy',
      settings: { 'doc-ingest:taxonomy': 'examples/weather-taxonomy/taxonomy.yaml' },
      version: '2027.01.1',
    },
    {
      shipped: 'the built-in taxonomy',
      id: 'BuiltInTaxonomy',
      settings: {},
      version: builtInVersion,
    },
  ])(
    'ships $shipped as a file with the ingest and reclassify functions and points them at it, with its SHA-256',
    ({ id, settings, version }) => {
      // Prepare
      const props = settingsToStackProps(readSettings(settings));
      const app = createApp({ bundle: true });
      const stack = new IngestPipelineStack(app, id, { ...props, env: TEST_ENV });

      // Act
      const assembly = app.synth();

      // Assess
      const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function', {
        Properties: {
          Environment: { Variables: Match.objectLike({ TAXONOMY_FILE: 'taxonomy.json' }) },
        },
      });
      expect(
        Object.values(functions)
          .map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME)
          .sort(),
      ).toEqual(['ingest', 'reclassify-segment']);
      const shipped = readdirSync(assembly.directory)
        .map((name) => join(assembly.directory, name, 'taxonomy.json'))
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path, 'utf8'));
      expect(shipped.map((text) => (JSON.parse(text) as { version: string }).version)).toEqual([
        version,
        version,
      ]);
      // The hash of the file validated at synth, so the functions need not validate it again.
      const hashes = Object.values(functions).map(
        (fn) => fn.Properties.Environment.Variables.TAXONOMY_SHA256,
      );
      expect(hashes).toEqual(
        shipped.map((text) => createHash('sha256').update(text).digest('hex')),
      );
    },
  );

  it('fails synthesis on a taxonomy whose topic is listed twice, as the function would', () => {
    // Prepare
    const topic = { id: 'fog', terms: { en: ['fog'] } };
    const file = join(mkdtempSync(join(tmpdir(), 'taxonomy-')), 'twice.json');
    writeFileSync(file, JSON.stringify({ version: '2027.1.1', topics: [topic, topic] }));
    const props = settingsToStackProps(readSettings({ 'doc-ingest:taxonomy': file }));

    // Act + Assess
    expect(
      () => new IngestPipelineStack(createApp(), 'Twice', { ...props, env: TEST_ENV }),
    ).toThrow(/invalid taxonomy: topic "fog" is listed twice/);
  });

  it('fails synthesis on an invalid taxonomy file, naming the problem', () => {
    // Prepare
    const props = settingsToStackProps(
      readSettings({ 'doc-ingest:taxonomy': 'test/fixtures/eval/labels.json' }),
    );

    // Act + Assess
    expect(() => new IngestPipelineStack(createApp(), 'Bad', { ...props, env: TEST_ENV })).toThrow(
      /invalid taxonomy: version: /,
    );
  });
});
