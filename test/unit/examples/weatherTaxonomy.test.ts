import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadTaxonomy, processDocument } from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * The example taxonomy of examples/weather-taxonomy, end to end: through the core
 * (processDocument with the taxonomy) and through the real `ingest` binary.
 */
const EXAMPLE = new URL('../../../examples/weather-taxonomy/', import.meta.url).pathname;
const DOCUMENTS = join(EXAMPLE, 'documents');
const TAXONOMY_FILE = join(EXAMPLE, 'taxonomy.yaml');
const BIN = new URL('../../../packages/cli/bin/ingest.mjs', import.meta.url).pathname;

const EXPECTED: Record<string, string[]> = {
  'en-market.txt': [],
  'en-snow.txt': ['snow'],
  'en-storm.txt': ['storm'],
  'fr-canicule.txt': ['heatwave'],
  'fr-inondations.txt': ['flood'],
};

describe('Example: weather taxonomy', () => {
  it('classifies its documents with the weather topics through the core', () => {
    // Prepare
    const taxonomy = loadTaxonomy(parse(readFileSync(TAXONOMY_FILE, 'utf8')));

    // Act
    const topics = Object.fromEntries(
      readdirSync(DOCUMENTS)
        .sort()
        .map((name) => {
          const result = processDocument(
            { bytes: readFileSync(join(DOCUMENTS, name)), key: name },
            { taxonomy },
          );
          if (!result.ok) throw new Error(`${name}: ${result.rejection.reason}`);
          expect(result.value.taxonomyVersion).toBe('2027.01.1');
          return [name, result.value.topics.map((topic) => topic.id)];
        }),
    );

    // Assess
    expect(topics).toEqual(EXPECTED);
  });

  it('accepts the minimal JSON form with defaults for everything else', () => {
    // Prepare
    const taxonomy = loadTaxonomy(
      JSON.parse('{ "version": "1.0", "topics": [ { "id": "fog", "terms": { "en": ["fog"] } } ] }'),
    );

    // Act
    const result = processDocument(
      {
        bytes: new TextEncoder().encode('Fog at the airport\n\nThick fog delayed flights.'),
        key: 'fog.txt',
      },
      { taxonomy },
    );

    // Assess
    expect(result.ok && result.value.topics.map((topic) => topic.id)).toEqual(['fog']);
  });

  it('classifies its documents through `ingest process --taxonomy` (the real binary)', async () => {
    // Act
    const { stdout } = await promisify(execFile)(process.execPath, [
      BIN,
      'process',
      '--taxonomy',
      TAXONOMY_FILE,
      '--no-progress',
      DOCUMENTS,
    ]);

    // Assess
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { source: string; topics: { id: string }[] });
    const topics = Object.fromEntries(
      results.map((r) => [r.source.split('/').at(-1), r.topics.map((topic) => topic.id)]),
    );
    expect(topics).toEqual(EXPECTED);
  });

  it('refuses an invalid taxonomy file with a usage error naming the problem', async () => {
    // Act
    const failed = await promisify(execFile)(process.execPath, [
      BIN,
      'process',
      '--taxonomy',
      join(DOCUMENTS, 'en-storm.txt'),
      DOCUMENTS,
    ]).catch((error: { code: number; stderr: string }) => error);

    // Assess
    expect('code' in failed && failed.code).toBe(2);
    expect('stderr' in failed && failed.stderr).toMatch(/taxonomy .*en-storm\.txt: not JSON/);
  });
});
