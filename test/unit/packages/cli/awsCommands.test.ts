import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  GetQueueAttributesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCliMain } from '../../../helpers/runCliMain.ts';

/*
 * In-process runs with mocked SDK clients: the failure and fallback paths
 * (an endpoint without StartMessageMoveTask, a stack that does not exist)
 * cannot be produced on demand by LocalStack. test/e2e/cli.test.ts runs the
 * same commands against the deployed stack.
 */
const s3 = new S3Client({ region: 'eu-west-1' });
const sqs = new SQSClient({ region: 'eu-west-1' });
const cloudformation = new CloudFormationClient({ region: 'eu-west-1' });
const s3Mock = mockClient(s3);
const sqsMock = mockClient(sqs);
const cfnMock = mockClient(cloudformation);
const clients = { s3: () => s3, sqs: () => sqs, cloudformation: () => cloudformation };

/** Runs in-process; `terminal` makes stderr look like a terminal, as progress needs. */
const runWith = (terminal: boolean, argv: string[]) =>
  runCliMain(argv, clients, { stderr: { isTTY: terminal, columns: 120 } });
const run = (...argv: string[]) => runWith(false, argv);

const STACK_OUTPUTS = [
  { OutputKey: 'BucketName', OutputValue: 'stack-bucket' },
  { OutputKey: 'QueueUrl', OutputValue: 'https://queue' },
  { OutputKey: 'DeadLetterQueueUrl', OutputValue: 'https://dlq' },
  { OutputKey: 'TableName', OutputValue: 'stack-table' },
];

const unsupported = () => Object.assign(new Error('not supported'), { name: 'InvalidAction' });

describe('Function: main (ingest redrive and backfill)', () => {
  beforeEach(() => {
    s3Mock.reset();
    sqsMock.reset();
    cfnMock.reset();
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: 'x', MD5OfMessageBody: 'y' })),
    }));
    sqsMock.on(GetQueueAttributesCommand).callsFake((input: { QueueUrl: string }) => ({
      Attributes: { QueueArn: `arn:aws:sqs:eu-west-1:1:${input.QueueUrl.split('//')[1]}` },
    }));
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'DocIngest',
          CreationTime: new Date(),
          StackStatus: 'CREATE_COMPLETE',
          Outputs: STACK_OUTPUTS,
        },
      ],
    });
  });

  it('redrives with an SQS move task and waits for it to complete', async () => {
    // Prepare
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'h' });
    sqsMock.on(ListMessageMoveTasksCommand).resolves({
      Results: [
        {
          Status: 'COMPLETED',
          ApproximateNumberOfMessagesMoved: 3,
          ApproximateNumberOfMessagesToMove: 3,
        },
      ],
    });

    // Act
    const { code, stdout } = await run('redrive', '--from', 'https://dlq', '--to', 'https://queue');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      command: 'redrive',
      method: 'move-task',
      moved: 3,
      failed: 0,
    });
    expect(sqsMock.commandCalls(StartMessageMoveTaskCommand)[0]?.args[0].input).toEqual({
      SourceArn: 'arn:aws:sqs:eu-west-1:1:dlq',
      DestinationArn: 'arn:aws:sqs:eu-west-1:1:queue',
    });
    expect(sqsMock.commandCalls(ReceiveMessageCommand)).toHaveLength(0);
  });

  it('falls back to receive/send/delete where the endpoint has no move task', async () => {
    // Prepare
    sqsMock.on(StartMessageMoveTaskCommand).rejects(unsupported());
    sqsMock
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [{ MessageId: '1', ReceiptHandle: 'r1', Body: '{}' }] })
      .resolves({ Messages: [] });

    // Act
    const { code, stdout } = await run('redrive', '--from', 'https://dlq', '--to', 'https://queue');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      command: 'redrive',
      method: 'receive-send',
      moved: 1,
      failed: 0,
    });
    expect(sqsMock.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.QueueUrl).toBe(
      'https://queue',
    );
  });

  it('exits 1 when a move task fails', async () => {
    // Prepare
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'h' });
    sqsMock.on(ListMessageMoveTasksCommand).resolves({
      Results: [
        { Status: 'FAILED', FailureReason: 'AccessDenied', ApproximateNumberOfMessagesMoved: 1 },
      ],
    });

    // Act
    const { code, stderr } = await run('redrive', '-s', 'DocIngest', '--method', 'task');

    // Assess
    expect(code).toBe(1);
    expect(stderr).toMatch(/move task ended FAILED after 1 .*AccessDenied/);
  });

  it('reads the queues from the stack outputs with --stack-name', async () => {
    // Prepare
    sqsMock.on(ReceiveMessageCommand).resolves({ Messages: [] });

    // Act
    const { code, stdout } = await run('redrive', '--stack-name', 'DocIngest', '--method', 'loop');

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ moved: 0, method: 'receive-send' });
    expect(cfnMock.commandCalls(DescribeStacksCommand)[0]?.args[0].input).toEqual({
      StackName: 'DocIngest',
    });
    expect(sqsMock.commandCalls(ReceiveMessageCommand)[0]?.args[0].input.QueueUrl).toBe(
      'https://dlq',
    );
  });

  it('backfills a bucket prefix into the ingest queue; flags win over stack outputs', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'old/a.txt', Size: 3 }] });

    // Act
    const { code, stdout } = await run(
      'backfill',
      '-s',
      'DocIngest',
      '--bucket',
      'b',
      '--prefix',
      'old/',
    );

    // Assess
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      command: 'backfill',
      mode: 'local',
      enqueued: 1,
      failed: 0,
    });
    expect(s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Bucket).toBe('b');
    expect(sqsMock.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.QueueUrl).toBe(
      'https://queue',
    );
  });

  it('shows backfill progress on a terminal stderr, and none otherwise', async () => {
    // Prepare
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a.txt', Size: 3 }] });
    const argv = ['backfill', '--bucket', 'b', '--queue', 'https://queue'];

    // Act
    const terminal = await runWith(true, argv);
    const pipe = await runWith(false, argv);

    // Assess
    expect(terminal.stderr).toMatch(/backfill 1 objects \| 1 enqueued, 0 failed/);
    expect(pipe.stderr).toBe('');
    expect(JSON.parse(terminal.stdout)).toEqual(JSON.parse(pipe.stdout));
  });

  it('exits 3 when the stack does not exist', async () => {
    // Prepare
    cfnMock
      .on(DescribeStacksCommand)
      .rejects(
        Object.assign(new Error('Stack with id Nope does not exist'), { name: 'ValidationError' }),
      );

    // Act
    const { code, stderr } = await run('backfill', '--stack-name', 'Nope');

    // Assess
    expect(code).toBe(3);
    expect(stderr).toBe('ingest: stack Nope does not exist (in this account and region)\n');
  });

  it.each([
    [['redrive', '--from', 'https://dlq'], /give --stack-name <name> \(or --to <url>\)/],
    [['backfill', '--bucket', 'b'], /give --stack-name <name> \(or --queue <url>\)/],
  ])('exits 2 when %j lacks a target', async (argv, message) => {
    // Act
    const { code, stderr } = await run(...argv);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(sqsMock.calls()).toHaveLength(0);
  });
});
