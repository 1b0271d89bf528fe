import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtInTaxonomyFile,
  bundledTaxonomy,
} from '../../packages/cdk/src/constructs/bundledTaxonomy.ts';

const SOURCE = join(
  import.meta.dirname,
  '..',
  '..',
  'packages/cdk/src/constructs/bundledTaxonomy.ts',
);

/** A script that writes the built-in taxonomy's bundle `times` times, as a synth does. */
const writerScript = (times: number): string => `
import { bundledTaxonomy, builtInTaxonomyFile } from '${pathToFileURL(SOURCE).href}';
for (let i = 0; i < ${times}; i++) bundledTaxonomy(builtInTaxonomyFile());
`;

const runNode = (script: string): Promise<number | null> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=doc-ingest-source', script], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });

describe('Function: bundledTaxonomy', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'bundled-taxonomy-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('never lets a reader see a half-written file while other synths rewrite it', async () => {
    // Prepare: the path every synth of the built-in taxonomy writes
    const { path, version } = bundledTaxonomy(builtInTaxonomyFile());
    const script = join(scratch, 'writer.mts');
    writeFileSync(script, writerScript(40));

    // Act: three processes rewrite it while this one reads it as an asset copy would
    const writers = Promise.all([runNode(script), runNode(script), runNode(script)]);
    let running = true;
    void writers.finally(() => {
      running = false;
    });
    const versions = new Set<string>();
    let reads = 0;
    while (running) {
      versions.add((JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version);
      reads += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }

    // Assess
    expect(await writers).toEqual([0, 0, 0]);
    expect(reads).toBeGreaterThan(0);
    expect([...versions]).toEqual([version]);
  });
});
