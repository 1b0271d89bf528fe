import type { TaxonomyFile } from '@doc-ingest/contracts';
import data from '../../taxonomies/crime-and-security.json' with { type: 'json' };
import { compileOnFirstUse } from './compileOnFirstUse.ts';
import type { CompiledTaxonomy } from './compileTaxonomy.ts';

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

/**
 * The default taxonomy, compiled when a document first reads it rather than
 * when the module loads (see `compileOnFirstUse`).
 */
const COMPILED_TAXONOMY: CompiledTaxonomy = compileOnFirstUse(DEFAULT_TAXONOMY);

export { COMPILED_TAXONOMY, DEFAULT_TAXONOMY, TAXONOMY_VERSION };
