import { Readable } from 'node:stream';
import {
  DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { type CorpusDocument, generateCorpus } from './corpus.ts';
import { MB, round } from './stats.ts';

/*
 * Memory of the real ingest handler (its middy + Powertools chain, the core,
 * the adapters) over many files in one process, as one warm Lambda
 * environment would see them. S3 and DynamoDB are aws-sdk-client-mock stubs
 * that keep no state, so any growth is the handler's own: LocalStack would
 * add the SDK's HTTP stack but also its own noise (issue 5, part 3).
 */

/** Options of `runMemory`. */
interface MemoryOptions {
  /** @default 10000 */
  files?: number;
  /** SQS messages per invocation (the event source's batch size). @default 10 */
  batchSize?: number;
  /** Sample `process.memoryUsage()` every this many files. @default 1000 */
  sampleEvery?: number;
}

interface MemorySample {
  files: number;
  heapUsedMb: number;
  rssMb: number;
  externalMb: number;
}

interface MemoryResult {
  files: number;
  invocations: number;
  seconds: number;
  filesPerSecond: number;
  /** Whether `global.gc` was available (run with `--expose-gc`) so samples follow a full GC. */
  gcBeforeSample: boolean;
  samples: MemorySample[];
  /** Heap growth from the first to the last sample, in MB, and per 1,000 files in KB. */
  heapGrowthMb: number;
  heapGrowthKbPer1000Files: number;
  rssGrowthMb: number;
  failures: number;
  /** Documents and rejections written (PutItems of those kinds). */
  documentsRecorded: number;
  rejectionsRecorded: number;
}

type Handler = (event: SQSEvent, context: Context) => Promise<{ batchItemFailures: unknown[] }>;

const HANDLER_ENV: Record<string, string> = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  DOCUMENT_TABLE_NAME: 'documents',
  NEAR_INDEX_TABLE_NAME: 'near-index',
  DOCUMENT_TEXT_BUCKET_NAME: 'texts',
  MAX_OBJECT_BYTES: String(10 * 1_048_576),
  INLINE_TEXT_MAX_BYTES: '100000',
  POWERTOOLS_SERVICE_NAME: 'ingest-bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_METRICS_NAMESPACE: 'DocIngestBench',
};

const BUCKET = 'doc-ingest-bench';

const fakeContext = (requestId: string): Context =>
  ({
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'ingest-bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:ingest-bench',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/ingest-bench',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) as Context;

const sqsRecord = (doc: CorpusDocument, index: number): SQSRecord => {
  const notification = {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-1',
        eventTime: '2026-11-22T10:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:BENCH' },
        requestParameters: { sourceIPAddress: '203.0.113.10' },
        responseElements: { 'x-amz-request-id': 'BENCH', 'x-amz-id-2': 'BENCH' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'ingest',
          bucket: {
            name: BUCKET,
            ownerIdentity: { principalId: 'BENCH' },
            arn: `arn:aws:s3:::${BUCKET}`,
          },
          object: {
            key: encodeURIComponent(doc.key).replace(/%2F/g, '/'),
            size: doc.bytes.length,
            eTag: '0123456789abcdef0123456789abcdef',
            sequencer: index.toString(16).padStart(18, '0'),
          },
        },
      },
    ],
  };
  return {
    messageId: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    receiptHandle: 'bench',
    body: JSON.stringify(notification),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1763805600000',
      SenderId: 'BENCH',
      ApproximateFirstReceiveTimestamp: '1763805600010',
    },
    messageAttributes: {},
    md5OfBody: 'bench',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:doc-ingest-bench',
    awsRegion: 'eu-west-1',
  };
};

const sample = (files: number): MemorySample => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  return {
    files,
    heapUsedMb: round(usage.heapUsed / MB, 1),
    rssMb: round(usage.rss / MB, 1),
    externalMb: round(usage.external / MB, 1),
  };
};

