import { normalizeText } from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';
import { fingerprintDocument } from '../../../../../packages/core/src/similarity/fingerprintDocument.ts';
import { fingerprintText } from '../../../../../packages/core/src/similarity/fingerprintText.ts';
import { NearDuplicateIndex } from '../../../../../packages/core/src/similarity/NearDuplicateIndex.ts';
import { BRIEF, LOCAL_REPORT, REPUBLISHED_COPY, syntheticText, WIRE_REPORT } from './articles.ts';

const fingerprintOf = (raw: string) => {
  const normalized = normalizeText(raw);
  if (!normalized.ok) throw new Error(normalized.rejection.detail);
  return fingerprintDocument(fingerprintText(normalized.value));
};

/** An index of the two write-ups and a few unrelated texts. */
const buildIndex = () => {
  const index = new NearDuplicateIndex();
  index.add('local', fingerprintOf(LOCAL_REPORT));
  for (let seed = 1; seed <= 5; seed++) {
    index.add(`other-${seed}`, fingerprintDocument(syntheticText(seed, 250)));
  }
  index.add('wire', fingerprintOf(WIRE_REPORT));
  return index;
};

describe('Class: NearDuplicateIndex', () => {
  it('finds the original of a republished copy among several documents', () => {
    // Prepare
    const index = buildIndex();

    // Act
    const match = index.findBest(fingerprintOf(REPUBLISHED_COPY));

    // Assess
    expect(match?.id).toBe('wire');
    expect(match?.similarity).toBeGreaterThan(0.7);
  });

  it('finds nothing for another write-up of the same event', () => {
    // Prepare
    const index = new NearDuplicateIndex();
    index.add('wire', fingerprintOf(WIRE_REPORT));

    // Act
    const match = index.findBest(fingerprintOf(LOCAL_REPORT));

    // Assess
    expect(match).toBeUndefined();
  });

  it('compares by MinHash estimate when fingerprints have no shingles', () => {
    // Prepare
    const index = new NearDuplicateIndex();
    const { shingles: _, ...stored } = fingerprintOf(WIRE_REPORT);
    index.add('wire', stored);

    // Act
    const match = index.findBest(fingerprintOf(REPUBLISHED_COPY));

    // Assess
    expect(match?.id).toBe('wire');
  });

  it('prefers the most similar document, then the first indexed', () => {
    // Prepare
    const base = syntheticText(40, 300);
    const words = base.split(' ');
    const edited = [...words.slice(0, 150), 'changed', ...words.slice(151)].join(' ');
    const index = new NearDuplicateIndex();
    index.add('edited', fingerprintDocument(edited));
    index.add('first', fingerprintDocument(base));
    index.add('second', fingerprintDocument(base));

    // Act
    const match = index.findBest(fingerprintDocument(base));

    // Assess
    expect(match).toEqual({ id: 'first', similarity: 1, containment: 1 });
  });

  it('ignores short documents and ids already indexed', () => {
    // Prepare
    const index = new NearDuplicateIndex();

    // Act
    index.add('brief', fingerprintDocument(BRIEF));
    index.add('wire', fingerprintOf(WIRE_REPORT));
    index.add('wire', fingerprintOf(LOCAL_REPORT));

    // Assess
    expect(index.size).toBe(1);
    expect(index.findBest(fingerprintDocument(BRIEF))).toBeUndefined();
    expect(index.findBest(fingerprintOf(REPUBLISHED_COPY))?.id).toBe('wire');
  });
});
