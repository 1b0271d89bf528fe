import { describe, expect, it } from 'vitest';
import {
  classifyTopicsWith,
  loadTaxonomy,
  readForLearning,
} from '../../../../../packages/core/src/index.ts';

// 7 + 1 language + 2 topics rule features; weight on the rule score only.
const rule = (weight: number) => [weight, 0, 0, 0, 0, 0, 0, 0, 0, 0];

const rules = {
  version: '1',
  topics: [
    { id: 'drug_trafficking', terms: { en: ['cocaine'] } },
    { id: 'cybercrime', terms: { en: ['ransomware'] } },
  ],
};

type LayerTopics = Record<string, { bias: number; rule: number[]; words: Record<string, number> }>;

const layerOf = (topics: LayerTopics) => ({
  version: 1 as const,
  threshold: 0.5,
  ruleThreshold: 0.45,
  languages: ['en'],
  topics,
});

const withLayer = loadTaxonomy({
  ...rules,
  learned: layerOf({
    drug_trafficking: { bias: -2, rule: rule(6), words: {} },
    cybercrime: { bias: -2, rule: rule(6), words: { hacker: 30, extort: 15 } },
  }),
});
const rulesOnly = loadTaxonomy(rules);

const input = (title: string, body: string) => ({ title, body, language: 'en' });

describe('Function: classifyTopicsWith, with a learned layer', () => {
  it('lists a topic the rules miss when its words raise the probability, explained by them', () => {
    // Prepare
    const document = input('Hackers extort a hospital', 'The hackers extorted the hospital.');

    // Act
    const plain = classifyTopicsWith(document, { taxonomy: rulesOnly });
    const learned = classifyTopicsWith(document, { taxonomy: withLayer });

    // Assess
    expect(plain.topics).toEqual([]);
    expect(learned.topics.map((topic) => topic.id)).toEqual(['cybercrime']);
    expect(learned.topics[0]?.terms).toEqual(['hackers', 'extort']);
    expect(learned.scores.cybercrime).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps the rule terms as the explanation of a topic the rules matched', () => {
    // Prepare
    const document = input('Cocaine seized', 'Police seized cocaine at the port.');

    // Act
    const result = classifyTopicsWith(document, { taxonomy: withLayer });

    // Assess
    expect(result.topics.map((topic) => [topic.id, topic.terms])).toEqual([
      ['drug_trafficking', ['cocaine']],
    ]);
    // z = -2 + 6 * rule score
    const ruleScore = readForLearning(document, { taxonomy: withLayer }).scores[0] as number;
    const expected = Math.round((1 / (1 + Math.exp(-(-2 + 6 * ruleScore)))) * 1000) / 1000;
    expect(result.scores.drug_trafficking).toBe(expected);
  });

  it("uses the layer's threshold unless the caller gives one", () => {
    // Prepare
    const document = input('Cocaine seized', 'Police seized cocaine at the port.');

    // Act
    const byLayer = classifyTopicsWith(document, { taxonomy: withLayer });
    const strict = classifyTopicsWith(document, { taxonomy: withLayer, threshold: 0.99 });

    // Assess
    expect(byLayer.topics).toHaveLength(1);
    expect(strict.topics).toEqual([]);
  });
});

describe('Function: classifyTopicsWith, where the learned layer does not apply', () => {
  const frameCues = {
    fiction: { en: ['novel', 'thriller', 'episode'] },
    commercial: { en: [] },
    enforcement: { en: ['arrested', 'police'] },
  };
  // A layer that would list cybercrime for any document with a content word.
  const eager = loadTaxonomy({
    ...rules,
    frameCues,
    learned: layerOf({
      drug_trafficking: { bias: -5, rule: rule(0), words: {} },
      cybercrime: { bias: 5, rule: rule(0), words: {} },
    }),
  });

  it('leaves a text the rules read as fiction to the rules', () => {
    // Prepare
    const review = input(
      'A thriller about ransomware',
      'The novel follows a ransomware gang; each episode ends with a ransomware attack.',
    );

    // Act
    const result = classifyTopicsWith(review, { taxonomy: eager });
    const plain = classifyTopicsWith(review, { taxonomy: loadTaxonomy({ ...rules, frameCues }) });

    // Assess
    expect(result.topics).toEqual([]);
    expect(result.scores).toEqual(plain.scores);
    expect(readForLearning(review, { taxonomy: eager }).layerApplies).toBe(false);
  });

  it('leaves a document without content words at zero', () => {
    // Act
    const result = classifyTopicsWith(input('', ''), { taxonomy: eager });

    // Assess
    expect(result.topics).toEqual([]);
    expect(Object.values(result.scores).every((score) => score === 0)).toBe(true);
  });

  it('scores a news text with content words', () => {
    // Act
    const result = classifyTopicsWith(input('Weather', 'Rain is expected.'), { taxonomy: eager });

    // Assess
    expect(result.topics.map((topic) => topic.id)).toEqual(['cybercrime']);
  });
});

describe('Function: readForLearning', () => {
  it('reads rule scores, term counts, language and stems in the taxonomy order', () => {
    // Act
    const view = readForLearning(input('Ransomware gang', 'A ransomware gang hit banks.'), {
      taxonomy: rulesOnly,
    });

    // Assess
    expect(view.scores[0]).toBe(0);
    expect(view.scores[1]).toBeGreaterThan(0.45);
    expect(view.termCounts).toEqual([0, 1]);
    expect(view.strongTermCounts).toEqual([0, 1]);
    expect(view.language).toBe('en');
    expect(view.stems.get('ransomwar')).toBe('Ransomware');
    expect(view.stems.get('bank')).toBe('banks');
  });
});
