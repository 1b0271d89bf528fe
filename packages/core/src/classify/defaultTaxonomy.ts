import type { TaxonomyFile } from '@doc-ingest/contracts';
import data from '../../taxonomies/crime-and-security.json' with { type: 'json' };
import { type CompiledTaxonomy, compileTaxonomy } from './compileTaxonomy.ts';

/**
 * The crime-and-security taxonomy that ships with the core
 * (`packages/core/taxonomies/crime-and-security.json`, its history in
 * `taxonomies/CHANGELOG.md`): used when no taxonomy is given. A unit test
 * validates it against `TaxonomyFileSchema`, so the cold start skips the
 * validation and only compiles it.
 */
const DEFAULT_TAXONOMY = data as unknown as TaxonomyFile;

/** Version of the default taxonomy, recorded with every classification made with it. */
const TAXONOMY_VERSION = DEFAULT_TAXONOMY.version;

let compiled: CompiledTaxonomy | undefined;

// Every field of a compiled taxonomy but its version.
const LAZY_FIELDS = [
  'topics',
  'languages',
  'index',
  'counts',
  'chargeCues',
  'siblings',
  'enumerationFrames',
  'frameCues',
] as const satisfies readonly Exclude<keyof CompiledTaxonomy, 'version'>[];

/** The default taxonomy compiled, the first time it is asked for. */
const compiledDefault = (): CompiledTaxonomy => {
  compiled ??= compileTaxonomy(DEFAULT_TAXONOMY);
  return compiled;
};

/**
 * The default taxonomy, compiled when a document first reads it rather than
 * when the module loads. Compiling stems about 4,000 words with stemmers
 * that have not run yet (about 100 ms, most of the core's import time), which
 * a process that never classifies (a deletion, a rejected file, a CLI command
 * that only reads records) need not pay. One object, so caches keyed by the
 * taxonomy (`classifyTopics`) keep working; its version is known at once.
 */
const COMPILED_TAXONOMY = Object.defineProperties(
  { version: TAXONOMY_VERSION },
  Object.fromEntries(
    LAZY_FIELDS.map((field) => [field, { enumerable: true, get: () => compiledDefault()[field] }]),
  ),
) as CompiledTaxonomy;

export { COMPILED_TAXONOMY, DEFAULT_TAXONOMY, TAXONOMY_VERSION };
