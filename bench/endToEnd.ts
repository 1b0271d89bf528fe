/*
 * Issue 5, parts 3 and 4: the deployed pipeline end to end on LocalStack, and
 * the request counts behind the cost model (`bench/costModel.ts`).
 *
 * Starts LocalStack if needed (`ensureUp`, honouring LOCALSTACK_PORT and
 * LOCALSTACK_STATE_DIR), deploys a fresh stack under a unique name, uploads
 * `files` objects built from samples/ (distinct variants plus exact
 * duplicates under other keys) with bounded concurrency, and polls DynamoDB
 * in BatchGetItem rounds for each key's source or rejection record. Then it
 * counts what the run cost (Lambda REPORT lines from the host executor's log
 * files, a Scan of the table) and destroys the stack. It stops LocalStack
 * only if it started it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AttributeValue,
  BatchGetItemCommand,
  GetItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { rejectionPartitionKey, sourcePartitionKey, versionSortKey } from '@doc-ingest/contracts';
import { bootstrapLocal, deployLocal, destroyLocal, ROOT } from '../scripts/lib/cdkLocal.ts';
import { localClients } from '../scripts/lib/localAws.ts';
import { ensureUp, stop } from '../scripts/localstack/lib.mjs';
import {
  type CostBreakdown,
  costPerMillion,
  newDocumentCounts,
  type PerDocumentCounts,
  readUnits,
  writeUnits,
} from './costModel.ts';
import { median, quantile, round } from './stats.ts';

interface EndToEndOptions {
  files?: number;
  duplicates?: number;
  concurrency?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** Objects uploaded one at a time after the burst, to time an idle pipeline. */
  trickle?: number;
}

const INGEST_MEMORY_MB = 1024; // IngestFunction default
const PUBLISH_MEMORY_MB = 256; // StreamEventPublisher default
const INLINE_TEXT_MAX_BYTES = 100_000; // IngestPipelineStack default
const LSH_BANDS = 8; // LSH bands per document (packages/core fingerprint, 32 before v3)
/** Keys of the one lookup BatchGetItem per accepted object: the band owners and the document. */
const LOOKUP_KEYS = LSH_BANDS + 1;
/**
 * ASSUMPTION, not measured: ingest I/O time per document on AWS (GetObject,
 * two BatchGetItems, the document, topic and source puts (or one duplicate
 * transaction), each a few ms
 * in-region), amortised over a batch of 10.
 */
const AWS_IO_MS_PER_DOC = 40;

const log = (message: string): void => {
  process.stderr.write(`[e2e] ${message}\n`);
};

/** Deterministic PRNG (mulberry32), as in the corpus. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface PlannedObject {
  key: string;
  body: Buffer;
  family: number;
  duplicateOfIndex?: number;
}

/** `distinct` variants of the samples (one unique paragraph each) plus exact copies. */
const buildObjects = (runId: string, total: number, duplicates: number): PlannedObject[] => {
  const dir = join(ROOT, 'samples');
  const samples = readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => readFileSync(join(dir, name)));
  const distinct = total - duplicates;
  const next = random(7);
  const objects: PlannedObject[] = [];
  for (let i = 0; i < distinct; i++) {
    const family = i % samples.length;
    const tag = createHash('sha256').update(`${runId}/${i}`).digest('hex').slice(0, 12);
    // ASCII only, so it is valid in every sample's encoding (all UTF-8 here).
    const paragraph = `\n\nEditor's note ${i + 1}: this copy was filed under reference ${tag} for the ingestion benchmark, batch ${Math.floor(i / 50) + 1}.\n`;
    // After the first paragraph: a trailing block ("Related news", comments)
    // would be stripped as boilerplate, and the copies would hash alike.
    const sample = samples[family] as Buffer;
    const cut = sample.indexOf('\n\n');
    const at = cut < 0 ? sample.length : cut;
    objects.push({
      key: `bench/${runId}/d${String(i).padStart(4, '0')}.txt`,
      body: Buffer.concat([sample.subarray(0, at), Buffer.from(paragraph), sample.subarray(at)]),
      family,
    });
  }
  for (let j = 0; j < duplicates; j++) {
    const of = Math.floor(next() * distinct);
    const original = objects[of] as PlannedObject;
    objects.push({
      key: `bench/${runId}/copy${String(j).padStart(4, '0')}.txt`,
      body: original.body,
      family: original.family,
      duplicateOfIndex: of,
    });
  }
  // Shuffle (Fisher-Yates) so that copies arrive among the originals.
  for (let i = objects.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [objects[i], objects[j]] = [objects[j] as PlannedObject, objects[i] as PlannedObject];
  }
  return objects;
};

