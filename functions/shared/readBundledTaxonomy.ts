import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TaxonomyFile } from '@doc-ingest/contracts';
import { TaxonomyInvalidError, validateTaxonomy } from '@doc-ingest/core';

/**
 * Reads the taxonomy file shipped in the function's code (`TAXONOMY_FILE`,
 * relative to the bundle) and returns it valid, or throws so that the cold
 * start fails: documents are never classified with a taxonomy other than the
 * one deployed. The constructs validate the file at synth and give its
 * SHA-256 (`TAXONOMY_SHA256`): a file with that hash is the one validated
 * (the schema, unique topic ids, known siblings) and is not validated again,
 * which keeps 10 to 25 ms of zod out of every cold start; a file with another
 * hash is refused. Without a hash the file is validated here.
 *
 * @example
 * const file = readBundledTaxonomy(env.TAXONOMY_FILE, env.TAXONOMY_SHA256);
 */
const readBundledTaxonomy = (file: string, sha256?: string): TaxonomyFile => {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  const data: unknown = JSON.parse(text);
  if (sha256 === undefined) return validateTaxonomy(data);
  const actual = createHash('sha256').update(text).digest('hex');
  if (actual !== sha256) {
    throw new TaxonomyInvalidError(
      `taxonomy file ${file} is not the one validated at synth (SHA-256 ${actual}, expected ${sha256})`,
    );
  }
  return data as TaxonomyFile;
};

export { readBundledTaxonomy };
