import type { TopicId } from '@doc-ingest/contracts';
import { expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../packages/core/src/classify/classifyTopics.ts';
import { classifyWithRules } from './classifyWithRules.ts';

/** A sentence pair for a rule class: language, headline, body. */
type RuleClassCase = [language: string, title: string, body: string];

const scoreOf = (topic: TopicId, [language, title, body]: RuleClassCase) =>
  classifyWithRules({ title, body, language }).scores[topic] ?? 0;

/**
 * One test per case that the built-in rules alone give `topic` at least the
 * threshold: how the rule-class suites state what a class must find. Each class
 * is paired with `findsNoTopicIn` cases of the same shape, so that a class that
 * fires on everything fails too.
 */
const findsTopicIn = (topic: TopicId, what: string, cases: RuleClassCase[]) =>
  it.each(cases)(`finds ${topic} in ${what} (%s)`, (...testCase) => {
    // Assess
    expect(scoreOf(topic, testCase)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

/** One test per case that the built-in rules alone keep `topic` under the threshold. */
const findsNoTopicIn = (topic: TopicId, what: string, cases: RuleClassCase[]) =>
  it.each(cases)(`finds no ${topic} in ${what} (%s)`, (...testCase) => {
    // Assess
    expect(scoreOf(topic, testCase)).toBeLessThan(DEFAULT_THRESHOLD);
  });

export type { RuleClassCase };
export { findsNoTopicIn, findsTopicIn };
