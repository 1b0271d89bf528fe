import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '@doc-ingest/core';
import { type Labels, parseLabels, runEvaluation } from '@doc-ingest/evaluation';
import { beforeAll, describe, expect, it } from 'vitest';

const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

/** A labelled set under test/fixtures: its texts, their labels, and the core's reading of one. */
interface FixtureSet {
  dir: string;
  /** The `.txt` files, sorted. */
  files: string[];
  labels: Labels;
  /** Runs the pure pipeline on one file of the set; a rejection fails the test. */
  processed: (name: string) => ReturnType<typeof acceptedValue>;
}

const acceptedValue = (result: ReturnType<typeof processDocument>, name: string) => {
  if (!result.ok) throw new Error(`${name} rejected: ${result.rejection.reason}`);
  return result.value;
};

/** Reads the labelled set `test/fixtures/<name>`. */
const loadFixtureSet = (name: string): FixtureSet => {
  const dir = join(FIXTURES_DIR, name);
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort();
  const labels = parseLabels(
    JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')),
    'labels.json',
  );
  const processed = (file: string) =>
    acceptedValue(processDocument({ bytes: readFileSync(join(dir, file)), key: file }), file);
  return { dir, files, labels, processed };
};

interface ScoreFloors {
  minMicroF1: number;
  maxNoTopicFalsePositiveRate: number;
}

/**
 * Registers the harness checks of a set whose scores are guarded by floors:
 * every file read without warnings or language mismatches, and micro-F1 and
 * no-topic false positives within the floors.
 */
const describeScoreFloors = (set: FixtureSet, floors: ScoreFloors): void => {
  describe('evaluated by the harness', () => {
    let report: Awaited<ReturnType<typeof runEvaluation>>;

    beforeAll(async () => {
      report = await runEvaluation({ dir: set.dir });
    });

    it('reads every file without warnings or language mismatches', () => {
      // Assess
      expect(report.warnings).toEqual([]);
      expect(report.documents).toHaveLength(set.files.length);
      expect(report.languageMismatches).toEqual([]);
    });

    it(`scores a micro-F1 of at least ${floors.minMicroF1} and at most ${floors.maxNoTopicFalsePositiveRate * 100} % false positives`, () => {
      // Assess
      expect(report.topics?.micro.f1).toBeGreaterThanOrEqual(floors.minMicroF1);
      expect(report.topics?.noTopic.rate).toBeLessThanOrEqual(floors.maxNoTopicFalsePositiveRate);
    });
  });
};

interface LabelCoverage {
  languages: readonly string[];
  /** Documents each language has at the least. */
  minDocumentsPerLanguage: number;
}

/** True for a document labelled with no crime topic: a trap for the classifier. */
const isNoTopic = (set: FixtureSet, name: string): boolean => set.labels[name]?.topics.length === 0;

/**
 * Registers the shape checks every labelled set shares: labels cover exactly
 * the files, and each language has its documents and at least one no-topic trap.
 */
const describeLabelCoverage = (set: FixtureSet, coverage: LabelCoverage): void => {
  it('labels every file and only existing files', () => {
    // Assess
    expect(Object.keys(set.labels).sort()).toEqual(set.files);
  });

  it.each(coverage.languages)(
    `has at least ${coverage.minDocumentsPerLanguage} documents and 1 no-topic trap in %s`,
    (language) => {
      // Act
      const own = set.files.filter((name) => name.startsWith(`${language}_`));

      // Assess
      expect(own.length).toBeGreaterThanOrEqual(coverage.minDocumentsPerLanguage);
      expect(own.filter((name) => isNoTopic(set, name)).length).toBeGreaterThan(0);
    },
  );
};

export type { FixtureSet, LabelCoverage, ScoreFloors };
export { describeLabelCoverage, describeScoreFloors, isNoTopic, loadFixtureSet };
