import { describe, expect, it } from 'vitest';
import { compileLearnedLayer, loadTaxonomy } from '../../../../../packages/core/src/index.ts';
import type { LearningView } from '../../../../../packages/evaluation/src/learned/learningViews.ts';
import { predictWithLayer } from '../../../../../packages/evaluation/src/learned/predictWithLayer.ts';
import { trainLearnedLayer } from '../../../../../packages/evaluation/src/learned/trainLearnedLayer.ts';

const taxonomy = loadTaxonomy({
  version: '1',
  topics: [
    { id: 'drug_trafficking', terms: { en: ['cocaine'] } },
    { id: 'cybercrime', terms: { en: ['ransomware'] } },
  ],
});

// Documents the rules miss (score 0): only the words tell the topics apart.
const view = (name: string, words: string[], expected: LearningView['expected']): LearningView => ({
  name,
  expected,
  optional: [],
  scores: [0, 0],
  termCounts: [0, 0],
  strongTermCounts: [0, 0],
  language: 'en',
  frameCues: [0, 0, 0, 0, 0],
  stems: new Map(words.map((word) => [word, word])),
  layerApplies: true,
});

const views: LearningView[] = [];
for (let i = 0; i < 12; i++) {
  views.push(view(`drugs-${i}`, ['narco', 'seiz', `port${i}`], ['drug_trafficking']));
  views.push(view(`cyber-${i}`, ['hacker', 'extort', `firm${i}`], ['cybercrime']));
  views.push(view(`none-${i}`, ['football', 'match', `team${i}`], []));
}

describe('Function: trainLearnedLayer', () => {
  it('learns the words of each topic, and predicts them on documents it has not seen', () => {
    // Prepare
    const unseen = [
      view('d', ['narco', 'river'], ['drug_trafficking']),
      view('c', ['hacker', 'bank'], ['cybercrime']),
      view('n', ['football', 'goal'], []),
    ];

    // Act
    const layer = trainLearnedLayer(views, taxonomy, { threshold: 0.5, epochs: 30 });
    const compiled = compileLearnedLayer(layer, taxonomy.topics);

    // Assess
    expect(layer.topics.drug_trafficking?.words.narco).toBeGreaterThan(0);
    expect(layer.topics.cybercrime?.words.narco ?? 0).toBeLessThan(0.1);
    expect(unseen.map((v) => predictWithLayer(compiled, taxonomy.topics, v))).toEqual([
      ['drug_trafficking'],
      ['cybercrime'],
      [],
    ]);
  });

  it('is deterministic and keeps at most maxWordsPerTopic words per topic', () => {
    // Act
    const first = trainLearnedLayer(views, taxonomy, { epochs: 5, maxWordsPerTopic: 4 });
    const again = trainLearnedLayer(views, taxonomy, { epochs: 5, maxWordsPerTopic: 4 });

    // Assess
    expect(again).toEqual(first);
    for (const topic of Object.values(first.topics)) {
      expect(Object.keys(topic.words).length).toBeLessThanOrEqual(4);
    }
  });

  it('leaves a document out of the examples of a topic it marks optional', () => {
    // Prepare: the only cybercrime words appear where cybercrime is optional
    const optional = views
      .filter((v) => !v.expected.includes('cybercrime'))
      .concat([{ ...view('o', ['ransom'], []), optional: ['cybercrime'] }]);

    // Act
    const layer = trainLearnedLayer(optional, taxonomy, { epochs: 5 });

    // Assess
    expect(layer.topics.cybercrime?.words.ransom).toBeUndefined();
  });

  it('learns nothing from a document no layer scores (a review, product news, lawful use)', () => {
    // Prepare
    const withReview = [
      ...views,
      { ...view('r', ['thriller'], ['cybercrime']), layerApplies: false },
    ];

    // Act
    const layer = trainLearnedLayer(withReview, taxonomy, { epochs: 5 });

    // Assess
    expect(layer.topics.cybercrime?.words.thriller).toBeUndefined();
  });
});