/** Runs `work` over `items` with at most `limit` in flight. */
const pool = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
};

/** DynamoDB's item size: attribute names plus values (approximation of the documented rule). */
const valueBytes = (value: AttributeValue): number => {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\./g, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueBytes(v), 0);
  if (value.M !== undefined) return 3 + itemBytes(value.M) + Object.keys(value.M).length;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + n.length, 0);
  return 0;
};
const itemBytes = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce((sum, [name, v]) => sum + Buffer.byteLength(name) + valueBytes(v), 0);

interface ScannedItem {
  kind: string;
  pk: string;
  bytes: number;
  textBytes: number;
  inGsi: boolean;
  contentHash?: string;
  status?: string;
  key?: string;
  at?: string;
  nearDuplicate: boolean;
  textInS3: boolean;
}

interface LambdaReport {
  invocations: number;
  durationMs: { total: number; median: number; p95: number; max: number };
  billedMs: number;
  maxMemoryUsedMb: number;
  logBytes: number;
}

/** REPORT lines of the stack's functions from the host executor's per-environment log files. */
const lambdaReports = (stackName: string): Record<string, LambdaReport> => {
  const dir = join(process.env.LOCALSTACK_STATE_DIR ?? join(ROOT, '.localstack'), 'logs', 'lambda');
  const byFunction: Record<
    string,
    { durations: number[]; billed: number; mem: number; bytes: number }
  > = {};
  if (!existsSync(dir)) return {};
  for (const file of readdirSync(dir)) {
    if (!file.startsWith(stackName)) continue;
    const lower = file.slice(stackName.length).toLowerCase();
    const name = lower.includes('publish')
      ? 'publish-events'
      : lower.includes('ingest')
        ? 'ingest'
        : 'other';
    const text = readFileSync(join(dir, file), 'utf8');
    const entry = byFunction[name] ?? { durations: [], billed: 0, mem: 0, bytes: 0 };
    entry.bytes += statSync(join(dir, file)).size;
    for (const match of text.matchAll(
      /^REPORT RequestId: \S+\tDuration: ([\d.]+) ms\tBilled Duration: (\d+) ms(?:\tMemory Size: \d+ MB\tMax Memory Used: (\d+) MB)?/gm,
    )) {
      entry.durations.push(Number(match[1]));
      entry.billed += Number(match[2]);
      entry.mem = Math.max(entry.mem, Number(match[3] ?? 0));
    }
    byFunction[name] = entry;
  }
  return Object.fromEntries(
    Object.entries(byFunction).map(([name, e]) => [
      name,
      {
        invocations: e.durations.length,
        durationMs: {
          total: round(
            e.durations.reduce((a, b) => a + b, 0),
            0,
          ),
          median: round(median(e.durations), 1),
          p95: round(quantile(e.durations, 0.95), 1),
          max: round(Math.max(0, ...e.durations), 1),
        },
        billedMs: e.billed,
        maxMemoryUsedMb: e.mem,
        logBytes: e.bytes,
      },
    ]),
  );
};

const latencySummary = (values: number[]) => ({
  count: values.length,
  p50: round(quantile(values, 0.5), 0),
  p95: round(quantile(values, 0.95), 0),
  max: round(Math.max(...values), 0),
  min: round(Math.min(...values), 0),
});

