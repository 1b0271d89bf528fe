import { TOPIC_IDS } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import {
  TAXONOMY,
  TAXONOMY_LANGUAGES,
  TAXONOMY_VERSION,
} from '../../../../../packages/core/src/classify/taxonomy.ts';

const termsOf = (
  topic: (typeof TOPIC_IDS)[number],
  language: (typeof TAXONOMY_LANGUAGES)[number],
) => {
  const terms = TAXONOMY[topic][language];
  return [
    ...(terms?.strong ?? []),
    ...(terms?.medium ?? []),
    ...(terms?.weak ?? []),
    // A rule with a context condition may repeat a term with another weight
    // (`antiquités`: medium near theft words, weak otherwise).
    ...(terms?.rules ?? []).map((rule) => (rule.near ? `${rule.term} (near)` : rule.term)),
  ];
};

describe('Constant: TAXONOMY', () => {
  it('has a YYYY.MM.N version', () => {
    // Assess
    expect(TAXONOMY_VERSION).toMatch(/^\d{4}\.(0[1-9]|1[0-2])\.\d+$/);
  });

  it('covers exactly the topic ids of the contract', () => {
    // Assess
    expect(Object.keys(TAXONOMY).sort()).toEqual([...TOPIC_IDS].sort());
  });

  it.each(
    TOPIC_IDS.flatMap((topic) =>
      (['fr', 'en', 'es'] as const).map((language) => [topic, language] as const),
    ),
  )('lists strong terms and at least five terms for %s in %s', (topic, language) => {
    // Act
    const terms = termsOf(topic, language);

    // Assess
    expect(TAXONOMY[topic][language]?.strong?.length ?? 0).toBeGreaterThan(0);
    expect(terms.length).toBeGreaterThanOrEqual(5);
  });

  it.each(TOPIC_IDS)('has no duplicate term within a language for %s', (topic) => {
    // Act
    const duplicates = TAXONOMY_LANGUAGES.flatMap((language) => {
      const terms = termsOf(topic, language).map((term) => `${language}:${term.toLowerCase()}`);
      return terms.filter((term, index) => terms.indexOf(term) !== index);
    });

    // Assess
    expect(duplicates).toEqual([]);
  });
});
