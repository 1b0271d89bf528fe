import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  paginateListFunctions,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { getDocument } from '@doc-ingest/aws-adapters';
import { main } from '@doc-ingest/cli';
import {
  DOCUMENT_SORT_KEY,
  DocumentEvents,
  documentEventId,
  documentPartitionKey,
  EnvKeys,
} from '@doc-ingest/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_REGION, LOCALSTACK_ENDPOINT, localClients } from '../../scripts/lib/localAws.ts';
import { awaitOutcomes } from '../../scripts/lib/uploadAndAwait.ts';
import { createEventsProbe } from '../helpers/eventsProbe.ts';

/*
 * An EventBridge outage, on the deployed stack: the publish-events function's
 * EventBridge endpoint is pointed at a closed loopback port (the SDK's own
 * AWS_ENDPOINT_URL_EVENTBRIDGE setting), so every PutEvents fails to connect;
 * documents are ingested, and the endpoint comes back. (A bus that does not
 * exist would not do: LocalStack's events provider acknowledges events for a
 * missing bus and drops them, see put_events in its provider.) Every event
 * must arrive: retried by the stream mapping (retries and record age
 * unbounded) once the bus is back, or, after the retry window (shortened here
 * from 23 h to seconds through the function's own setting), written to the
 * stream-failure queue and delivered by `ingest republish --from-failure-queue`.
 * LocalStack's stream poller backs off exponentially (0.5 s up to 60 s) between tries.
 */

