import { INGEST_OUTCOME_METRICS, PipelineMonitoring } from '@doc-ingest/cdk';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConstructStack, createPipelineStack, logicalIdOf } from './testApp.ts';

interface Widget {
  type: string;
  properties: {
    title?: string;
    metrics?: unknown[][];
    query?: string;
    markdown?: string;
  };
}

/**
 * The dashboard body is a `Fn::Join` of JSON text and references; each
 * reference becomes `@LogicalId` so the body parses as JSON.
 */
function dashboardWidgets(template: Template): Widget[] {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  const [, parts] = dashboards[0]?.Properties.DashboardBody['Fn::Join'] ?? ['', []];
  const text = (parts as unknown[])
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
      return `@${ref.Ref ?? ref['Fn::GetAtt']?.[0] ?? 'unknown'}`;
    })
    .join('');
  return (JSON.parse(text) as { widgets: Widget[] }).widgets;
}

const byTitle = (widgets: Widget[], title: string): Widget => {
  const widget = widgets.find((w) => w.properties.title === title);
  if (widget === undefined) throw new Error(`no widget titled ${title}`);
  return widget;
};

/** Each metric row of a widget as its string cells: namespace, name, dimension names and values. */
const metricsOf = (widget: Widget): string[] =>
  (widget.properties.metrics ?? []).map((row) =>
    row.filter((cell) => typeof cell === 'string').join(' '),
  );

