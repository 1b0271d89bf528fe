import { describe, expect, it } from 'vitest';
import {
  describeLabelCoverage,
  describeScoreFloors,
  isNoTopic,
  loadFixtureSet,
} from '../../../helpers/fixtureSet.ts';

const set = loadFixtureSet('eval-rules-2');
const { files } = set;
const LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt'];

/**
 * Floors of the rule-class development set of taxonomy 2026.12.3 (issue 15,
 * round 2): Arabic online child abuse material, wildlife offences and drug
 * couriers, organised crime told by leaders, members, roles and rivalry, fraud
 * rings, a crime named as another's benchmark, INTERPOL cited as a source, with
 * traps of the same shape (a child online-safety campaign, nature documentaries,
 * airport openings, a video-game review). The set was written for these rules, so
 * it guards them against a later change rather than measuring them (see its
 * README and docs/QUALITY.md).
 */
const MIN_MICRO_F1 = 0.9;
const MAX_NO_TOPIC_FALSE_POSITIVE_RATE = 0.05;

describe('Fixture set: test/fixtures/eval-rules-2', () => {
  describeLabelCoverage(set, { languages: LANGUAGES, minDocumentsPerLanguage: 2 });

  it('has at least 3 Arabic no-topic traps', () => {
    // Act
    const traps = files.filter((name) => name.startsWith('ar_') && isNoTopic(set, name));

    // Assess
    expect(traps.length).toBeGreaterThanOrEqual(3);
  });

  describeScoreFloors(set, {
    minMicroF1: MIN_MICRO_F1,
    maxNoTopicFalsePositiveRate: MAX_NO_TOPIC_FALSE_POSITIVE_RATE,
  });
});
