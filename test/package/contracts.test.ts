import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseTableChange, SCHEMA_VERSION } from '@doc-ingest/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_DIR, loadEvent } from '../helpers/loadEvent.ts';
import {
  createScratchProject,
  installInto,
  packWorkspace,
  REPO_ROOT,
  runNode,
} from '../helpers/scratchProject.ts';

// What a downstream team does: install the packed tarball into a project of
// its own, outside this workspace, and decode the sample stream records with
// plain `node`; validate them against the shipped JSON Schemas with Ajv; and
// type-check a TypeScript consumer against the shipped `.d.ts` files.
const CONSUMER = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { isDocumentInsert, parseTableChange, SCHEMA_VERSION } from '@doc-ingest/contracts';

const require = createRequire(import.meta.url);
const { Records } = JSON.parse(readFileSync('./table-changes.json', 'utf8'));
const changes = Records.map((record) => parseTableChange(record));
const tableRecord = require('@doc-ingest/contracts/schemas/table-record.schema.json');
const ajv = new Ajv2020({ strict: false });
(ajvFormats.default ?? ajvFormats)(ajv);
const validate = ajv.compile(tableRecord);
const images = Records.flatMap((r) => [r.dynamodb.NewImage, r.dynamodb.OldImage]).filter(Boolean);
const { unmarshall } = await import('@aws-sdk/util-dynamodb');
console.log(JSON.stringify({
  schemaVersion: SCHEMA_VERSION,
  kinds: changes.map((change) => change.newRecord?.kind ?? change.oldRecord?.kind),
  documentInserts: changes.filter(isDocumentInsert).map((change) => change.newRecord.contentHash),
  schemaValid: images.map((image) => validate(unmarshall(image))),
  schemaRejectsBroken: validate({ kind: 'document', pk: 'DOC#x' }),
  schemaRejectsBadTimestamp: validate({ ...unmarshall(Records[0].dynamodb.NewImage), createdAt: 'yesterday' }),
}));
`;

const TS_CONSUMER = `
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { type DocumentRecord, isDocumentInsert, parseTableChange } from '@doc-ingest/contracts';

export const titles = (event: DynamoDBStreamEvent): string[] =>
  event.Records.map(parseTableChange)
    .filter(isDocumentInsert)
    .map((change) => change.newRecord)
    .map((doc: DocumentRecord) => doc.title);
`;

describe('Package: @doc-ingest/contracts from its npm pack tarball', () => {
  const project = createScratchProject('contracts-consumer');
  let tarballFiles: string[] = [];

  beforeAll(() => {
    const tarball = packWorkspace('packages/contracts', project.dir);
    tarballFiles = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    installInto(project.dir, [tarball, 'ajv@^8', 'ajv-formats@^3', '@types/aws-lambda@^8']);
    cpSync(
      join(EVENTS_DIR, 'dynamodb-stream', 'table-changes.json'),
      join(project.dir, 'table-changes.json'),
    );
    writeFileSync(join(project.dir, 'consumer.mjs'), CONSUMER);
    writeFileSync(join(project.dir, 'consumer.ts'), TS_CONSUMER);
  }, 240_000);

  afterAll(() => project.remove());

  it('ships built JavaScript, declarations and JSON Schemas, and no TypeScript sources', () => {
    // Assess
    expect(tarballFiles).toContain('package/dist/index.js');
    expect(tarballFiles).toContain('package/dist/index.d.ts');
    expect(tarballFiles).toContain('package/dist/schemas/document-record.schema.json');
    expect(tarballFiles).toContain('package/dist/schemas/document-ingested-detail.schema.json');
    expect(tarballFiles.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual(
      [],
    );
  });

  it('decodes the sample stream records with plain node, as the workspace does', () => {
    // Prepare
    const { Records } = loadEvent<{ Records: unknown[] }>('dynamodb-stream/table-changes');
    const expectedKinds = Records.map(parseTableChange).map(
      (change) => change.newRecord?.kind ?? change.oldRecord?.kind,
    );

    // Act
    const output = JSON.parse(runNode(project.dir, 'consumer.mjs'));

    // Assess
    expect(output.schemaVersion).toBe(SCHEMA_VERSION);
    expect(output.kinds).toEqual(expectedKinds);
    expect(output.documentInserts).toHaveLength(2);
    expect(output.schemaValid.every(Boolean)).toBe(true);
    expect(output.schemaRejectsBroken).toBe(false);
    expect(output.schemaRejectsBadTimestamp).toBe(false);
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    // Prepare
    const tsc = createRequire(join(REPO_ROOT, 'package.json')).resolve('typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--skipLibCheck', 'consumer.ts'];

    // Act
    const run = () =>
      execFileSync(process.execPath, [tsc, ...args], { cwd: project.dir, encoding: 'utf8' });

    // Assess
    expect(run).not.toThrow();
  });

  it('is versioned as its schema: package major.minor equals schemaVersion', () => {
    // Prepare
    const manifest = JSON.parse(
      readFileSync(join(REPO_ROOT, 'packages', 'contracts', 'package.json'), 'utf8'),
    );

    // Act
    const [major, minor] = String(manifest.version).split('.');

    // Assess
    expect(`${major}.${minor}`).toBe(SCHEMA_VERSION);
    expect(manifest.private).toBeUndefined();
  });
});
