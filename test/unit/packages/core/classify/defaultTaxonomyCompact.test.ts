import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY } from '../../../../../packages/core/src/classify/defaultTaxonomy.ts';
import { getStemmer } from '../../../../../packages/core/src/classify/stem.ts';
import { tokenize } from '../../../../../packages/core/src/classify/tokenize.ts';

// The taxonomy is in the ingest bundle (< 500 KB): entries that can never change
// a match cost bytes for nothing. Word lists are matched by stem, and of two tier
// terms with the same keys only the first, heavier one is ever the best term.
const LANGUAGES = new Set(DEFAULT_TAXONOMY.languages ?? []);

const keyOf = (language: string, term: string): string => {
  const exact = term.startsWith('=');
  const stem = getStemmer(language);
  return tokenize(exact ? term.slice(1) : term)
    .tokens.filter((token) => !token.stop)
    .map((token) => (exact ? `=${token.norm}` : stem(token.norm)))
    .join(' ');
};

const repeated = (language: string, terms: readonly string[]): string[] => {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = keyOf(language, term);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
};

describe('Constant: DEFAULT_TAXONOMY, compactness', () => {
  it('keeps one form per stem in each language word list', () => {
    // Act
    const duplicates = Object.entries(DEFAULT_TAXONOMY.wordLists ?? {}).flatMap(([name, words]) => {
      const language = name.slice(0, 2);
      if (!LANGUAGES.has(language) || name[2] !== '-') return [];
      const plain = words.filter((word) => !word.startsWith('@'));
      return repeated(language, plain).map((word) => `${name}: ${word}`);
    });

    // Assess
    expect(duplicates).toEqual([]);
  });

  it('has no tier term that an earlier term of the same topic and language already matches', () => {
    // Act
    const duplicates = DEFAULT_TAXONOMY.topics.flatMap((topic) =>
      Object.entries(topic.terms).flatMap(([language, terms]) => {
        if (Array.isArray(terms)) return [];
        const tiers = [...(terms.strong ?? []), ...(terms.medium ?? []), ...(terms.weak ?? [])];
        return repeated(language, tiers).map((term) => `${topic.id}/${language}: ${term}`);
      }),
    );

    // Assess
    expect(duplicates).toEqual([]);
  });
});
