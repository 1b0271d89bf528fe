import { TOPIC_IDS } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import {
  COMPILED_TAXONOMY,
  compileTaxonomy,
  TaxonomyTermError,
} from '../../../../../packages/core/src/classify/compileTaxonomy.ts';
import type { Taxonomy } from '../../../../../packages/core/src/classify/taxonomy.ts';
import { TAXONOMY_VERSION } from '../../../../../packages/core/src/classify/taxonomy.ts';

const emptyTaxonomy = (): Taxonomy =>
  Object.fromEntries(TOPIC_IDS.map((topic) => [topic, {}])) as Taxonomy;

describe('Function: compileTaxonomy', () => {
  it('compiles the built-in taxonomy with its version and terms for every topic in fr, en and es', () => {
    // Act
    const { version, counts } = COMPILED_TAXONOMY;

    // Assess
    expect(version).toBe(TAXONOMY_VERSION);
    for (const topic of TOPIC_IDS) {
      expect(counts[topic].fr).toBeGreaterThan(0);
      expect(counts[topic].en).toBeGreaterThan(0);
      expect(counts[topic].es).toBeGreaterThan(0);
    }
  });

  it('indexes a single word by its stem and a phrase by the stem of its first content word', () => {
    // Prepare
    const taxonomy = emptyTaxonomy();
    taxonomy.drug_trafficking = { fr: { strong: ['trafic de stupéfiants', 'narcotrafiquants'] } };

    // Act
    const compiled = compileTaxonomy(taxonomy, 'test');

    // Assess
    const fr = compiled.index.get('fr');
    expect(fr?.get('trafic')?.map((term) => [term.label, term.keys])).toEqual([
      ['trafic de stupéfiants', ['trafic', 'stupefi']],
    ]);
    expect(fr?.get('narcotrafiqu')?.map((term) => [term.topic, term.weight])).toEqual([
      ['drug_trafficking', 2],
    ]);
  });

  it('keeps exact terms under a = key and compiles context words to stems', () => {
    // Prepare
    const taxonomy = emptyTaxonomy();
    taxonomy.firearms = {
      fr: { rules: [{ term: '=armes', weight: 0.4, notNear: ['sportives', 'stands'], window: 3 }] },
    };

    // Act
    const compiled = compileTaxonomy(taxonomy, 'test');

    // Assess
    const [term] = compiled.index.get('fr')?.get('=armes') ?? [];
    expect(term?.keys).toEqual(['=armes']);
    expect([...(term?.notNear ?? [])]).toEqual(['sportiv', 'stand']);
    expect(term?.window).toBe(3);
  });

  it('throws TaxonomyTermError for a term made only of function words', () => {
    // Prepare
    const taxonomy = emptyTaxonomy();
    taxonomy.terrorism = { en: { strong: ['of the'] } };

    // Act & Assess
    expect(() => compileTaxonomy(taxonomy, 'test')).toThrow(TaxonomyTermError);
  });

  it('keeps the folded words of each term and the charge cues as one set of folded words', () => {
    // Prepare
    const taxonomy = emptyTaxonomy();
    taxonomy.environmental = { de: { strong: ['Wilderei'] } };

    // Act
    const compiled = compileTaxonomy(taxonomy, 'test', {
      fr: ['Accusés'],
      en: ['charged'],
      es: [],
      it: [],
      de: ['Anklage'],
      pt: [],
      ar: [],
    });

    // Assess
    expect(compiled.index.get('de')?.get('wilderei')?.[0]?.words).toEqual(['wilderei']);
    expect([...compiled.chargeCues].sort()).toEqual(['accuses', 'anklage', 'charged']);
    expect(COMPILED_TAXONOMY.chargeCues.has('indiciados')).toBe(true);
  });
});
