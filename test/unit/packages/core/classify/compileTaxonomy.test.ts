import type { TaxonomyFile } from '@doc-ingest/contracts';
import { TOPIC_IDS } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import {
  compileTaxonomy,
  loadTaxonomy,
  TaxonomyInvalidError,
  TaxonomyTermError,
} from '../../../../../packages/core/src/classify/compileTaxonomy.ts';
import {
  COMPILED_TAXONOMY,
  TAXONOMY_VERSION,
} from '../../../../../packages/core/src/classify/defaultTaxonomy.ts';

const oneTopic = (id: string, terms: TaxonomyFile['topics'][number]['terms']): TaxonomyFile => ({
  version: '2027.1.1',
  topics: [{ id, terms }],
});

describe('Function: compileTaxonomy', () => {
  it('compiles the default taxonomy with its version, rules and terms for every topic in fr, en and es', () => {
    // Act
    const { version, counts, topics, siblings, enumerationFrames, frameCues } = COMPILED_TAXONOMY;

    // Assess
    expect(version).toBe(TAXONOMY_VERSION);
    expect(topics).toEqual([...TOPIC_IDS]);
    expect(siblings).toEqual([['human_trafficking', 'migrant_smuggling']]);
    expect([...enumerationFrames]).toEqual(['cooperation']);
    expect(frameCues?.get('it')?.get('episodi')).toBe('fiction');
    for (const topic of TOPIC_IDS) {
      expect(counts[topic]?.fr).toBeGreaterThan(0);
      expect(counts[topic]?.en).toBeGreaterThan(0);
      expect(counts[topic]?.es).toBeGreaterThan(0);
    }
  });

  it('indexes a single word by its stem and a phrase by the stem of its first content word', () => {
    // Prepare
    const file = oneTopic('drug_trafficking', {
      fr: { strong: ['trafic de stupéfiants', 'narcotrafiquants'] },
    });

    // Act
    const compiled = compileTaxonomy(file);

    // Assess
    const fr = compiled.index.get('fr');
    expect(fr?.get('trafic')?.map((term) => [term.label, term.keys])).toEqual([
      ['trafic de stupéfiants', ['trafic', 'stupefi']],
    ]);
    expect(fr?.get('narcotrafiqu')?.map((term) => [term.topic, term.weight])).toEqual([
      ['drug_trafficking', 2],
    ]);
  });

  it('keeps exact terms under a = key and compiles context words, inline or @named, to stems', () => {
    // Prepare
    const file: TaxonomyFile = {
      version: '1',
      wordLists: { sport: ['sportives', 'stands'] },
      topics: [
        {
          id: 'firearms',
          terms: {
            fr: [
              { term: '=armes', weight: 'weak', notNear: '@sport', window: 3 },
              { term: 'fusil', weight: 1.5, near: ['chasse'] },
            ],
          },
        },
      ],
    };

    // Act
    const compiled = compileTaxonomy(file);

    // Assess
    const [term] = compiled.index.get('fr')?.get('=armes') ?? [];
    expect(term?.keys).toEqual(['=armes']);
    expect(term?.weight).toBe(0.4);
    expect([...(term?.notNear ?? [])]).toEqual(['sportiv', 'stand']);
    expect(term?.window).toBe(3);
    const [rifle] = compiled.index.get('fr')?.get('fusil') ?? [];
    expect([rifle?.weight, [...(rifle?.near ?? [])]]).toEqual([1.5, ['chass']]);
  });

  it('expands a word list that includes another (`@name` entries) into context stems', () => {
    // Prepare
    const file: TaxonomyFile = {
      version: '1',
      wordLists: { 'es-foreign': ['extranjera', '@es-countries'], 'es-countries': ['Perú'] },
      topics: [
        {
          id: 'cooperation',
          terms: { es: [{ term: 'policía', weight: 'medium', near: '@es-foreign' }] },
        },
      ],
    };

    // Act
    const compiled = compileTaxonomy(file);

    // Assess
    const [police] = [...(compiled.index.get('es')?.values() ?? [])].flat();
    expect([...(police?.near ?? [])]).toEqual(['extranjer', 'peru']);
  });

  it('gives plain list terms the strong weight and needs nothing but a version and topics', () => {
    // Act
    const compiled = compileTaxonomy(oneTopic('rain', { en: ['rain'], de: ['Regen'] }));

    // Assess
    expect(compiled.languages).toEqual(['en', 'de']);
    expect(compiled.index.get('de')?.get('reg')?.[0]?.weight).toBe(2);
    expect(compiled.frameCues).toBeUndefined();
    expect(compiled.siblings).toEqual([]);
    expect(compiled.chargeCues.size).toBe(0);
  });

  it('throws TaxonomyTermError for a term made only of function words', () => {
    // Act & Assess
    expect(() => compileTaxonomy(oneTopic('terrorism', { en: ['of the'] }))).toThrow(
      TaxonomyTermError,
    );
  });

  it.each([
    ['an unknown word list', { ...oneTopic('a', { en: [{ term: 'x', near: '@none' }] }) }],
    [
      'word lists including each other',
      {
        ...oneTopic('a', { en: [{ term: 'x', near: '@one' }] }),
        wordLists: { one: ['@two'], two: ['@one'] },
      },
    ],
    ['an unknown sibling', { ...oneTopic('a', { en: ['x'] }), siblings: [['a', 'b']] }],
    [
      'a duplicate topic',
      { version: '1', topics: [...oneTopic('a', {}).topics, ...oneTopic('a', {}).topics] },
    ],
  ] as [string, TaxonomyFile][])('throws TaxonomyInvalidError for %s', (_name, file) => {
    // Act & Assess
    expect(() => compileTaxonomy(file)).toThrow(TaxonomyInvalidError);
  });

  it('keeps the folded words of each term and the charge cues as one set of folded words', () => {
    // Prepare
    const file: TaxonomyFile = {
      ...oneTopic('environmental', { de: { strong: ['Wilderei'] } }),
      chargeCues: { fr: ['Accusés'], en: ['charged'], de: ['Anklage'] },
    };

    // Act
    const compiled = compileTaxonomy(file);

    // Assess
    expect(compiled.index.get('de')?.get('wilderei')?.[0]?.words).toEqual(['wilderei']);
    expect([...compiled.chargeCues].sort()).toEqual(['accuses', 'anklage', 'charged']);
    expect(COMPILED_TAXONOMY.chargeCues.has('indiciados')).toBe(true);
  });
});

describe('Function: loadTaxonomy', () => {
  it('validates and compiles the minimal form', () => {
    // Act
    const compiled = loadTaxonomy({
      version: '2027.01.1',
      topics: [{ id: 'storm', terms: { en: ['storm', 'gale'] } }],
    });

    // Assess
    expect([compiled.version, compiled.topics]).toEqual(['2027.01.1', ['storm']]);
  });

  it('names every problem and where it is', () => {
    // Act
    const load = () => loadTaxonomy({ version: 'next', topics: [{ id: 'Storm', terms: {} }] });

    // Assess
    expect(load).toThrow(TaxonomyInvalidError);
    expect(load).toThrow(/version: .*topics\.0\.id: /);
  });
});
