/*
 * Cost model of issue 5, part 4: AWS requests per document -> dollars per
 * million documents. Pure functions, no I/O: `bench/endToEnd.ts` measures
 * the counts on LocalStack and calls `costPerMillion`.
 *
 * PRICES are public list prices for us-east-1 as known on 2026-11-22 (the
 * date of the benchmark run). They are ASSUMPTIONS TO VERIFY against
 * https://aws.amazon.com/pricing/ before quoting them: AWS changes prices
 * (DynamoDB on-demand was cut by 50 % in November 2024 to the figures below).
 * Free tiers, storage (S3, DynamoDB, PITR backups, log retention) and data
 * transfer are excluded.
 */

/** us-east-1 list prices, dollars per single unit. Verify before use. */
const PRICES = {
  region: 'us-east-1',
  asOf: '2026-11-22 (list prices as known to the author; verify)',
  /** Lambda arm64, per GB-second. */
  lambdaGbSecond: 0.0000133334,
  /** Lambda, per request (invocation): $0.20 per million. */
  lambdaRequest: 0.2 / 1e6,
  /** SQS standard, per request (each 64 KB chunk of a payload is one request): $0.40 per million. */
  sqsRequest: 0.4 / 1e6,
  /** S3 Standard GET, per request: $0.0004 per 1,000. */
  s3Get: 0.0004 / 1e3,
  /** S3 Standard PUT, per request: $0.005 per 1,000. */
  s3Put: 0.005 / 1e3,
  /** DynamoDB on-demand write request unit: $0.625 per million (since Nov 2024). */
  dynamoWru: 0.625 / 1e6,
  /** DynamoDB on-demand read request unit: $0.125 per million (since Nov 2024). */
  dynamoRru: 0.125 / 1e6,
  /**
   * DynamoDB Streams read request unit: $0.02 per 100,000. GetRecords calls
   * made by a Lambda event source mapping are free, so the model counts them
   * but charges them only when `chargeStreamReads` is set.
   */
  streamRead: 0.02 / 1e5,
  /** EventBridge custom events, per 64 KB event: $1.00 per million. */
  eventBridgeEvent: 1 / 1e6,
  /** KMS, per request: $0.03 per 10,000. */
  kmsRequest: 0.03 / 1e4,
  /** CloudWatch Logs ingestion (standard class), per byte: $0.50 per GB. */
  logIngestByte: 0.5 / 1e9,
} as const;

type Prices = typeof PRICES;

/** Average requests and units per uploaded document (all outcomes mixed). */
interface PerDocumentCounts {
  /** The upload itself (client PutObject) plus text-bucket PUTs of large texts. */
  s3Puts: number;
  s3Gets: number;
  /** S3 -> SQS notification sends, receives that returned messages, batch deletes. */
  sqsRequests: number;
  lambda: { name: string; invocations: number; gbSeconds: number }[];
  dynamoWru: number;
  dynamoRru: number;
  streamReads: number;
  eventBridgeEvents: number;
  kmsRequests: number;
  logBytes: number;
}

interface CostLine {
  item: string;
  perDocument: number;
  dollarsPerMillionDocs: number;
}

interface CostBreakdown {
  region: string;
  pricesAsOf: string;
  lines: CostLine[];
  totalDollarsPerMillionDocs: number;
}

const perMillion = (units: number, price: number): number => units * price * 1e6;

/**
 * Dollars per million documents for the given average per-document counts.
 *
 * @example
 * costPerMillion({ s3Puts: 1, s3Gets: 1, ... }).totalDollarsPerMillionDocs
 */
const costPerMillion = (
  counts: PerDocumentCounts,
  options: { prices?: Prices; chargeStreamReads?: boolean } = {},
): CostBreakdown => {
  const p = options.prices ?? PRICES;
  const lines: CostLine[] = [
    { item: 'S3 PUT (upload + large texts)', units: counts.s3Puts, price: p.s3Put },
    { item: 'S3 GET', units: counts.s3Gets, price: p.s3Get },
    { item: 'SQS requests', units: counts.sqsRequests, price: p.sqsRequest },
    ...counts.lambda.flatMap((fn) => [
      { item: `Lambda ${fn.name} requests`, units: fn.invocations, price: p.lambdaRequest },
      { item: `Lambda ${fn.name} GB-s`, units: fn.gbSeconds, price: p.lambdaGbSecond },
    ]),
    { item: 'DynamoDB write request units', units: counts.dynamoWru, price: p.dynamoWru },
    { item: 'DynamoDB read request units', units: counts.dynamoRru, price: p.dynamoRru },
    {
      item: `DynamoDB Streams reads${options.chargeStreamReads ? '' : ' (free for Lambda)'}`,
      units: counts.streamReads,
      price: options.chargeStreamReads ? p.streamRead : 0,
    },
    { item: 'EventBridge events', units: counts.eventBridgeEvents, price: p.eventBridgeEvent },
    { item: 'KMS requests', units: counts.kmsRequests, price: p.kmsRequest },
    { item: 'CloudWatch Logs bytes', units: counts.logBytes, price: p.logIngestByte },
  ].map(({ item, units, price }) => ({
    item,
    perDocument: units,
    dollarsPerMillionDocs: perMillion(units, price),
  }));
  return {
    region: p.region,
    pricesAsOf: p.asOf,
    lines,
    totalDollarsPerMillionDocs: lines.reduce((sum, line) => sum + line.dollarsPerMillionDocs, 0),
  };
};

