import { TOPIC_IDS } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import { describeScoreFloors, loadFixtureSet } from '../../../helpers/fixtureSet.ts';

const set = loadFixtureSet('eval-ar');
const { files, labels, processed } = set;

/**
 * Floors of the Arabic development set's scores (issue 15). Unlike the other
 * sets, whose scores are only measured, Arabic has no other guard: a change to
 * the shared tokenizer or stemmer that breaks Arabic matching fails here. The
 * floors are the targets for Arabic, below the scores of the set (a
 * development set: see its README and docs/QUALITY.md).
 */
const MIN_MICRO_F1 = 0.9;
const MAX_NO_TOPIC_FALSE_POSITIVE_RATE = 0.05;

describe('Fixture set: test/fixtures/eval-ar', () => {
  it('labels every file and only existing files', () => {
    // Assess
    expect(Object.keys(labels).sort()).toEqual(files);
  });

  it('holds at least 40 Arabic documents', () => {
    // Assess
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.every((name) => name.startsWith('ar_'))).toBe(true);
  });

  it.each(TOPIC_IDS)('has %s as a subject of at least 3 documents', (topic) => {
    // Act
    const count = Object.values(labels).filter((label) => label.topics.includes(topic)).length;

    // Assess
    expect(count).toBeGreaterThanOrEqual(3);
  });

  it('has at least 12 documents without any topic, and some multi-topic ones', () => {
    // Act
    const sizes = Object.values(labels).map((label) => label.topics.length);

    // Assess
    expect(sizes.filter((size) => size === 0).length).toBeGreaterThanOrEqual(12);
    expect(sizes.filter((size) => size >= 2).length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s is an 80-400 word Arabic article', (name) => {
    // Act
    const doc = processed(name);
    const words = doc.text.split(/\s+/).length;

    // Assess
    expect(doc.language).toBe('ar');
    expect(words).toBeGreaterThanOrEqual(80);
    expect(words).toBeLessThanOrEqual(400);
  });

  describeScoreFloors(set, {
    minMicroF1: MIN_MICRO_F1,
    maxNoTopicFalsePositiveRate: MAX_NO_TOPIC_FALSE_POSITIVE_RATE,
  });
});
