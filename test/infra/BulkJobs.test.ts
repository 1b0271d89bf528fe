import { fileURLToPath } from 'node:url';
import { BulkJobs, type BulkJobsProps, DocumentTable } from '@doc-ingest/cdk';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import {
  CDK_CONTEXT,
  createConstructStack,
  createPipelineStack,
  logicalIdOf,
  TEST_ENV,
} from './testApp.ts';

const entryOf = (name: string): string =>
  fileURLToPath(new URL(`../../functions/${name}/handler.ts`, import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates and ASL are untyped JSON.
type Json = Record<string, any>;

const jobsStack = (props: Partial<BulkJobsProps> = {}, stack = createConstructStack()) => {
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const ingestBucket = new s3.Bucket(stack, 'Ingest');
  const textBucket = new s3.Bucket(stack, 'Text', { encryptionKey: key });
  const ingestQueue = new sqs.Queue(stack, 'Queue', {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: key,
  });
  const table = new DocumentTable(stack, 'Docs', { encryptionKey: key }).table;
  const jobs = new BulkJobs(stack, 'Jobs', {
    ingestBucket,
    ingestQueue,
    table,
    textBucket,
    sources: {
      backfillBatch: { entry: entryOf('backfill-batch') },
      reclassifySegment: { entry: entryOf('reclassify-segment') },
    },
    ...props,
  });
  return { stack, jobs, template: Template.fromStack(stack), ingestQueue };
};

/** The state machine's ASL, with every CloudFormation reference replaced by a placeholder. */
const definitionOf = (template: Template, logicalId: string): Json => {
  const machine = template.toJSON().Resources[logicalId];
  const body = machine.Properties.DefinitionString;
  const text =
    typeof body === 'string'
      ? body
      : (body['Fn::Join'][1] as unknown[])
          .map((part) => (typeof part === 'string' ? part : 'REF'))
          .join('');
  return JSON.parse(text);
};

const policyStatementsOf = (template: Template, roleLogicalId: string): Json[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy: Json) =>
      policy.Properties.Roles.some((role: Json) => role.Ref === roleLogicalId),
    )
    .flatMap((policy: Json) => policy.Properties.PolicyDocument.Statement);

describe('Construct: BulkJobs', () => {
  it('backfills with a Distributed Map over the S3 listing under the input prefix, in batches', () => {
    // Prepare
    const { jobs, template } = jobsStack();

    // Act
    const asl = definitionOf(template, logicalIdOf(jobs.backfillStateMachine));

    // Assess
    const map = asl.States[asl.StartAt];
    expect(map.Type).toBe('Map');
    expect(map.ItemProcessor.ProcessorConfig).toEqual({
      Mode: 'DISTRIBUTED',
      ExecutionType: 'EXPRESS',
    });
    expect(map.ItemReader.Resource).toMatch(/:states:::s3:listObjectsV2$/);
    expect(map.ItemReader.Parameters['Prefix.$']).toBe('$.prefix');
    expect(map.ItemBatcher).toEqual({ MaxItemsPerBatch: 100 });
    expect(map.MaxConcurrency).toBe(100);
    expect(map.ResultWriter.Parameters.Prefix).toBe('jobs/backfill');
    const task = map.ItemProcessor.States[map.ItemProcessor.StartAt];
    const retried = task.Retry.map((retry: Json) => [retry.ErrorEquals.join(), retry.MaxAttempts]);
    // A bad input is not retried; anything else is, before States.ALL gives up.
    expect(retried.findIndex(([errors]: [string]) => errors === 'JobInputError')).toBeLessThan(
      retried.findIndex(([errors]: [string]) => errors === 'States.ALL'),
    );
    expect(retried).toContainEqual(['JobInputError', 0]);
  });

  it('drops the item batcher for a batch size of 1 (one object per child)', () => {
    // Act
    const { jobs, template } = jobsStack({ backfillBatchSize: 1, backfillConcurrency: 7 });

    // Assess
    const asl = definitionOf(template, logicalIdOf(jobs.backfillStateMachine));
    expect(asl.States[asl.StartAt].ItemBatcher).toBeUndefined();
    expect(asl.States[asl.StartAt].MaxConcurrency).toBe(7);
  });

  it('reclassifies one parallel-scan segment per child, looping each until it is done', () => {
    // Prepare
    const { jobs, template } = jobsStack();

    // Act
    const asl = definitionOf(template, logicalIdOf(jobs.reclassifyStateMachine));

    // Assess
    const segments = asl.States[asl.StartAt];
    expect(segments.Type).toBe('Pass');
    expect(segments.Parameters['segments.$']).toBe(
      'States.ArrayRange(0, States.MathAdd($.totalSegments, -1), 1)',
    );
    const map = asl.States[segments.Next];
    expect(map.ItemsPath).toBe('$.segments');
    expect(map.ItemSelector).toEqual({
      'segment.$': '$$.Map.Item.Value',
      'totalSegments.$': '$.totalSegments',
      'dryRun.$': '$.dryRun',
    });
    // Rounds of up to 15 minutes, repeated: longer than an Express child may run.
    expect(map.ItemProcessor.ProcessorConfig.ExecutionType).toBe('STANDARD');
    const round = map.ItemProcessor.States[map.ItemProcessor.StartAt];
    const choice = map.ItemProcessor.States[round.Next];
    expect(choice.Type).toBe('Choice');
    expect(choice.Choices[0]).toMatchObject({ Variable: '$.done', BooleanEquals: true });
    expect(choice.Default).toBe(map.ItemProcessor.StartAt);
  });

  it.each([
    ['off', false],
    ['on', true],
    ['unset', undefined],
  ])(
    "writes both maps' results to its bucket with the app's result-writer V2 flag %s",
    (_label, flag) => {
      // Prepare: an app whose context sets (or omits) the flag DistributedMap reads.
      const context: Record<string, unknown> = { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] };
      if (flag !== undefined)
        context[cxapi.STEPFUNCTIONS_USE_DISTRIBUTED_MAP_RESULT_WRITER_V2] = flag;
      const stack = new Stack(new App({ context }), 'FlagTest', { env: TEST_ENV });

      // Act
      const { jobs, template } = jobsStack({}, stack);

      // Assess
      const bucket = logicalIdOf(jobs.resultsBucket.bucket);
      for (const [machine, prefix] of [
        [jobs.backfillStateMachine, 'jobs/backfill'],
        [jobs.reclassifyStateMachine, 'jobs/reclassify'],
      ] as const) {
        const asl = definitionOf(template, logicalIdOf(machine));
        const map = Object.values(asl.States as Record<string, Json>).find(
          (state) => state.Type === 'Map',
        );
        expect(map?.ResultWriter).toEqual({
          Resource: expect.stringMatching(/:states:::s3:putObject$/),
          Parameters: { Bucket: 'REF', Prefix: prefix },
        });
      }
      for (const machine of [jobs.backfillStateMachine, jobs.reclassifyStateMachine]) {
        const body = template.toJSON().Resources[logicalIdOf(machine)].Properties.DefinitionString;
        expect(body['Fn::Join'][1]).toContainEqual({ Ref: bucket });
      }
    },
  );

  it('logs every execution event and keeps map results in its own expiring bucket', () => {
    // Prepare
    const { jobs, template } = jobsStack();

    // Assess
    template.resourcePropertiesCountIs(
      'AWS::StepFunctions::StateMachine',
      { LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false } },
      2,
    );
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 30, Status: 'Enabled' })]),
      },
    });
    expect(jobs.resultsBucket.bucket).toBeDefined();
  });

  it('lets the backfill worker send to the ingest queue and nothing more', () => {
    // Prepare
    const { jobs, template, ingestQueue } = jobsStack();

    // Act
    const statements = policyStatementsOf(template, logicalIdOf(jobs.backfillFunction.role));

    // Assess
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).toContain('sqs:SendMessage');
    expect(actions.filter((a) => a.startsWith('dynamodb:') || a.startsWith('s3:'))).toEqual([]);
    expect(statements.find((s) => s.Sid === 'EnqueueNotifications')?.Resource).toEqual({
      'Fn::GetAtt': [logicalIdOf(ingestQueue), 'Arn'],
    });
  });

  it('lets the reclassify worker scan and update the table and read stored texts only', () => {
    // Prepare
    const { jobs, template } = jobsStack();

    // Act
    const statements = policyStatementsOf(template, logicalIdOf(jobs.reclassifyFunction.role));

    // Assess
    const actions = statements.flatMap((s) => [s.Action].flat()).sort();
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:Scan',
      'dynamodb:UpdateItem',
    ]);
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject']);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });

  it.each([
    [{ backfillConcurrency: 0 }, /backfillConcurrency must be an integer in 1..10000/],
    [{ reclassifyConcurrency: 10_001 }, /reclassifyConcurrency must be an integer/],
    [{ backfillBatchSize: 1001 }, /backfillBatchSize must be an integer in 1..1000/],
  ])('refuses %j', (props, message) => {
    // Act & Assess
    expect(() => jobsStack(props)).toThrow(message);
  });

  it('gives the pipeline stack both state machines as outputs the CLI reads', () => {
    // Prepare
    const { stack } = createPipelineStack();

    // Act
    const outputs = Template.fromStack(stack).toJSON().Outputs;

    // Assess
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['BackfillStateMachineArn', 'ReclassifyStateMachineArn']),
    );
  });
});