/**
 * Runs the ingest handler in-process over `files` synthetic S3 notifications
 * (SQS batches of `batchSize`), each a distinct corpus document, and samples
 * memory every `sampleEvery` files after a full GC when `--expose-gc` is on.
 *
 * @example
 * const { heapGrowthMb } = await runMemory({ files: 1_000 });
 */
const runMemory = async (options: MemoryOptions = {}): Promise<MemoryResult> => {
  const files = options.files ?? 10_000;
  const batchSize = options.batchSize ?? 10;
  const sampleEvery = options.sampleEvery ?? 1_000;
  Object.assign(process.env, HANDLER_ENV);
  const docs = generateCorpus({ count: files, seed: 1_000 });
  const byKey = new Map(docs.map((doc) => [doc.key, doc.bytes]));

  const s3 = mockClient(S3Client);
  const dynamodb = mockClient(DynamoDBClient);
  s3.on(GetObjectCommand).callsFake((input: { Key: string }) => {
    const bytes = byKey.get(input.Key);
    if (bytes === undefined) throw new Error(`bench: no object ${input.Key}`);
    return {
      Body: Readable.from([Buffer.from(bytes)]) as never,
      ContentLength: bytes.byteLength,
      ETag: '"etag"',
    };
  });
  s3.on(PutObjectCommand).resolves({});
  // One empty answer fits every read the handler makes (Query, BatchGetItem) and
  // every batch write: no near-duplicate candidates, nothing left unprocessed.
  dynamodb.onAnyCommand().resolves({ Items: [], Responses: {}, UnprocessedItems: {} } as never);
  dynamodb.on(TransactWriteItemsCommand).resolves({});
  dynamodb.on(PutItemCommand).resolves({});

  const { handler } = (await import('../functions/ingest/handler.ts')) as unknown as {
    handler: Handler;
  };
  const samples: MemorySample[] = [sample(0)];
  let failures = 0;
  let documentsRecorded = 0;
  let rejectionsRecorded = 0;
  const start = performance.now();
  for (let first = 0; first < files; first += batchSize) {
    const records = docs
      .slice(first, first + batchSize)
      .map((doc, offset) => sqsRecord(doc, first + offset));
    const response = await handler({ Records: records }, fakeContext(`bench-${first}`));
    failures += response.batchItemFailures.length;
    const puts = dynamodb.commandCalls(PutItemCommand).map((c) => c.args[0].input.Item?.kind?.S);
    documentsRecorded += puts.filter((kind) => kind === 'document').length;
    rejectionsRecorded += puts.filter((kind) => kind === 'rejection').length;
    // sinon keeps every call for assertions; a benchmark must not count that as the handler's.
    s3.resetHistory();
    dynamodb.resetHistory();
    const done = first + records.length;
    if (done % sampleEvery === 0 || done === files) {
      samples.push(sample(done));
      console.error(`memory: ${done} files, heap ${samples.at(-1)?.heapUsedMb} MB`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  s3.restore();
  dynamodb.restore();
  // The first sample after the warm-up batch is the baseline: module init and JIT are done by then.
  const baseline = samples[1] ?? samples[0];
  const last = samples.at(-1);
  const heapGrowthMb = round((last?.heapUsedMb ?? 0) - (baseline?.heapUsedMb ?? 0), 1);
  const span = (last?.files ?? 0) - (baseline?.files ?? 0);
  return {
    files,
    invocations: Math.ceil(files / batchSize),
    seconds: round(seconds, 1),
    filesPerSecond: round(files / seconds, 0),
    gcBeforeSample: typeof (globalThis as { gc?: unknown }).gc === 'function',
    samples,
    heapGrowthMb,
    heapGrowthKbPer1000Files: span > 0 ? round((heapGrowthMb * 1000 * 1000) / span, 0) : 0,
    rssGrowthMb: round((last?.rssMb ?? 0) - (baseline?.rssMb ?? 0), 1),
    failures,
    documentsRecorded,
    rejectionsRecorded,
  };
};

export type { MemoryOptions, MemoryResult, MemorySample };
export { runMemory };