const runEndToEnd = async (options: EndToEndOptions = {}) => {
  const total = options.files ?? 1_000;
  const duplicates = options.duplicates ?? Math.round(total * 0.2);
  const concurrency = options.concurrency ?? 16;
  const pollMs = options.pollMs ?? 200;
  const timeoutMs = options.timeoutMs ?? 900_000;
  const trickle = options.trickle ?? 20;

  const up = await ensureUp();
  log(`LocalStack ${up.alreadyRunning ? 'already running' : 'started'} at ${up.endpoint}`);
  const runId = Date.now().toString(36);
  const stackName = `DocIngestBench${runId}`;
  const clients = localClients();
  let deployed = false;
  try {
    const deployStarted = Date.now();
    await bootstrapLocal();
    const outputs = await deployLocal(stackName);
    deployed = true;
    const deploySeconds = round((Date.now() - deployStarted) / 1000, 1);
    log(`deployed ${stackName} in ${deploySeconds} s`);
    const bucket = outputs.BucketName;
    const table = outputs.TableName;

    const objects = buildObjects(runId, total, duplicates);
    const putDone = new Map<string, number>();
    const versions = new Map<string, string>();
    const seen = new Map<string, { observedAt: number; recordedAt?: number; kind: string }>();
    const pollable: string[] = [];
    const roundMs: number[] = [];

    // Poller: BatchGetItem rounds over the keys uploaded but not seen yet.
    let uploadsDone = false;
    const pollStarted = Date.now();
    const poller = (async () => {
      while (Date.now() - pollStarted < timeoutMs) {
        const roundStart = Date.now();
        const pending = pollable.filter((key) => !seen.has(key));
        const chunks: string[][] = [];
        for (let i = 0; i < pending.length; i += 50) chunks.push(pending.slice(i, i + 50));
        await pool(chunks, 4, async (chunk) => {
          const keys = chunk.flatMap((key) => {
            const versionId = versions.get(key);
            const sk = { S: versionSortKey(versionId === undefined ? {} : { versionId }) };
            return [
              { pk: { S: sourcePartitionKey({ bucket, key }) }, sk },
              { pk: { S: rejectionPartitionKey({ bucket, key }) }, sk },
            ];
          });
          const response = await clients.dynamodb.send(
            new BatchGetItemCommand({
              RequestItems: {
                [table]: {
                  Keys: keys,
                  ProjectionExpression: '#key, kind, receivedAt, rejectedAt',
                  ExpressionAttributeNames: { '#key': 'key' },
                },
              },
            }),
          );
          const observedAt = Date.now();
          for (const item of response.Responses?.[table] ?? []) {
            const key = item.key?.S ?? '';
            if (seen.has(key)) continue;
            const at = item.receivedAt?.S ?? item.rejectedAt?.S;
            const entry: { observedAt: number; recordedAt?: number; kind: string } = {
              observedAt,
              kind: item.kind?.S ?? '?',
            };
            if (at !== undefined) entry.recordedAt = Date.parse(at);
            seen.set(key, entry);
          }
        });
        if (pending.length > 0) roundMs.push(Date.now() - roundStart);
        if (uploadsDone && seen.size === objects.length) return;
        const wait = pollMs - (Date.now() - roundStart);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    })();

    log(
      `uploading ${objects.length} objects (${duplicates} exact copies), ${concurrency} at a time`,
    );
    const started = Date.now();
    await pool(objects, concurrency, async (object) => {
      const response = await clients.s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: object.key, Body: object.body }),
      );
      putDone.set(object.key, Date.now());
      if (response.VersionId !== undefined) versions.set(object.key, response.VersionId);
      pollable.push(object.key);
    });
    const uploadSeconds = (Date.now() - started) / 1000;
    uploadsDone = true;
    log(`uploaded in ${round(uploadSeconds, 1)} s; waiting for records`);
    await poller;
    const lastObserved = Math.max(...[...seen.values()].map((s) => s.observedAt));
    const runSeconds = (lastObserved - started) / 1000;
    const missing = objects.length - seen.size;
    log(`records for ${seen.size}/${objects.length} objects after ${round(runSeconds, 1)} s`);

    // Let publish-events drain the stream: wait until its log stops growing.
    let lastSize = -1;
    for (let i = 0; i < 30; i++) {
      const size = Object.values(lambdaReports(stackName)).reduce((s, r) => s + r.logBytes, 0);
      if (size === lastSize) break;
      lastSize = size;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }

    const observed: number[] = [];
    const recorded: number[] = [];
    for (const [key, s] of seen) {
      const done = putDone.get(key) as number;
      observed.push(s.observedAt - done);
      if (s.recordedAt !== undefined) recorded.push(s.recordedAt - done);
    }

    // Scan: items by kind and size, in the document table and (schema 1.4+)
    // the near-duplicate index table.
    const items: ScannedItem[] = [];
    for (const tableName of [table, outputs.NearIndexTableName]) {
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await clients.dynamodb.send(
          new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }),
        );
        for (const item of page.Items ?? []) {
          const scanned: ScannedItem = {
            kind: item.kind?.S ?? '?',
            pk: item.pk?.S ?? '',
            bytes: itemBytes(item),
            textBytes: item.text?.S === undefined ? 0 : Buffer.byteLength(item.text.S),
            inGsi: item.gsi1pk !== undefined,
            nearDuplicate: item.nearDuplicateOf !== undefined,
            textInS3: item.textLocation !== undefined,
          };
          if (item.contentHash?.S !== undefined) scanned.contentHash = item.contentHash.S;
          if (item.status?.S !== undefined) scanned.status = item.status.S;
          if (item.key?.S !== undefined) scanned.key = item.key.S;
          const at = item.createdAt?.S ?? item.receivedAt?.S;
          if (at !== undefined) scanned.at = at;
          items.push(scanned);
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined);
    }

    const ofKind = (kind: string) => items.filter((i) => i.kind === kind);
    const documents = ofKind('document');
    const sources = ofKind('source');
    const topics = ofKind('topic');
    const bands = ofKind('near-band');
    const rejections = ofKind('rejection');
    const itemCounts = Object.fromEntries(
      ['document', 'source', 'topic', 'near-band', 'rejection'].map((k) => [k, ofKind(k).length]),
    );
    const outcomes = {
      new: documents.filter((d) => !d.nearDuplicate).length,
      nearDuplicate: documents.filter((d) => d.nearDuplicate).length,
      duplicate: sources.filter((s) => s.status === 'duplicate').length,
      rejected: rejections.length,
    };

    // Write request units per document, from the measured item sizes.
    const docByHash = new Map(documents.map((d) => [d.contentHash, d]));
    const topicsByHash = new Map<string, ScannedItem[]>();
    for (const t of topics) {
      const list = topicsByHash.get(t.pk.slice(4)) ?? [];
      list.push(t);
      topicsByHash.set(t.pk.slice(4), list);
    }
    const bandsByHash = new Map<string, ScannedItem[]>();
    for (const b of bands) {
      const hash = b.contentHash ?? '';
      const list = bandsByHash.get(hash) ?? [];
      list.push(b);
      bandsByHash.set(hash, list);
    }
    const gsi = (i: ScannedItem) => (i.inGsi ? writeUnits(i.bytes, false) : 0);
    // The document, its topics and its first source: single conditional puts
    // (one transaction at 2 WRU per KB each until issue 12's second cost round).
    const firstRecord = (doc: ScannedItem, source: ScannedItem) =>
      writeUnits(doc.bytes, false) +
      writeUnits(source.bytes, false) +
      (topicsByHash.get(doc.contentHash ?? '') ?? []).reduce(
        (s, t) => s + writeUnits(t.bytes, false),
        0,
      );
    let wru = 0;
    for (const source of sources) {
      const doc = docByHash.get(source.contentHash);
      if (doc === undefined) continue;
      if (source.status === 'new') {
        wru += firstRecord(doc, source) + gsi(source) + gsi(doc);
        for (const t of topicsByHash.get(doc.contentHash ?? '') ?? []) wru += gsi(t);
        for (const b of bandsByHash.get(doc.contentHash ?? '') ?? [])
          wru += writeUnits(b.bytes, false) + gsi(b);
      } else {
        // Source + counter only: the lookup saw the document, so the create
        // transaction is skipped. (A copy racing its original, before the
        // original's document exists, also runs a cancelled create: not counted.)
        wru +=
          writeUnits(source.bytes, true) + writeUnits(doc.bytes, true) + gsi(source) + gsi(doc);
      }
    }
    for (const r of rejections) wru += writeUnits(r.bytes, false) + gsi(r);

    // Read request units: one BatchGetItem of LOOKUP_KEYS keys per accepted
    // object (eventually consistent, at least 0.5 RRU per key, found or not).
    // Band owner items stay under 4 KB; the document key costs the stored
    // document's size for an exact duplicate, whose document exists. (A text
    // too short to have bands skips the lookup; the samples have none.)
    let rru = 0;
    for (const s of sources) {
      const doc = docByHash.get(s.contentHash);
      rru += LSH_BANDS * readUnits(0, false);
      rru +=
        s.status === 'duplicate' && doc !== undefined
          ? readUnits(doc.bytes, false)
          : readUnits(0, false);
    }
    // Band claims are one conditional PutItem per band (fingerprint v3).
    const bandWrites = bands.length;

    const lambda = lambdaReports(stackName);
    const ingest = lambda.ingest;
    const publish = lambda['publish-events'];
    const dlq = await clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: outputs.DeadLetterQueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages'],
      }),
    );
    const n = objects.length;
    const newDocs = documents.length;
    const ingestInvocations = ingest?.invocations ?? 0;
    const textPuts = documents.filter((d) => d.textInS3).length;
    const gbs = (r: LambdaReport | undefined, mb: number) =>
      r === undefined ? 0 : (r.billedMs / 1000) * (mb / 1024);
    const perDocument: PerDocumentCounts = {
      s3Puts: (n + textPuts) / n,
      s3Gets: 1,
      sqsRequests: (n + 2 * ingestInvocations) / n,
      lambda: [
        {
          name: 'ingest',
          invocations: ingestInvocations / n,
          gbSeconds: gbs(ingest, INGEST_MEMORY_MB) / n,
        },
        {
          name: 'publish-events',
          invocations: (publish?.invocations ?? 0) / n,
          gbSeconds: gbs(publish, PUBLISH_MEMORY_MB) / n,
        },
      ],
      dynamoWru: wru / n,
      dynamoRru: rru / n,
      streamReads: (publish?.invocations ?? 0) / n,
      eventBridgeEvents: newDocs / n,
      // S3 Bucket Keys (SecureBucket) amortize KMS requests to about zero per object.
      kmsRequests: 0,
      logBytes: ((ingest?.logBytes ?? 0) + (publish?.logBytes ?? 0)) / n,
    };
    const measuredCost = costPerMillion(perDocument);

    // Size scenarios for one new document. Ingest time per document: the
    // measured LocalStack figure for the ~2 KB samples, minus the core's time
    // for ~2 KB (3.0 ms, part 1), plus the core's time at each size (part 5).
    const mean = (values: number[]) =>
      values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    const ingestMsPerDoc = (ingest?.billedMs ?? 0) / n;
    const ioMsPerDoc = Math.max(0, ingestMsPerDoc - 3.0);
    const sizeScenarios = (ioMs: number): Record<string, CostBreakdown> => {
      const scenarios: Record<string, CostBreakdown> = {};
      for (const [label, textBytes, coreMs] of [
        ['1 KB', 1_024, 1.52],
        ['10 KB', 10_240, 6.58],
        ['100 KB', 102_400, 28.3],
      ] as const) {
        scenarios[label] = costPerMillion(
          newDocumentCounts({
            label,
            textBytes,
            inlineTextMaxBytes: INLINE_TEXT_MAX_BYTES,
            documentOverheadBytes: Math.round(mean(documents.map((d) => d.bytes - d.textBytes))),
            sourceBytes: Math.round(mean(sources.map((s) => s.bytes))),
            topicItems: documents.length === 0 ? 0 : topics.length / documents.length,
            topicBytes: Math.round(mean(topics.map((t) => t.bytes))),
            bandItems: LSH_BANDS,
            bandBytes: Math.round(mean(bands.map((b) => b.bytes))),
            lookupKeys: LOOKUP_KEYS,
            ingestMsPerDoc: ioMs + coreMs,
            ingestMemoryMb: INGEST_MEMORY_MB,
            ingestInvocationsPerDoc: ingestInvocations / n,
            publish: {
              invocations: (publish?.invocations ?? 0) / Math.max(1, newDocs),
              gbSeconds: gbs(publish, PUBLISH_MEMORY_MB) / Math.max(1, newDocs),
            },
            logBytes: perDocument.logBytes,
          }),
        );
      }
      return scenarios;
    };
    // Idle latency: one object at a time, each awaited (GetItem every 100 ms)
    // before the next. Uploaded after the counts above, so they do not skew them.
    const idleObserved: number[] = [];
    const idleRecorded: number[] = [];
    for (const object of buildObjects(`${runId}-idle`, trickle, 0)) {
      const response = await clients.s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: object.key, Body: object.body }),
      );
      const done = Date.now();
      const key = {
        pk: { S: sourcePartitionKey({ bucket, key: object.key }) },
        sk: {
          S: versionSortKey(
            response.VersionId === undefined ? {} : { versionId: response.VersionId },
          ),
        },
      };
      while (Date.now() - done < 120_000) {
        const { Item } = await clients.dynamodb.send(
          new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }),
        );
        if (Item !== undefined) {
          idleObserved.push(Date.now() - done);
          const at = Item.receivedAt?.S;
          if (at !== undefined) idleRecorded.push(Date.parse(at) - done);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    log(`idle latency over ${idleObserved.length}/${trickle} objects`);

    const result = {
      stackName,
      deploySeconds,
      objects: n,
      exactCopies: duplicates,
      bytes: objects.reduce((s, o) => s + o.body.length, 0),
      concurrency,
      pollMs,
      pollRoundMs: {
        median: round(median(roundMs), 0),
        p95: round(quantile(roundMs, 0.95), 0),
        max: round(Math.max(0, ...roundMs), 0),
      },
      uploadSeconds: round(uploadSeconds, 1),
      runSeconds: round(runSeconds, 1),
      documentsPerSecond: round(seen.size / runSeconds, 1),
      uploadsPerSecond: round(n / uploadSeconds, 1),
      missing,
      latencyMs: {
        /** PutObject completion -> record seen by the poller (includes poll resolution). */
        observed: latencySummary(observed),
        /** PutObject completion -> timestamp the Lambda put in the record (same host clock). */
        recorded: latencySummary(recorded),
        /** The same for objects sent one at a time to an idle pipeline (poll every 100 ms). */
        idleObserved: latencySummary(idleObserved),
        idleRecorded: latencySummary(idleRecorded),
      },
      outcomes,
      items: itemCounts,
      itemBytes: {
        document: round(mean(documents.map((d) => d.bytes)), 0),
        documentText: round(mean(documents.map((d) => d.textBytes)), 0),
        source: round(mean(sources.map((s) => s.bytes)), 0),
        topic: round(mean(topics.map((t) => t.bytes)), 0),
        nearBand: round(mean(bands.map((b) => b.bytes)), 0),
      },
      topicsPerDocument: round(topics.length / Math.max(1, documents.length), 2),
      bandOwners: bandsByHash.size,
      lambda,
      deadLetterMessages: Number(dlq.Attributes?.ApproximateNumberOfMessages ?? 0),
      requests: {
        s3Put: n + textPuts,
        s3Get: n,
        sqsSend: n,
        sqsReceiveWithMessages: ingestInvocations,
        sqsDeleteBatch: ingestInvocations,
        dynamoTransactWriteItems: outcomes.duplicate,
        // Document, topics and first source of each new document, rejections, band claims.
        dynamoPutItem:
          2 * (outcomes.new + outcomes.nearDuplicate) +
          topics.length +
          outcomes.rejected +
          bandWrites,
        dynamoBatchGetItem: sources.length,
        dynamoBatchGetItemKeys: LOOKUP_KEYS * sources.length,
        dynamoBatchWriteItem: 0,
        streamInvocations: publish?.invocations ?? 0,
        eventBridgeEvents: newDocs,
      },
      writeUnits: { total: wru },
      readUnits: rru,
      perDocument,
      cost: measuredCost,
      /** New documents by size, with the I/O time per document measured on LocalStack. */
      costBySize: sizeScenarios(ioMsPerDoc),
      ioMsPerDocMeasured: round(ioMsPerDoc, 1),
      /** The same with an assumed AWS I/O time per document (AWS_IO_MS_PER_DOC). */
      costBySizeAwsIo: sizeScenarios(AWS_IO_MS_PER_DOC),
    };
    return result;
  } finally {
    if (deployed) {
      log(`destroying ${stackName}`);
      await destroyLocal(stackName).catch((error: unknown) =>
        log(`destroy failed: ${String(error)}`),
      );
    }
    if (!up.alreadyRunning) {
      log('stopping the LocalStack this run started');
      await stop();
    }
  }
};

type EndToEndResult = Awaited<ReturnType<typeof runEndToEnd>>;

export type { EndToEndOptions, EndToEndResult };
export { buildObjects, runEndToEnd };