describe('Construct: PipelineMonitoring (dashboard)', () => {
  let widgets: Widget[];
  let ids: Record<string, string>;

  beforeAll(() => {
    const { stack } = createPipelineStack({ metricsNamespace: 'DocIngestOps' });
    ids = {
      queue: logicalIdOf(stack.ingestQueue.queue),
      dlq: logicalIdOf(stack.ingestQueue.deadLetterQueue),
      failureQueue: logicalIdOf(stack.eventPublisher.failureQueue),
      table: logicalIdOf(stack.documentTable.table),
      nearIndexTable: logicalIdOf(stack.pipeline.nearIndexTable.table),
      backfill: logicalIdOf(stack.pipeline.jobs.backfillStateMachine),
      reclassify: logicalIdOf(stack.pipeline.jobs.reclassifyStateMachine),
      ingestFn: logicalIdOf(stack.ingestFunction.function),
      publishFn: logicalIdOf(stack.eventPublisher.function),
      ingestLogGroup: logicalIdOf(stack.ingestFunction.function.logGroup),
    };
    widgets = dashboardWidgets(Template.fromStack(stack));
  }, 60_000);

  it('stacks every ingest outcome metric of the handler, in its namespace with the service dimension', () => {
    // Prepare
    const widget = byTitle(widgets, 'Objects by outcome');

    // Assess
    expect(metricsOf(widget)).toEqual(
      INGEST_OUTCOME_METRICS.map(([name]) => `DocIngestOps ${name} service ingest`),
    );
  });

  it('counts rejections by reason from the ingest log group', () => {
    // Prepare
    const widget = byTitle(widgets, 'Rejections by reason');

    // Assess
    expect(widget.type).toBe('log');
    expect(widget.properties.query).toContain(`SOURCE '@${ids.ingestLogGroup}'`);
    expect(widget.properties.query).toContain('stats count(*) as objects by reason');
  });

  it.each([
    [
      'ingest: invocations, errors, throttles',
      ['Invocations', 'Errors', 'Throttles'].map((m) => `AWS/Lambda ${m} FunctionName @ingestFn`),
    ],
    ['ingest: duration', Array(3).fill('AWS/Lambda Duration FunctionName @ingestFn')],
    ['ingest: cold starts', ['DocIngestOps ColdStart function_name @ingestFn service ingest']],
    [
      'Ingest queue: depth',
      [
        'AWS/SQS ApproximateNumberOfMessagesVisible QueueName @queue',
        'AWS/SQS ApproximateNumberOfMessagesNotVisible QueueName @queue',
      ],
    ],
    [
      'Ingest queue: age of oldest message (s)',
      ['AWS/SQS ApproximateAgeOfOldestMessage QueueName @queue'],
    ],
    ['Ingest DLQ: depth', ['AWS/SQS ApproximateNumberOfMessagesVisible QueueName @dlq']],
    ['publish-events: iterator age (ms)', ['AWS/Lambda IteratorAge FunctionName @publishFn']],
    [
      'publish-events: errors, events published',
      [
        'AWS/Lambda Invocations FunctionName @publishFn',
        'AWS/Lambda Errors FunctionName @publishFn',
        'DocIngestOps DocumentEventsPublished service publish-events',
      ],
    ],
    [
      'Stream failure queue: depth',
      ['AWS/SQS ApproximateNumberOfMessagesVisible QueueName @failureQueue'],
    ],
    [
      'Table: consumed capacity units',
      [
        'AWS/DynamoDB ConsumedReadCapacityUnits TableName @table',
        'AWS/DynamoDB ConsumedWriteCapacityUnits TableName @table',
      ],
    ],
    [
      'Near-duplicate index: consumed capacity units',
      [
        'AWS/DynamoDB ConsumedReadCapacityUnits TableName @nearIndexTable',
        'AWS/DynamoDB ConsumedWriteCapacityUnits TableName @nearIndexTable',
      ],
    ],
  ])('graphs %s', (title, expected) => {
    // Prepare: the logical IDs in place of the construct names.
    const resolved = expected.map((line) =>
      line.replace(/@(\w+)/, (_match: string, name: string) => `@${ids[name]}`),
    );

    // Act
    const actual = metricsOf(byTitle(widgets, title));

    // Assess
    expect(actual).toEqual(resolved);
  });

  it('graphs table throttles as one expression over the table and its index', () => {
    // Prepare
    const widget = byTitle(widgets, 'Table: throttle events');
    const rows = metricsOf(widget);

    // Assess
    const expressions = (widget.properties.metrics ?? []).flatMap((row) =>
      row.flatMap((cell) => (cell as { expression?: string }).expression ?? []),
    );
    expect(expressions).toEqual([expect.stringMatching(/^FILL\(r0, 0\) \+ FILL\(w0, 0\)/)]);
    expect(rows.filter((row) => row.includes('ThrottleEvents'))).toHaveLength(4);
    expect(rows.filter((row) => row.includes('GlobalSecondaryIndexName gsi1'))).toHaveLength(2);
  });

  it.each([
    ['Near-duplicate index: throttle events', /^FILL\(r0, 0\) \+ FILL\(w0, 0\)$/, 'nearIndexTable'],
    [
      'DynamoDB: system errors',
      /^SELECT SUM\(SystemErrors\) FROM SCHEMA\("AWS\/DynamoDB"/,
      'table',
    ],
  ])('graphs %s with the expression its alarm uses', (title, expression, table) => {
    // Prepare
    const widget = byTitle(widgets, title);

    // Act
    const expressions = (widget.properties.metrics ?? []).flatMap((row) =>
      row.flatMap((cell) => (cell as { expression?: string }).expression ?? []),
    );

    // Assess
    expect(expressions).toEqual([expect.stringMatching(expression)]);
    expect(JSON.stringify(widget.properties.metrics)).toContain(`@${ids[table]}`);
  });

  it.each([
    ['backfill', 'backfill'],
    ['reclassify', 'reclassify'],
  ])('graphs the %s job: executions started, succeeded and not', (name, machine) => {
    // Prepare
    const widget = byTitle(widgets, `Job ${name}: executions`);

    // Act
    const rows = metricsOf(widget);

    // Assess
    expect(rows).toEqual(
      expect.arrayContaining([
        `AWS/States ExecutionsStarted StateMachineArn @${ids[machine]}`,
        `AWS/States ExecutionsSucceeded StateMachineArn @${ids[machine]}`,
        `AWS/States ExecutionsFailed StateMachineArn @${ids[machine]}`,
        `AWS/States ExecutionsTimedOut StateMachineArn @${ids[machine]}`,
        `AWS/States ExecutionsAborted StateMachineArn @${ids[machine]}`,
      ]),
    );
  });
});

describe('Construct: PipelineMonitoring (optional parts)', () => {
  /** The construct alone, over imported resources, with or without the near index. */
  const monitoringTemplate = (withNearIndex: boolean) => {
    const stack = createConstructStack();
    const fn = (name: string) => lambda.Function.fromFunctionName(stack, `Fn-${name}`, name);
    const queue = (name: string) =>
      sqs.Queue.fromQueueArn(stack, `Queue-${name}`, `arn:aws:sqs:eu-west-1:123456789012:${name}`);
    new PipelineMonitoring(stack, 'Monitoring', {
      ingestFunction: fn('ingest'),
      ingestLogGroup: logs.LogGroup.fromLogGroupName(stack, 'Logs', '/aws/lambda/ingest'),
      queue: queue('ingest'),
      deadLetterQueue: queue('dlq'),
      publishFunction: fn('publish'),
      failureQueue: queue('failures'),
      table: dynamodb.Table.fromTableName(stack, 'Documents', 'documents'),
      tableIndexNames: ['gsi1'],
      ...(withNearIndex
        ? { nearIndexTable: dynamodb.Table.fromTableName(stack, 'NearIndex', 'near-index') }
        : {}),
    });
    return Template.fromStack(stack);
  };

  const SELECT =
    'SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE ';
  it.each([
    ['without', false, 5, `${SELECT}TableName = 'documents'`],
    ['with', true, 6, `${SELECT}TableName = 'documents' OR TableName = 'near-index'`],
  ])(
    '%s the near index: its alarm and widgets or none, and system errors of the tables given',
    (_label, withNearIndex, count, query) => {
      // Act
      const template = monitoringTemplate(withNearIndex as boolean);

      // Assess
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
      expect(alarms).toHaveLength(count);
      const expressions = alarms.flatMap((alarm) =>
        (alarm.Properties.Metrics ?? []).flatMap(
          (m: { Expression?: string }) => m.Expression ?? [],
        ),
      );
      expect(expressions.find((e: string) => e.startsWith('SELECT'))).toBe(query);
      const titles = dashboardWidgets(template).map((widget) => widget.properties.title);
      expect(titles.some((title) => title?.startsWith('Near-duplicate index'))).toBe(withNearIndex);
      expect(titles.some((title) => title?.startsWith('Job '))).toBe(false);
    },
  );
});
