import { describe, expect, it } from 'vitest';
import {
  applyLearnedLayer,
  MIN_WEIGHED_STEMS,
  wordScale,
} from '../../../../../../packages/core/src/classify/learned/applyLearnedLayer.ts';
import { compileLearnedLayer } from '../../../../../../packages/core/src/classify/learned/compileLearnedLayer.ts';
import { presentWordsOf } from '../../../../../../packages/core/src/classify/learned/presentWords.ts';

const TOPICS = ['drugs', 'fraud'];
// 7 + 1 language + 2 topics rule features; only the score's weight is set.
const ruleWeights = (score: number) => [score, 0, 0, 0, 0, 0, 0, 0, 0, 0];

const layer = compileLearnedLayer(
  {
    version: 1,
    threshold: 0.5,
    ruleThreshold: 0.45,
    languages: ['en'],
    topics: {
      drugs: { bias: -1, rule: ruleWeights(2), words: { cocain: 4, football: -4 } },
      fraud: { bias: -2, rule: ruleWeights(0), words: { scam: 8, phish: 6, cocain: -1 } },
    },
  },
  TOPICS,
);

const input = (stems: Record<string, string>, scores = [0, 0]) => ({
  scores,
  termCounts: [0, 0],
  strongTermCounts: [0, 0],
  language: 'en',
  frameCues: [0, 0, 0, 0, 0],
  words: presentWordsOf(layer, new Map(Object.entries(stems))),
});

describe('Function: applyLearnedLayer', () => {
  it('adds each present stem at 1/sqrt(distinct stems) to the rule part', () => {
    // Prepare: 400 distinct stems, one of them known
    const stems: Record<string, string> = { cocain: 'cocaine' };
    for (let i = 0; i < 399; i++) stems[`w${i}`] = `w${i}`;

    // Act
    const { probabilities } = applyLearnedLayer(layer, input(stems));

    // Assess: drugs z = -1 + 4/20, fraud z = -2 - 1/20
    expect(probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(0.8)));
    expect(probabilities[1]).toBeCloseTo(1 / (1 + Math.exp(2.05)));
  });

  it('weighs the words of a short text as if it had MIN_WEIGHED_STEMS stems', () => {
    // Prepare
    const brief = input({ cocain: 'cocaine', seiz: 'seized' });

    // Act
    const { probabilities } = applyLearnedLayer(layer, brief);

    // Assess
    expect(wordScale(2)).toBe(1 / Math.sqrt(MIN_WEIGHED_STEMS));
    expect(probabilities[0]).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 4 * wordScale(2)))));
  });

  it('reads the rule score through its weight', () => {
    // Prepare
    const withRule = input({ port: 'port' }, [0.9, 0]);
    const without = input({ port: 'port' }, [0, 0]);

    // Act
    const raised = applyLearnedLayer(layer, withRule).probabilities[0] as number;
    const plain = applyLearnedLayer(layer, without).probabilities[0] as number;

    // Assess
    expect(raised).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 2 * 0.9))));
    expect(raised).toBeGreaterThan(plain);
  });

  it('explains a topic by the written words of its positive stems, strongest first', () => {
    // Prepare
    const document = input({ phish: 'phishing', scam: 'scams', cocain: 'cocaine', port: 'port' });

    // Act
    const scores = applyLearnedLayer(layer, document);

    // Assess
    expect(scores.supportingWords(1, 5)).toEqual(['scams', 'phishing']);
    expect(scores.supportingWords(1, 1)).toEqual(['scams']);
    expect(scores.supportingWords(0, 5)).toEqual(['cocaine']);
  });

  it('leaves a topic without a model undefined, so that its rule score stands', () => {
    // Prepare
    const partial = compileLearnedLayer(
      {
        ...{ version: 1 as const, threshold: 0.5, ruleThreshold: 0.45, languages: ['en'] },
        topics: {},
      },
      TOPICS,
    );

    // Act
    const { probabilities } = applyLearnedLayer(partial, input({ cocain: 'cocaine' }));

    // Assess
    expect(probabilities).toEqual([undefined, undefined]);
  });
});
