import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCliMain } from '../../../helpers/runCliMain.ts';

/*
 * Mocked SDK clients: LocalStack's community Step Functions has no
 * ItemBatcher and no RedriveExecution, so the distributed path of the
 * commands is checked here, call by call.
 */
const s3 = new S3Client({ region: 'eu-west-1' });
const sqs = new SQSClient({ region: 'eu-west-1' });
const sfn = new SFNClient({ region: 'eu-west-1' });
const cloudformation = new CloudFormationClient({ region: 'eu-west-1' });
const s3Mock = mockClient(s3);
const sqsMock = mockClient(sqs);
const sfnMock = mockClient(sfn);
const cfnMock = mockClient(cloudformation);
const clients = {
  s3: () => s3,
  sqs: () => sqs,
  sfn: () => sfn,
  cloudformation: () => cloudformation,
};

const run = (...argv: string[]) => runCliMain(argv, clients);

const BACKFILL_ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:Backfill';
const RECLASSIFY_ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:Reclassify';
const EXECUTION_ARN = 'arn:aws:states:eu-west-1:123456789012:execution:Backfill:run-1';
const MAP_RUN_ARN = `${EXECUTION_ARN}/Backfill:map-1`;
const BASE_OUTPUTS = [
  { OutputKey: 'BucketName', OutputValue: 'stack-bucket' },
  { OutputKey: 'QueueUrl', OutputValue: 'https://queue' },
  { OutputKey: 'TableName', OutputValue: 'stack-table' },
];
const JOB_OUTPUTS = [
  ...BASE_OUTPUTS,
  { OutputKey: 'BackfillStateMachineArn', OutputValue: BACKFILL_ARN },
  { OutputKey: 'ReclassifyStateMachineArn', OutputValue: RECLASSIFY_ARN },
];

const counts = (succeeded: number, failed: number, total: number) => ({
  itemCounts: {
    total,
    succeeded,
    failed,
    running: total - succeeded - failed,
    pending: 0,
    aborted: 0,
    timedOut: 0,
    resultsWritten: succeeded,
  },
});

describe('Function: main (backfill and reclassify as jobs)', () => {
  beforeEach(() => {
    for (const mock of [s3Mock, sqsMock, sfnMock, cfnMock]) mock.reset();
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: 'DocIngest', Outputs: JOB_OUTPUTS } as never],
    });
    sfnMock.on(StartExecutionCommand).resolves({ executionArn: EXECUTION_ARN });
    sfnMock.on(ListMapRunsCommand).resolves({ mapRuns: [{ mapRunArn: MAP_RUN_ARN } as never] });
  });

  it("starts the stack's backfill state machine, follows the map run and reports it", async () => {
    // Prepare
    sfnMock
      .on(DescribeExecutionCommand)
      .resolvesOnce({ status: 'RUNNING' } as never)
      .resolves({ status: 'SUCCEEDED' } as never);
    sfnMock
      .on(DescribeMapRunCommand)
      .resolvesOnce(counts(10, 0, 25) as never)
      .resolves(counts(25, 0, 25) as never);

    // Act
    const { code, stdout } = await run(
      'backfill',
      '-s',
      'DocIngest',
      '--prefix',
      'old/',
      '--poll',
      '0',
    );

    // Assess
    expect(code).toBe(0);
    expect(sfnMock.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: BACKFILL_ARN,
      input: JSON.stringify({ prefix: 'old/' }),
    });
    expect(sfnMock.commandCalls(DescribeExecutionCommand)).toHaveLength(2);
    expect(JSON.parse(stdout)).toMatchObject({
      command: 'backfill',
      mode: 'distributed',
      prefix: 'old/',
      executionArn: EXECUTION_ARN,
      status: 'SUCCEEDED',
      mapRunArn: MAP_RUN_ARN,
      items: { total: 25, succeeded: 25, failed: 0 },
    });
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(0);
  });

  it('runs in this process with --local, even when the stack has the state machine', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a.txt', Size: 3 }] });
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0' } as never] });

    // Act
    const { code, stdout } = await run('backfill', '-s', 'DocIngest', '--local');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      command: 'backfill',
      mode: 'local',
      enqueued: 1,
      failed: 0,
    });
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Bucket).toBe('stack-bucket');
    expect(sfnMock.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('runs in this process when the stack predates the jobs (no state machine output)', async () => {
    // Prepare
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [{ StackName: 'DocIngest', Outputs: BASE_OUTPUTS } as never],
    });
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [] });

    // Act
    const { code, stdout } = await run('backfill', '-s', 'DocIngest');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ mode: 'local', enqueued: 0 });
    expect(sfnMock.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('exits 1 on a failed job and says how to resume it', async () => {
    // Prepare
    sfnMock.on(DescribeExecutionCommand).resolves({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'too many failed items',
    } as never);
    sfnMock.on(DescribeMapRunCommand).resolves(counts(30, 2, 32) as never);

    // Act
    const { code, stdout, stderr } = await run(
      'reclassify',
      '-s',
      'DocIngest',
      '--segments',
      '32',
      '--poll',
      '0',
    );

    // Assess
    expect(code).toBe(1);
    expect(sfnMock.commandCalls(StartExecutionCommand)[0]?.args[0].input.input).toBe(
      JSON.stringify({ totalSegments: 32, dryRun: false }),
    );
    expect(JSON.parse(stdout)).toMatchObject({
      command: 'reclassify',
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      items: { failed: 2, succeeded: 30 },
    });
    expect(stderr).toContain(`ingest reclassify --redrive ${EXECUTION_ARN}`);
  });

  it('redrives a failed job by its execution ARN, without reading the stack', async () => {
    // Prepare
    sfnMock.on(RedriveExecutionCommand).resolves({ redriveDate: new Date() });
    sfnMock.on(DescribeExecutionCommand).resolves({ status: 'SUCCEEDED' } as never);
    sfnMock.on(DescribeMapRunCommand).resolves(counts(32, 0, 32) as never);

    // Act
    const { code, stdout } = await run('reclassify', '--redrive', EXECUTION_ARN, '--poll', '0');

    // Assess
    expect(code).toBe(0);
    expect(sfnMock.commandCalls(RedriveExecutionCommand)[0]?.args[0].input).toEqual({
      executionArn: EXECUTION_ARN,
    });
    expect(sfnMock.commandCalls(StartExecutionCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(DescribeStacksCommand)).toHaveLength(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'SUCCEEDED', items: { succeeded: 32 } });
  });

  it('returns at once with --no-wait, printing the execution to follow', async () => {
    // Act
    const { code, stdout } = await run('reclassify', '-s', 'DocIngest', '--dry-run', '--no-wait');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      executionArn: EXECUTION_ARN,
      status: 'RUNNING',
      dryRun: true,
      totalSegments: 32,
    });
    expect(sfnMock.commandCalls(DescribeExecutionCommand)).toHaveLength(0);
  });

  it.each([
    [['reclassify', '-s', 'DocIngest', '--segments', '0']],
    [['reclassify', '-s', 'DocIngest', '--segments', '1001']],
    [['backfill', '--redrive', EXECUTION_ARN, '--local']],
    [['backfill', '-s', 'DocIngest', '--poll', '-1']],
  ])('exits 2 on %j', async (argv) => {
    // Act
    const { code } = await run(...argv);

    // Assess
    expect(code).toBe(2);
    expect(sfnMock.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });
});