/** DynamoDB item-size rounding: write units per 1 KB, read units per 4 KB. */
const writeUnits = (bytes: number, transactional: boolean): number =>
  Math.max(1, Math.ceil(bytes / 1024)) * (transactional ? 2 : 1);
const readUnits = (bytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

/**
 * What one *new* document of a given text size costs, from the item shapes
 * measured in the run (bytes of the document item without its text, source,
 * topic and band items) and the ingest function's duration at that size.
 * Texts above `inlineTextMaxBytes` (100,000 bytes) go to the text bucket:
 * one more S3 PUT, and the document item keeps only a pointer.
 */
interface SizeScenarioInput {
  label: string;
  textBytes: number;
  inlineTextMaxBytes: number;
  /** Document item bytes minus the inline text. */
  documentOverheadBytes: number;
  sourceBytes: number;
  topicItems: number;
  topicBytes: number;
  /** Band owner items the document claims (all of its bands when no other document owns one). */
  bandItems: number;
  /**
   * Claims in one transaction (2 WRU per KB each), as from schema 1.3 to 1.4;
   * since fingerprint v3 they are single conditional puts.
   * @default false
   */
  transactionalClaims?: boolean;
  /**
   * The document, its source and its topics in one transaction (2 WRU per KB
   * each), as up to issue 12's second cost round; since then single
   * conditional puts (1 WRU per KB each).
   * @default false
   */
  transactionalRecord?: boolean;
  bandBytes: number;
  /**
   * Keys of the one BatchGetItem that looks the document up: its band owner
   * items and its own document key. The owners carry their fingerprints, so
   * no candidate document is read.
   */
  lookupKeys: number;
  /** Ingest Lambda milliseconds per document at this size, and its memory. */
  ingestMsPerDoc: number;
  ingestMemoryMb: number;
  /** Ingest invocations per document (1 / average batch size). */
  ingestInvocationsPerDoc: number;
  /** publish-events costs per new document, measured. */
  publish: { invocations: number; gbSeconds: number };
  logBytes: number;
}

const newDocumentCounts = (input: SizeScenarioInput): PerDocumentCounts => {
  const inline = input.textBytes <= input.inlineTextMaxBytes;
  const documentBytes = input.documentOverheadBytes + (inline ? input.textBytes : 120);
  // Document, source and topics as single conditional puts, 1 WRU per KB each
  // (a transaction before, 2 WRU per KB each); gsi1 copies of the source and
  // topics (all attributes projected) at 1 WRU per KB; band claims as one
  // conditional PutItem each in a fixed order (fingerprint v3; they were one
  // transaction at 2 WRU each from schema 1.3 to 1.4), 1 WRU per KB.
  const recordTx = input.transactionalRecord === true;
  const dynamoWru =
    writeUnits(documentBytes, recordTx) +
    writeUnits(input.sourceBytes, recordTx) +
    writeUnits(input.sourceBytes, false) +
    input.topicItems *
      (writeUnits(input.topicBytes, recordTx) + writeUnits(input.topicBytes, false)) +
    input.bandItems * writeUnits(input.bandBytes, input.transactionalClaims === true);
  // The lookup's keys, eventually consistent: a key costs its item's size
  // rounded up to 4 KB, at least 0.5 RRU even when absent. For a new document
  // its own key is absent and band owner items are about 1 KB.
  const dynamoRru = input.lookupKeys * readUnits(input.bandBytes, false);
  const gbSeconds = (input.ingestMsPerDoc / 1000) * (input.ingestMemoryMb / 1024);
  return {
    s3Puts: 1 + (inline ? 0 : 1),
    s3Gets: 1,
    // notification send + receive and delete per batch
    sqsRequests: 1 + 2 * input.ingestInvocationsPerDoc,
    lambda: [
      { name: 'ingest', invocations: input.ingestInvocationsPerDoc, gbSeconds },
      { name: 'publish-events', ...input.publish },
    ],
    dynamoWru,
    dynamoRru,
    streamReads: input.publish.invocations,
    eventBridgeEvents: 1,
    // Our buckets use S3 Bucket Keys (packages/cdk/src/constructs/SecureBucket.ts): S3
    // reuses a bucket-level data key, so KMS requests are a few per bucket and
    // hour, not one per PUT and GET; amortized per object they round to zero.
    kmsRequests: 0,
    logBytes: input.logBytes,
  };
};

export type { CostBreakdown, CostLine, PerDocumentCounts, Prices, SizeScenarioInput };
export { costPerMillion, newDocumentCounts, PRICES, readUnits, writeUnits };
