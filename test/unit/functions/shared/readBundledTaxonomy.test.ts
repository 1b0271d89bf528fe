import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundledTaxonomy } from '../../../../functions/shared/readBundledTaxonomy.ts';

const FOG = { version: '2027.1.1', topics: [{ id: 'fog', terms: { en: ['fog'] } }] };

/** Writes `content` as a taxonomy file; its path and the SHA-256 of its text. */
const taxonomyFile = (content: unknown): { path: string; sha256: string } => {
  const path = join(mkdtempSync(join(tmpdir(), 'taxonomy-')), 'taxonomy.json');
  const text = JSON.stringify(content);
  writeFileSync(path, text);
  return { path, sha256: createHash('sha256').update(text).digest('hex') };
};

describe('Function helper: readBundledTaxonomy', () => {
  it('validates the file when no hash is given', () => {
    // Prepare
    const good = taxonomyFile(FOG);
    const bad = taxonomyFile({ ...FOG, topics: [] });

    // Act + Assess
    expect(readBundledTaxonomy(good.path)).toEqual(FOG);
    expect(() => readBundledTaxonomy(bad.path)).toThrow(/invalid taxonomy: topics/);
  });

  it('takes a file with the hash given as the one validated at synth, without validating it again', () => {
    // Prepare: an unknown field the schema refuses, so a validation would throw
    const { path, sha256 } = taxonomyFile({ ...FOG, unknown: true });

    // Act
    const file = readBundledTaxonomy(path, sha256);

    // Assess
    expect(file).toEqual({ ...FOG, unknown: true });
  });

  it('refuses a file whose hash is not the one given: it is not the file validated at synth', () => {
    // Prepare
    const { path } = taxonomyFile(FOG);
    const other = taxonomyFile({ ...FOG, version: '2027.1.2' });

    // Act + Assess
    expect(() => readBundledTaxonomy(path, other.sha256)).toThrow(
      new RegExp(`not the one validated at synth .*expected ${other.sha256}`),
    );
  });

  it('fails when the file is not there', () => {
    // Prepare
    const path = join(mkdtempSync(join(tmpdir(), 'taxonomy-')), 'missing.json');

    // Act + Assess
    expect(() => readBundledTaxonomy(path)).toThrow(/ENOENT/);
  });
});
