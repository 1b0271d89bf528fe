import { describe, expect, it } from 'vitest';
import {
  describeLabelCoverage,
  describeScoreFloors,
  loadFixtureSet,
} from '../../../helpers/fixtureSet.ts';

const set = loadFixtureSet('eval-rules');
const { files, labels } = set;
const LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt'];

/**
 * Floors of the rule-class development set of taxonomy 2026.12.2 (issue 15):
 * cooperation told by named countries, surrenders and requests for legal
 * assistance, smuggling crews and fraud mentions, with traps of the same shape
 * (cultural, academic and sports cooperation between named countries). The set
 * was written for these rules, so it guards them against a later change rather
 * than measuring them (see its README and docs/QUALITY.md).
 */
const MIN_MICRO_F1 = 0.9;
const MAX_NO_TOPIC_FALSE_POSITIVE_RATE = 0.05;

describe('Fixture set: test/fixtures/eval-rules', () => {
  describeLabelCoverage(set, { languages: LANGUAGES, minDocumentsPerLanguage: 3 });

  it('has cooperation as the subject of at least 2 documents per language', () => {
    // Act
    const perLanguage = LANGUAGES.map(
      (language) =>
        files.filter(
          (name) => name.startsWith(`${language}_`) && labels[name]?.topics.includes('cooperation'),
        ).length,
    );

    // Assess
    expect(Math.min(...perLanguage)).toBeGreaterThanOrEqual(2);
  });

  describeScoreFloors(set, {
    minMicroF1: MIN_MICRO_F1,
    maxNoTopicFalsePositiveRate: MAX_NO_TOPIC_FALSE_POSITIVE_RATE,
  });
});
