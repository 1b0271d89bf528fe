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

/** The default taxonomy, compiled once when the module loads. */
const COMPILED_TAXONOMY: CompiledTaxonomy = compileTaxonomy(DEFAULT_TAXONOMY);

export { COMPILED_TAXONOMY, DEFAULT_TAXONOMY, TAXONOMY_VERSION };
