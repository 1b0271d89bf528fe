import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getDocument } from '@doc-ingest/aws-adapters';
import type { DocumentRecord } from '@doc-ingest/contracts';
import { bootstrapLocal, deployLocal, ROOT } from './lib/cdkLocal.ts';
import { formatOutcomeTable, formatTopicSummary } from './lib/formatRecords.ts';
import { localClients } from './lib/localAws.ts';
import { awaitOutcomes, uploadFiles } from './lib/uploadAndAwait.ts';
import { ensureUp } from './localstack/lib.mjs';

/*
 * `npm start [-- <folder>]`: the pipeline on this machine, no AWS account.
 * LocalStack up -> deploy the real CDK app -> upload a folder -> wait for the
 * records -> print them.
 */

const STACK_NAME = 'DocIngestLocal';

const { positionals } = parseArgs({ allowPositionals: true, args: process.argv.slice(2) });
const folder = resolve(positionals[0] ?? join(ROOT, 'samples'));

const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  process.stdout.write(`• ${label} … `);
  const started = Date.now();
  const result = await work();
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
};

const files = readdirSync(folder)
  .filter((name) => !name.startsWith('.'))
  .map((name) => join(folder, name))
  .filter((path) => statSync(path).isFile())
  .sort();
if (files.length === 0) {
  console.error(`No files in ${folder}`);
  process.exit(2);
}

const totalStarted = Date.now();
await step('Starting LocalStack on 127.0.0.1:4566 (installs itself on first run)', () =>
  ensureUp(),
);
await step('Bootstrapping the local CDK environment', () => bootstrapLocal());
const outputs = await step(`Deploying stack ${STACK_NAME} with cdklocal`, () =>
  deployLocal(STACK_NAME),
);
const clients = localClients();
const prefix = `runs/${new Date().toISOString().replaceAll(':', '-')}/`;
const uploaded = await step(
  `Uploading ${files.length} files from ${folder} to s3://${outputs.BucketName}/${prefix}`,
  () => uploadFiles(clients.s3, outputs.BucketName, prefix, files),
);
const { outcomes, missing } = await step('Waiting for the pipeline to record every object', () =>
  awaitOutcomes(
    clients.dynamodb,
    outputs.TableName,
    outputs.BucketName,
    uploaded.map((u) => u.key),
    {
      timeoutMs: 300_000,
    },
  ),
);

const documents = new Map<string, DocumentRecord>();
for (const outcome of outcomes) {
  if (outcome.kind !== 'source' || documents.has(outcome.record.contentHash)) continue;
  const document = await getDocument(
    clients.dynamodb,
    outputs.TableName,
    outcome.record.contentHash,
  );
  if (document !== undefined) documents.set(outcome.record.contentHash, document);
}

const count = (status: string) =>
  outcomes.filter((o) => (o.kind === 'rejection' ? 'rejected' : o.record.status) === status).length;
console.log(`\n${formatOutcomeTable(outcomes, documents, prefix)}\n`);
console.log(
  `Topics over ${documents.size} distinct documents:\n${formatTopicSummary([...documents.values()])}\n`,
);
console.log(
  `${uploaded.length} objects: ${count('new')} new, ${count('duplicate')} duplicate, ${count('rejected')} rejected` +
    (missing.length > 0 ? `, ${missing.length} not recorded in time: ${missing.join(', ')}` : '') +
    ` (total ${((Date.now() - totalStarted) / 1000).toFixed(1)} s)`,
);
console.log(
  `\nTable ${outputs.TableName} and bucket ${outputs.BucketName} stay on LocalStack: run \`npm start\` again to see ` +
    'dedupe at work, `npm run localstack -- down` to stop it.',
);
process.exit(missing.length > 0 ? 1 : 0);
