import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_IDS } from '@doc-ingest/contracts';
import { parsePairs, runEvaluation } from '@doc-ingest/evaluation';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureSet } from '../../../helpers/fixtureSet.ts';

const set = loadFixtureSet('eval');
const { files, labels, processed } = set;
const FIXTURE_DIR = set.dir;
const LANGUAGES = ['de', 'en', 'es', 'fr', 'it', 'pt'];

const pairs = parsePairs(
  JSON.parse(readFileSync(join(FIXTURE_DIR, 'pairs.json'), 'utf8')),
  'pairs.json',
);

// These are invariants of the labelled set, not scores: the classifier's quality
// is measured with `npm run eval`, never asserted here.
describe('Fixture set: test/fixtures/eval', () => {
  it('labels every file and only existing files', () => {
    // Assess
    expect(Object.keys(labels).sort()).toEqual(files);
  });

  it('holds at least 72 documents, at least 8 in each of the six languages', () => {
    // Act
    const perLanguage = LANGUAGES.map(
      (language) => files.filter((name) => name.startsWith(`${language}_`)).length,
    );

    // Assess
    expect(files.length).toBeGreaterThanOrEqual(72);
    expect(files.every((name) => LANGUAGES.includes(name.slice(0, 2)))).toBe(true);
    for (const count of perLanguage) expect(count).toBeGreaterThanOrEqual(8);
  });

  it.each(TOPIC_IDS)('has %s as a subject of at least 5 documents', (topic) => {
    // Act
    const count = Object.values(labels).filter((label) => label.topics.includes(topic)).length;

    // Assess
    expect(count).toBeGreaterThanOrEqual(5);
  });

  it('has at least 18 documents without any topic, and some multi-topic ones', () => {
    // Act
    const sizes = Object.values(labels).map((label) => label.topics.length);

    // Assess
    expect(sizes.filter((size) => size === 0).length).toBeGreaterThanOrEqual(18);
    expect(sizes.filter((size) => size >= 2).length).toBeGreaterThanOrEqual(5);
  });

  it('lists at least 2 pairs of each kind, all between existing files', () => {
    // Act
    const kinds = pairs.map((pair) => pair.kind);

    // Assess
    expect(pairs.length).toBeGreaterThanOrEqual(6);
    for (const kind of ['exact-after-normalization', 'near-duplicate', 'distinct'] as const) {
      expect(kinds.filter((k) => k === kind).length).toBeGreaterThanOrEqual(2);
    }
    for (const pair of pairs) expect(files).toEqual(expect.arrayContaining([pair.a, pair.b]));
  });

  it.each(files)('%s is a 120-400 word article in the language of its prefix', (name) => {
    // Act
    const doc = processed(name);
    const words = doc.text.split(/\s+/).length;

    // Assess
    expect(doc.language).toBe(name.slice(0, 2));
    expect(words).toBeGreaterThanOrEqual(120);
    expect(words).toBeLessThanOrEqual(400);
  });

  it('makes its exact pairs identical after normalization', () => {
    // Act
    const exact = pairs.filter((pair) => pair.kind === 'exact-after-normalization');

    // Assess
    for (const pair of exact) {
      expect(processed(pair.a).contentHash).toBe(processed(pair.b).contentHash);
    }
  });

  describe('evaluated by the harness', () => {
    let report: Awaited<ReturnType<typeof runEvaluation>>;

    beforeAll(async () => {
      report = await runEvaluation({ dir: FIXTURE_DIR });
    });

    it('reads every file without warnings', () => {
      // Assess
      expect(report.warnings).toEqual([]);
      expect(report.documents).toHaveLength(files.length);
    });

    it('scores every topic and every language', () => {
      // Assess
      expect(Object.keys(report.byLanguage)).toEqual(LANGUAGES);
      for (const topic of TOPIC_IDS) {
        expect(report.topics?.perTopic[topic]?.support).toBeGreaterThanOrEqual(5);
      }
      expect(report.languageMismatches).toEqual([]);
    });
  });
});
