/*
 * `npx tsx --conditions=doc-ingest-source bench/costComputed.ts`
 *
 * The cost model's per-size rows for one distinct new document, COMPUTED from
 * item shapes instead of measured on LocalStack: the items `buildDocumentItems`
 * builds for the e2e corpus (each sample with one unique paragraph, as
 * `bench/endToEnd.ts` uploads them), sized by DynamoDB's rule, with the
 * Lambda, SQS, publish and log figures of the last measured e2e run
 * (docs/BENCHMARKS.md, part 3). Prints, in dollars per million documents,
 * the layout before fingerprint v3 (32 band claims in one transaction, 33
 * lookup keys), fingerprint v3 (8 claims as single conditional puts, 9 lookup
 * keys, the document, source and topics still one transaction), and v3 with
 * those recorded as single conditional puts too (issue 12, second round);
 * then the inline-text lever at 10 KB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { buildDocumentItems, LSH_BANDS, processDocument } from '@doc-ingest/core';
import { costPerMillion, newDocumentCounts } from './costModel.ts';

const REPO_ROOT = join(import.meta.dirname, '..');

/** Figures of the measured e2e run (part 3, commit e6ca4e0), per object or per new document. */
const MEASURED = {
  ioMsPerDoc: 39.4,
  ingestInvocationsPerDoc: 0.102,
  publish: { invocations: 0.113 / 0.8, gbSeconds: 0.001 / 0.8 },
  logBytes: 949,
};

type AttributeValue = Record<string, unknown>;

// DynamoDB item size: attribute names plus values (strings in UTF-8, numbers
// about 1 byte per 2 digits + 1, lists and maps 3 bytes + 1 per element).
const valueBytes = (value: AttributeValue): number => {
  if (typeof value.S === 'string') return Buffer.byteLength(value.S, 'utf8');
  if (typeof value.N === 'string') return Math.ceil(value.N.replace(/^-|\./g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (Array.isArray(value.L)) {
    return 3 + value.L.reduce<number>((sum, v) => sum + 1 + valueBytes(v as AttributeValue), 0);
  }
  if (value.M !== undefined) {
    const map = value.M as Record<string, AttributeValue>;
    return 3 + itemBytes(map) + Object.keys(map).length;
  }
  return 0;
};

const itemBytes = (item: Record<string, AttributeValue>): number =>
  Object.entries(item).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name, 'utf8') + valueBytes(value),
    0,
  );

const sizeOf = (record: object): number =>
  itemBytes(
    marshall(record, { removeUndefinedValues: true }) as unknown as Record<string, AttributeValue>,
  );

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

const main = () => {
  const samples = readdirSync(join(REPO_ROOT, 'samples')).filter((n) => n.endsWith('.txt'));
  const overhead: number[] = [];
  const sources: number[] = [];
  const topics: number[] = [];
  const bands: number[] = [];
  let topicItems = 0;
  for (const [index, name] of samples.sort().entries()) {
    const text = readFileSync(join(REPO_ROOT, 'samples', name), 'utf8').replace(
      '\n\n',
      `\n\nUnique paragraph ${index}: a line that makes this variant a distinct content.\n\n`,
    );
    const result = processDocument({ bytes: new TextEncoder().encode(text), key: name });
    if (!result.ok) continue;
    const object = { bucket: 'doc-ingest-bench-ingest', key: `bench/run/${name}`, size: 2048 };
    const items = buildDocumentItems(
      result.value,
      object,
      { inline: true },
      '2026-12-07T01:00:00.000Z',
    );
    overhead.push(sizeOf(items.document) - result.value.textBytes);
    sources.push(sizeOf(items.newSource));
    for (const topic of items.topics) topics.push(sizeOf(topic));
    topicItems += items.topics.length;
    for (const band of items.nearBands) bands.push(sizeOf(band));
  }
  const shapes = {
    documentOverheadBytes: Math.round(mean(overhead)),
    sourceBytes: Math.round(mean(sources)),
    topicItems: topicItems / overhead.length,
    topicBytes: Math.round(mean(topics)),
    bandBytes: Math.round(mean(bands)),
  };
  console.log(`item shapes over ${overhead.length} samples:`, shapes);
  const layouts = [
    {
      name: 'before (32 bands, one transaction)',
      bands: 32,
      transactional: true,
      record: true,
      inline: 100_000,
    },
    {
      name: `v3 (${LSH_BANDS} bands, conditional claims, record in a transaction)`,
      bands: LSH_BANDS,
      transactional: false,
      record: true,
      inline: 100_000,
    },
    {
      name: `v3, record as conditional puts`,
      bands: LSH_BANDS,
      transactional: false,
      record: false,
      inline: 100_000,
    },
  ];
  const rows = [
    ['1 KB', 1_024, 1.52],
    ['10 KB', 10_240, 6.58],
    ['100 KB', 102_400, 28.3],
  ] as const;
  const lever = {
    name: 'lever: v3, conditional puts, text over 8 KB to the text bucket',
    bands: LSH_BANDS,
    transactional: false,
    record: false,
    inline: 8_192,
  };
  const runs = [
    ...layouts.flatMap((layout) => rows.map((row) => [layout, row] as const)),
    [lever, rows[1]] as const,
    [lever, ['8 KB', 8_192, 5.5] as const] as const,
  ];
  for (const [layout, [label, textBytes, coreMs]] of runs) {
    {
      const counts = newDocumentCounts({
        label,
        textBytes,
        inlineTextMaxBytes: layout.inline,
        ...shapes,
        bandItems: layout.bands,
        transactionalClaims: layout.transactional,
        transactionalRecord: layout.record,
        lookupKeys: layout.bands + 1,
        ingestMsPerDoc: MEASURED.ioMsPerDoc + coreMs,
        ingestMemoryMb: 1024,
        ingestInvocationsPerDoc: MEASURED.ingestInvocationsPerDoc,
        publish: MEASURED.publish,
        logBytes: MEASURED.logBytes,
      });
      const cost = costPerMillion(counts);
      const dynamo = cost.lines
        .filter((line) => line.item.startsWith('DynamoDB'))
        .reduce((sum, line) => sum + line.dollarsPerMillionDocs, 0);
      console.log(
        `${layout.name}, ${label}: $${cost.totalDollarsPerMillionDocs.toFixed(2)} per million ` +
          `(WRU ${counts.dynamoWru.toFixed(1)}, RRU ${counts.dynamoRru.toFixed(1)}, DynamoDB $${dynamo.toFixed(2)})`,
      );
    }
  }
};

main();
