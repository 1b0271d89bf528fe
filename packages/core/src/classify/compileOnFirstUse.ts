import type { TaxonomyFile } from '@doc-ingest/contracts';
import { type CompiledTaxonomy, compileTaxonomy } from './compileTaxonomy.ts';

// Every field of a compiled taxonomy but its version: a record over the keys, so
// that a field added to `CompiledTaxonomy` and not deferred here fails to compile.
const DEFERRED: Record<Exclude<keyof CompiledTaxonomy, 'version'>, true> = {
  topics: true,
  languages: true,
  index: true,
  counts: true,
  chargeCues: true,
  siblings: true,
  enumerationFrames: true,
  frameCues: true,
  learned: true,
};
const DEFERRED_FIELDS = Object.keys(DEFERRED) as (keyof typeof DEFERRED)[];

/**
 * A validated taxonomy file as a compiled taxonomy that compiles itself when
 * a document first reads it. Compiling stems every term (about 4,000 words
 * for the built-in taxonomy, 70-100 ms with stemmers that have not run yet),
 * which a cold start need not pay before its first document, and a process
 * that never classifies (a deletion, a rejection) never pays. The version is
 * known at once; one object, so caches keyed by the taxonomy keep working.
 * A term the compiler refuses (`TaxonomyTermError`, `TaxonomyInvalidError`)
 * throws at that first read.
 *
 * @example
 * const taxonomy = compileOnFirstUse(validateTaxonomy(JSON.parse(text)));
 */
const compileOnFirstUse = (file: TaxonomyFile): CompiledTaxonomy => {
  const taxonomy = { version: file.version } as CompiledTaxonomy;
  const compileNow = (): CompiledTaxonomy => {
    const compiled = compileTaxonomy(file);
    // From now on each field is a plain value: the classifier reads them many
    // times per document, and a read is then a load instead of a call.
    Object.defineProperties(
      taxonomy,
      Object.fromEntries(
        DEFERRED_FIELDS.map((field) => [field, { enumerable: true, value: compiled[field] }]),
      ),
    );
    return compiled;
  };
  return Object.defineProperties(
    taxonomy,
    Object.fromEntries(
      DEFERRED_FIELDS.map((field) => [
        field,
        { enumerable: true, configurable: true, get: () => compileNow()[field] },
      ]),
    ),
  );
};

export { compileOnFirstUse };
