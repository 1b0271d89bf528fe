import { compileOnFirstUse, compileTaxonomy } from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';

const FOG = { version: '2027.1.1', topics: [{ id: 'fog', terms: { en: ['thick fog', 'mist'] } }] };

describe('Function: compileOnFirstUse', () => {
  it('gives the version at once and compiles nothing until a field is read', () => {
    // Prepare: a term without content words, which the compiler refuses
    const refused = { version: '2027.1.2', topics: [{ id: 'fog', terms: { en: ['the'] } }] };

    // Act
    const taxonomy = compileOnFirstUse(refused);

    // Assess
    expect(taxonomy.version).toBe('2027.1.2');
    expect(() => taxonomy.topics).toThrow(/no content word/);
  });

  it('reads as the taxonomy compiled at once, field for field, and compiles once', () => {
    // Act
    const deferred = compileOnFirstUse(FOG);
    const compiled = compileTaxonomy(FOG);

    // Assess
    expect({ ...deferred }).toEqual({ ...compiled });
    expect(deferred.index).toBe(deferred.index);
  });

  it('defers every field, the learned layer included', () => {
    // Prepare: 7 + 1 language + 1 topic rule weights
    const withLayer = {
      ...FOG,
      learned: {
        version: 1 as const,
        threshold: 0.5,
        ruleThreshold: 0.45,
        languages: ['en'],
        topics: { fog: { bias: -1, rule: [1, 0, 0, 0, 0, 0, 0, 0, 0], words: { mist: 2 } } },
      },
    };

    // Act
    const deferred = compileOnFirstUse(withLayer);

    // Assess
    expect(deferred.learned?.words.get('mist')).toEqual(Float64Array.from([2]));
    expect(Object.keys(deferred).sort()).toEqual(Object.keys(compileTaxonomy(withLayer)).sort());
  });

  it('holds its fields as plain values once compiled', () => {
    // Prepare
    const deferred = compileOnFirstUse(FOG);

    // Act
    const topics = deferred.topics;

    // Assess
    expect(topics).toEqual(['fog']);
    expect(Object.getOwnPropertyDescriptor(deferred, 'index')?.get).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(deferred, 'index')?.value).toBe(deferred.index);
  });

  it('keeps refusing a taxonomy the compiler refuses, at every read', () => {
    // Prepare
    const refused = compileOnFirstUse({
      version: '1',
      topics: [{ id: 'x', terms: { en: ['of'] } }],
    });

    // Act
    const reads = [() => refused.topics, () => refused.index];

    // Assess
    for (const read of reads) expect(read).toThrow(/no content word/);
  });
});
