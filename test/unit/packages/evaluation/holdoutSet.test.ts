import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_IDS } from '@doc-ingest/contracts';
import { runEvaluation } from '@doc-ingest/evaluation';
import { beforeAll, describe, expect, it } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');
const LANGUAGES = ['de', 'en', 'es', 'fr', 'it', 'pt'];

// Invariants of the held-out sets only. Their scores are reported in
// docs/QUALITY.md, never asserted: asserting them would make them tuning sets.
describe.each(['eval-holdout', 'eval-holdout-2', 'eval-holdout-3'])(
  'Fixture set: test/fixtures/%s',
  (folder) => {
    const HOLDOUT_DIR = join(FIXTURES, folder);
    let report: Awaited<ReturnType<typeof runEvaluation>>;
    const files = readdirSync(HOLDOUT_DIR).filter((name) => name.endsWith('.txt'));

    beforeAll(async () => {
      report = await runEvaluation({ dir: HOLDOUT_DIR });
    });

    it('labels every file, with at least 8 documents per language', () => {
      // Assess
      expect(report.warnings).toEqual([]);
      expect(report.documents).toHaveLength(files.length);
      for (const language of LANGUAGES) {
        expect(
          files.filter((name) => name.startsWith(`${language}_`)).length,
        ).toBeGreaterThanOrEqual(8);
      }
    });

    it('has every topic as a subject at least 3 times and at least 12 no-topic documents', () => {
      // Act
      const labels = JSON.parse(readFileSync(join(HOLDOUT_DIR, 'labels.json'), 'utf8')) as Record<
        string,
        { topics: string[] }
      >;
      const noTopic = Object.values(labels).filter((label) => label.topics.length === 0);

      // Assess
      for (const topic of TOPIC_IDS) {
        expect(report.topics?.perTopic[topic]?.support).toBeGreaterThanOrEqual(3);
      }
      expect(noTopic.length).toBeGreaterThanOrEqual(12);
    });

    it('is read in the language of each file prefix', () => {
      // Assess
      expect(Object.keys(report.byLanguage)).toEqual(LANGUAGES);
      expect(report.languageMismatches).toEqual([]);
    });
  },
);
