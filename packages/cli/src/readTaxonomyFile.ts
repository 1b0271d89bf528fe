import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type CompiledTaxonomy, loadTaxonomy, TaxonomyInvalidError } from '@doc-ingest/core';
import { UsageError } from './io.ts';

/**
 * Reads a taxonomy file (`.json`, or `.yaml` / `.yml`) and compiles it. Any
 * problem (unreadable, not JSON/YAML, not a valid taxonomy) is a `UsageError`
 * naming the file and what is wrong.
 */
const readTaxonomyFile = async (path: string): Promise<CompiledTaxonomy> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read taxonomy ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  // The YAML parser is loaded only for a YAML file: most runs read none.
  const parseYaml = yaml ? (await import('yaml')).parse : undefined;
  try {
    return loadTaxonomy(parseYaml === undefined ? JSON.parse(text) : parseYaml(text));
  } catch (error) {
    const what = error instanceof TaxonomyInvalidError ? '' : `not ${yaml ? 'YAML' : 'JSON'}: `;
    throw new UsageError(`taxonomy ${path}: ${what}${(error as Error).message}`, {
      cause: error,
    });
  }
};

export { readTaxonomyFile };
