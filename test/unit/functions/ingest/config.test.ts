import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIngestConfig } from '../../../../functions/ingest/config.ts';

const BASE_ENV = {
  DOCUMENT_TABLE_NAME: 'documents',
  NEAR_INDEX_TABLE_NAME: 'near-index',
  DOCUMENT_TEXT_BUCKET_NAME: 'texts',
};

const taxonomyFile = (content: unknown): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'taxonomy-')), 'taxonomy.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('Function: loadIngestConfig', () => {
  it('fails the cold start when no taxonomy file is deployed: the bundle carries none', () => {
    // Act + Assess
    expect(() => loadIngestConfig(BASE_ENV)).toThrow(/TAXONOMY_FILE/);
  });

  it('fails the cold start when the deployed taxonomy file is not there', () => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), 'taxonomy-')), 'missing.json');

    // Act + Assess
    expect(() => loadIngestConfig({ ...BASE_ENV, TAXONOMY_FILE: file })).toThrow(/ENOENT/);
  });

  it('reads the bundled taxonomy file at cold start, compiled when first read', () => {
    // Prepare
    const file = taxonomyFile({
      version: '2027.1.1',
      topics: [{ id: 'fog', terms: { en: ['fog'] } }],
    });

    // Act
    const config = loadIngestConfig({ ...BASE_ENV, TAXONOMY_FILE: file });

    // Assess
    expect([config.taxonomy?.version, config.taxonomy?.topics]).toEqual(['2027.1.1', ['fog']]);
  });

  it('fails the cold start on an invalid taxonomy file rather than classify with another one', () => {
    // Prepare
    const file = taxonomyFile({ version: '2027.1.1', topics: [] });

    // Act + Assess
    expect(() => loadIngestConfig({ ...BASE_ENV, TAXONOMY_FILE: file })).toThrow(
      /invalid taxonomy: topics/,
    );
  });

  it('fails the cold start on a topic listed twice, which validation finds without compiling', () => {
    // Prepare
    const topic = { id: 'fog', terms: { en: ['fog'] } };
    const file = taxonomyFile({ version: '2027.1.1', topics: [topic, topic] });

    // Act + Assess
    expect(() => loadIngestConfig({ ...BASE_ENV, TAXONOMY_FILE: file })).toThrow(/listed twice/);
  });

  it('fails the cold start on a file that is not the one validated at synth', () => {
    // Prepare
    const file = taxonomyFile({
      version: '2027.1.1',
      topics: [{ id: 'fog', terms: { en: ['fog'] } }],
    });

    // Act + Assess
    expect(() =>
      loadIngestConfig({ ...BASE_ENV, TAXONOMY_FILE: file, TAXONOMY_SHA256: '0'.repeat(64) }),
    ).toThrow(/not the one validated at synth/);
    expect(() =>
      loadIngestConfig({ ...BASE_ENV, TAXONOMY_FILE: file, TAXONOMY_SHA256: 'not-a-hash' }),
    ).toThrow(/TAXONOMY_SHA256/);
  });

  it('leaves a term only the compiler refuses to the first document, which fails on it', () => {
    // Prepare: "the" has no content word
    const file = taxonomyFile({
      version: '2027.1.1',
      topics: [{ id: 'fog', terms: { en: ['the'] } }],
    });

    // Act
    const config = loadIngestConfig({ ...BASE_ENV, TAXONOMY_FILE: file });

    // Assess
    expect(config.taxonomy.version).toBe('2027.1.1');
    expect(() => config.taxonomy.index).toThrow(/no content word/);
  });
});
