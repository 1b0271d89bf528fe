import { TaxonomyFileSchema, TOPIC_IDS } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import { compileTaxonomy } from '../../../../../packages/core/src/classify/compileTaxonomy.ts';
import {
  COMPILED_TAXONOMY,
  DEFAULT_TAXONOMY,
  TAXONOMY_VERSION,
} from '../../../../../packages/core/src/classify/defaultTaxonomy.ts';

const topicOf = (id: string) => DEFAULT_TAXONOMY.topics.find((topic) => topic.id === id);

const tiersOf = (id: string, language: string) => {
  const terms = topicOf(id)?.terms[language];
  return terms === undefined || Array.isArray(terms) ? {} : terms;
};

const termsOf = (id: string, language: string) => {
  const terms = tiersOf(id, language);
  return [
    ...(terms.strong ?? []),
    ...(terms.medium ?? []),
    ...(terms.weak ?? []),
    // A rule with a context condition may repeat a term with another weight
    // (`antiquités`: medium near theft words, weak otherwise; `red criminal`:
    // medium unless next to the trade it names, weak there; `red`: medium near
    // one named word list, weak near another).
    ...(terms.rules ?? []).map((rule) => {
      if (rule.near === undefined) {
        return rule.notNear ? `${rule.term} (not near)` : rule.term;
      }
      return typeof rule.near === 'string'
        ? `${rule.term} (near ${rule.near})`
        : `${rule.term} (near)`;
    }),
  ];
};

describe('Constant: DEFAULT_TAXONOMY (crime-and-security.json)', () => {
  it('follows the taxonomy file schema (the cold start does not validate it)', () => {
    // Act
    const parsed = TaxonomyFileSchema.safeParse(DEFAULT_TAXONOMY);

    // Assess
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('has a YYYY.MM.N version', () => {
    // Assess
    expect(TAXONOMY_VERSION).toMatch(/^\d{4}\.(0[1-9]|1[0-2])\.\d+$/);
  });

  it('covers exactly the default topic ids, in their order', () => {
    // Assess
    expect(DEFAULT_TAXONOMY.topics.map((topic) => topic.id)).toEqual([...TOPIC_IDS]);
  });

  it.each(
    TOPIC_IDS.flatMap((topic) =>
      (['fr', 'en', 'es'] as const).map((language) => [topic, language] as const),
    ),
  )('lists strong terms and at least five terms for %s in %s', (topic, language) => {
    // Act
    const terms = termsOf(topic, language);

    // Assess
    expect(tiersOf(topic, language).strong?.length ?? 0).toBeGreaterThan(0);
    expect(terms.length).toBeGreaterThanOrEqual(5);
  });

  it.each(TOPIC_IDS)('has no duplicate term within a language for %s', (topic) => {
    // Act
    const duplicates = (DEFAULT_TAXONOMY.languages ?? []).flatMap((language) => {
      const terms = termsOf(topic, language).map((term) => `${language}:${term.toLowerCase()}`);
      return terms.filter((term, index) => terms.indexOf(term) !== index);
    });

    // Assess
    expect(duplicates).toEqual([]);
  });
});

describe('Constant: COMPILED_TAXONOMY', () => {
  it('is the default taxonomy compiled, field for field, and compiled only once', () => {
    // Prepare
    const expected = compileTaxonomy(DEFAULT_TAXONOMY);

    // Act
    const { version, topics, languages, index, counts, chargeCues, siblings } = COMPILED_TAXONOMY;
    const { enumerationFrames, frameCues } = COMPILED_TAXONOMY;

    // Assess
    expect(version).toBe(TAXONOMY_VERSION);
    expect(topics).toEqual(expected.topics);
    expect(languages).toEqual(expected.languages);
    expect(index).toEqual(expected.index);
    expect(counts).toEqual(expected.counts);
    expect(chargeCues).toEqual(expected.chargeCues);
    expect(siblings).toEqual(expected.siblings);
    expect(enumerationFrames).toEqual(expected.enumerationFrames);
    expect(frameCues).toEqual(expected.frameCues);
    expect(COMPILED_TAXONOMY.index).toBe(index);
  });
});
