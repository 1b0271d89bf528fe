import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EvaluationInputError,
  loadLabelFiles,
  parseLabels,
  parsePairs,
} from '@doc-ingest/evaluation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

describe('Function: parseLabels', () => {
  it('defaults optional topics to an empty list and keeps extra keys', () => {
    // Act
    const labels = parseLabels({
      'a.txt': { topics: ['cybercrime'] },
      'b.txt': { topics: [], optional_topics: ['firearms'], lang: 'fr', why: 'sports' },
    });

    // Assess
    expect(labels['a.txt']).toEqual({ topics: ['cybercrime'], optional_topics: [] });
    expect(labels['b.txt']).toMatchObject({ lang: 'fr', why: 'sports' });
  });

  it.each([
    ['an unknown topic id', { 'a.txt': { topics: ['piracy'] } }, 'a.txt.topics.0'],
    ['missing topics', { 'a.txt': { optional_topics: [] } }, 'a.txt.topics'],
    ['a list instead of an object', [{ topics: [] }], '(root)'],
    [
      'a topic both required and optional',
      { 'a.txt': { topics: ['firearms'], optional_topics: ['firearms'] } },
      'both in topics and optional_topics',
    ],
  ])('rejects %s with a message naming the place', (_, json, expected) => {
    // Act
    const parse = () => parseLabels(json, 'labels.json');

    // Assess
    expect(parse).toThrow(EvaluationInputError);
    expect(parse).toThrow(expected);
  });
});

describe('Function: parsePairs', () => {
  it('accepts the three kinds and keeps extra keys', () => {
    // Act
    const pairs = parsePairs([
      { a: 'x.txt', b: 'y.txt', kind: 'near-duplicate', jaccard_word5: 0.8 },
      { a: 'x.txt', b: 'z.txt', kind: 'distinct' },
    ]);

    // Assess
    expect(pairs).toHaveLength(2);
    expect(pairs[0]).toMatchObject({ kind: 'near-duplicate', jaccard_word5: 0.8 });
  });

  it('rejects an unknown kind', () => {
    // Act
    const parse = () => parsePairs([{ a: 'x.txt', b: 'y.txt', kind: 'similar' }], 'pairs.json');

    // Assess
    expect(parse).toThrow(/pairs\.json does not match its schema:\n {2}at 0\.kind/);
  });
});

describe('Function: loadLabelFiles', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-labels-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns undefined for absent files', async () => {
    // Act
    const loaded = await loadLabelFiles(dir);

    // Assess
    expect(loaded).toEqual({ labels: undefined, pairs: undefined });
  });

  it('reports invalid JSON with the file path', async () => {
    // Prepare
    writeFileSync(join(dir, 'labels.json'), '{"a.txt": ');

    // Act
    const load = loadLabelFiles(dir);

    // Assess
    await expect(load).rejects.toThrow(EvaluationInputError);
    await expect(load).rejects.toThrow(`${join(dir, 'labels.json')} is not valid JSON`);
  });
});