const { outputs } = inject('deployment');
const clients = localClients();
const lambda = new LambdaClient({
  endpoint: LOCALSTACK_ENDPOINT,
  region: LOCAL_REGION,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const runId = Date.now().toString(36);
const TIMEOUT_MS = 180_000;

let probe: Awaited<ReturnType<typeof createEventsProbe>>;
let functionName: string;
let productionEnvironment: Record<string, string>;

type Received = { 'detail-type': string; detail: { contentHash: string; eventId: string } };

const findPublisher = async (): Promise<string> => {
  for await (const page of paginateListFunctions({ client: lambda }, {})) {
    for (const fn of page.Functions ?? []) {
      if (fn.Environment?.Variables?.[EnvKeys.EVENT_BUS_NAME] === outputs.EventBusName)
        return fn.FunctionName as string;
    }
  }
  throw new Error('publish-events function not found');
};

/** Replaces the function's environment and waits until the update is live. */
const setEnvironment = async (variables: Record<string, string>) => {
  await lambda.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: functionName,
      Environment: { Variables: variables },
    }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const config = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: functionName }),
    );
    if (config.LastUpdateStatus === 'Successful') return;
    if (Date.now() > deadline) throw new Error(`function update: ${config.LastUpdateStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

/** Nothing listens on the discard port of loopback: connections are refused at once. */
const UNREACHABLE_ENDPOINT = 'http://127.0.0.1:9';

const cutOffEventBridge = (extra: Record<string, string> = {}) =>
  setEnvironment({
    ...productionEnvironment,
    AWS_ENDPOINT_URL_EVENTBRIDGE: UNREACHABLE_ENDPOINT,
    ...extra,
  });

const failureQueueDepth = async (): Promise<number> => {
  const { Attributes = {} } = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: outputs.StreamFailureQueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

/** Uploads distinct articles and returns their content hashes once recorded. */
const ingest = async (prefix: string, count: number): Promise<string[]> => {
  const keys = Array.from({ length: count }, (_, index) => `${prefix}/article-${index}.txt`);
  for (const [index, key] of keys.entries()) {
    const body =
      `Bus outage ${prefix} ${index} ${runId}\n\nCustoms officers seized a shipment of ` +
      `firearms bound for a criminal network, prosecutors said; case ${prefix}-${index}.\n`;
    await clients.s3.send(
      new PutObjectCommand({ Bucket: outputs.BucketName, Key: key, Body: Buffer.from(body) }),
    );
  }
  const { outcomes, missing } = await awaitOutcomes(
    clients.dynamodb,
    outputs.TableName,
    outputs.BucketName,
    keys,
    { timeoutMs: TIMEOUT_MS },
  );
  expect(missing).toEqual([]);
  return outcomes.map((outcome) => {
    if (outcome.kind !== 'source') throw new Error(`${outcome.key}: ${outcome.kind}`);
    return outcome.record.contentHash;
  });
};

const expectedIds = async (hashes: string[]) =>
  Promise.all(
    hashes.map(async (hash) => {
      const doc = await getDocument(clients.dynamodb, outputs.TableName, hash);
      return documentEventId(DocumentEvents.DOCUMENT_INGESTED, hash, doc?.createdAt ?? '');
    }),
  );

const eventsFor = (hashes: string[]) => (event: unknown) =>
  hashes.includes((event as Received).detail.contentHash);

beforeAll(async () => {
  functionName = await findPublisher();
  const config = await lambda.send(
    new GetFunctionConfigurationCommand({ FunctionName: functionName }),
  );
  productionEnvironment = config.Environment?.Variables ?? {};
  probe = await createEventsProbe(clients, outputs.EventBusName, DocumentEvents.SOURCE);
});

afterAll(async () => {
  if (productionEnvironment !== undefined) await setEnvironment(productionEnvironment);
  await probe?.dispose();
});

describe('E2E: EventBridge outage', () => {
  it('delivers every event once the bus is back, by retrying the stream', async () => {
    // Prepare
    await cutOffEventBridge();

    // Act: documents are recorded while no event can be published
    const hashes = await ingest('outage-short', 2);
    const duringOutage = await probe.collect(1, 5_000, eventsFor(hashes));
    await setEnvironment(productionEnvironment);
    const received = (await probe.collect(2, TIMEOUT_MS, eventsFor(hashes))) as Received[];

    // Assess
    expect(duringOutage).toEqual([]);
    expect(received.map((event) => event.detail.eventId).sort()).toEqual(
      (await expectedIds(hashes)).sort(),
    );
    expect(await failureQueueDepth()).toBe(0);
  });

  it('parks the events in the failure queue after the retry window; republish delivers them', async () => {
    // Prepare: a retry window of seconds instead of 23 hours. (DynamoDB Local
    // rounds a record's creation time down to the minute, so here the
    // function may give up on its first try; the handler tests pin the clock.)
    await cutOffEventBridge({ [EnvKeys.EVENT_RETRY_WINDOW_SECONDS]: '10' });

    // Act 1: the function gives up and writes the events to the failure queue
    const hashes = await ingest('outage-long', 2);
    const deadline = Date.now() + TIMEOUT_MS;
    while ((await failureQueueDepth()) < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const parked = await failureQueueDepth();
    await setEnvironment(productionEnvironment);
    const beforeRepublish = await probe.collect(1, 3_000, eventsFor(hashes));

    // Act 2: the operator republishes from the queue
    let stdout = '';
    const code = await main(
      [
        'republish',
        '--table',
        outputs.TableName,
        '--bus',
        outputs.EventBusName,
        '--from-failure-queue',
        outputs.StreamFailureQueueUrl,
      ],
      { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: () => true } },
      {
        dynamodb: () => clients.dynamodb,
        sqs: () => clients.sqs,
        eventBridge: () => clients.eventBridge,
      },
    );
    const received = (await probe.collect(2, 30_000, eventsFor(hashes))) as Received[];

    // Assess: nothing arrived before, everything after, with the ids the
    // stream consumer would have given; the queue is empty again.
    expect(parked).toBe(2);
    expect(beforeRepublish).toEqual([]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      published: 2,
      failed: 0,
      messages: { read: 2, kept: 0 },
    });
    expect(received.map((event) => event.detail.eventId).sort()).toEqual(
      (await expectedIds(hashes)).sort(),
    );
    expect(await failureQueueDepth()).toBe(0);
  });
});

describe('E2E: withdrawal and purge events', () => {
  it('publishes DocumentWithdrawn when withdrawnAt appears and DocumentPurged on a REMOVE, nothing for other MODIFYs', async () => {
    // Prepare: one document; withdrawal and purge are written here as the
    // table would receive them (the stream mapping's filters are under test).
    const [hash] = (await ingest('lifecycle', 1)) as [string];
    await probe.collect(1, TIMEOUT_MS, eventsFor([hash]));
    const doc = await getDocument(clients.dynamodb, outputs.TableName, hash);
    const key = { pk: { S: documentPartitionKey(hash) }, sk: { S: DOCUMENT_SORT_KEY } };
    const withdrawnAt = new Date().toISOString();
    const update = (expression: string, values: Record<string, { S: string } | { N: string }>) =>
      clients.dynamodb.send(
        new UpdateItemCommand({
          TableName: outputs.TableName,
          Key: key,
          UpdateExpression: expression,
          ExpressionAttributeValues: values,
        }),
      );

    // Act
    await update('SET updatedAt = :now', { ':now': { S: withdrawnAt } });
    await update('SET withdrawnAt = :at, liveSourceCount = :zero', {
      ':at': { S: withdrawnAt },
      ':zero': { N: '0' },
    });
    await update('SET updatedAt = :later', { ':later': { S: new Date().toISOString() } });
    await clients.dynamodb.send(new DeleteItemCommand({ TableName: outputs.TableName, Key: key }));
    const received = (await probe.collect(3, 60_000, eventsFor([hash]))) as Received[];
    // Give an unwanted extra event a moment to show up before counting.
    const settled = (await probe.collect(4, 3_000, eventsFor([hash]))) as Received[];

    // Assess (the probe's queue does not keep the bus's order)
    const ids = (events: Received[]) => events.map((event) => event.detail.eventId).sort();
    expect(ids(received)).toEqual(
      [
        documentEventId(DocumentEvents.DOCUMENT_INGESTED, hash, doc?.createdAt ?? ''),
        documentEventId(DocumentEvents.DOCUMENT_WITHDRAWN, hash, withdrawnAt),
        documentEventId(DocumentEvents.DOCUMENT_PURGED, hash, doc?.createdAt ?? ''),
      ].sort(),
    );
    expect(settled).toHaveLength(3);
  });
});
