import {
  type EvaluationReport,
  formatReport,
  formatReportJson,
  scorePairs,
  scoreTopics,
} from '@doc-ingest/evaluation';
import { describe, expect, it } from 'vitest';

const report = (): EvaluationReport => ({
  dir: '/data',
  threshold: 0.5,
  taxonomyVersion: 'test',
  documents: [
    {
      name: 'en_01.txt',
      expectedLanguage: 'en',
      language: 'en',
      expected: ['firearms'],
      optional: [],
      predicted: ['terrorism'],
      scores: { firearms: 0.3, terrorism: 0.6 },
      contentHash: 'h1',
      rejection: undefined,
    },
  ],
  topics: scoreTopics([{ expected: ['firearms'], predicted: ['terrorism'] }]),
  byLanguage: { en: scoreTopics([{ expected: ['firearms'], predicted: ['terrorism'] }]) },
  languageMismatches: [{ name: 'en_01.txt', expected: 'en', detected: 'fr' }],
  pairs: scorePairs([
    { a: 'x', b: 'y', kind: 'near-duplicate', documentA: undefined, documentB: undefined },
  ]),
  warnings: ['z.txt: present but unlabelled'],
});

describe('Function: formatReport', () => {
  it('renders topics, languages, misses, pairs and warnings', () => {
    // Act
    const text = formatReport(report());

    // Assess
    expect(text).toMatch(/firearms\s+1\s+0\s+0\s+1\s+—\s+0\.000\s+0\.000/);
    expect(text).toMatch(/en\s+1\s+0\s+0\.000\s+0\.000\s+0\.000\s+0\.000\s+—/);
    expect(text).toContain('en_01.txt: missed firearms (0.300); extra terrorism (0.600)');
    expect(text).toContain('en_01.txt: expected en, detected fr');
    expect(text).toContain('x ~ y: expected near-duplicate, got not judged');
    expect(text).toContain('z.txt: present but unlabelled');
  });
});

describe('Function: formatReportJson', () => {
  it('renders parseable JSON with null for undefined ratios', () => {
    // Act
    const parsed = JSON.parse(formatReportJson(report()));

    // Assess
    expect(parsed.topics.perTopic.firearms.precision).toBeNull();
    expect(parsed.documents[0].rejection).toBeUndefined();
  });
});
