import {
  contractJsonSchemas,
  learnedRuleFeatureNames,
  TaxonomyFileSchema,
  taxonomyReferenceProblems,
} from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';

describe('Schema: TaxonomyFileSchema', () => {
  it('accepts the minimal form: a version and topics with terms per language', () => {
    // Act
    const parsed = TaxonomyFileSchema.safeParse({
      version: '2027.01.1',
      topics: [{ id: 'storm', terms: { en: ['storm'], fr: ['tempête'] } }],
    });

    // Assess
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['a version that is not dot-separated numbers', { version: 'v2', topics: [] }],
    ['no topic', { version: '1', topics: [] }],
    ['a topic id in capitals', { version: '1', topics: [{ id: 'Storm', terms: {} }] }],
    [
      'a language that is not ISO 639-1',
      { version: '1', topics: [{ id: 'a', terms: { eng: ['x'] } }] },
    ],
    ['an unknown field', { version: '1', topics: [{ id: 'a', terms: {} }], weights: {} }],
    [
      'an unknown weight name',
      { version: '1', topics: [{ id: 'a', terms: { en: [{ term: 'x', weight: 'huge' }] } }] },
    ],
  ])('refuses %s', (_name, data) => {
    // Act + Assess
    expect(TaxonomyFileSchema.safeParse(data).success).toBe(false);
  });

  it('ships as the `taxonomy` JSON Schema for editors, requiring a version and topics', () => {
    // Act
    const schema = contractJsonSchemas().taxonomy as { required?: string[] };

    // Assess
    expect(schema.required).toEqual(['version', 'topics']);
  });
});

describe('Function: taxonomyReferenceProblems', () => {
  const topic = (id: string) => ({ id, terms: { en: [id] } });

  it('finds nothing in a file whose topics are unique and whose siblings are topics', () => {
    // Act
    const problems = taxonomyReferenceProblems({
      version: '1',
      topics: [topic('rain'), topic('snow')],
      siblings: [['rain', 'snow']],
    });

    // Assess
    expect(problems).toEqual([]);
  });

  it('names every duplicate topic and unknown sibling, in file order', () => {
    // Act
    const problems = taxonomyReferenceProblems({
      version: '1',
      topics: [topic('rain'), topic('snow'), topic('rain')],
      siblings: [['rain', 'hail']],
    });

    // Assess
    expect(problems).toEqual(['topic "rain" is listed twice', 'sibling "hail" is not a topic']);
  });
});

describe('Learned layer of a taxonomy file', () => {
  const topic = (id: string) => ({ id, terms: { en: [id] } });
  // 7 + 1 language + 2 topics
  const rule = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const learned = (topics: Record<string, { bias: number; rule: number[]; words: object }>) => ({
    version: 1 as const,
    threshold: 0.5,
    ruleThreshold: 0.45,
    languages: ['en'],
    topics: topics as never,
  });

  it('accepts a layer with one rule weight per feature for known topics', () => {
    // Prepare
    const file = {
      version: '1',
      topics: [topic('rain'), topic('snow')],
      learned: learned({ rain: { bias: -1, rule, words: { wet: 0.5 } } }),
    };

    // Act
    const parsed = TaxonomyFileSchema.safeParse(file);

    // Assess
    expect(parsed.success).toBe(true);
    expect(taxonomyReferenceProblems(file)).toEqual([]);
    expect(learnedRuleFeatureNames(['rain', 'snow'], ['en'])).toHaveLength(rule.length);
  });

  it('names an unknown learned topic and a rule weight count that does not fit', () => {
    // Act
    const problems = taxonomyReferenceProblems({
      version: '1',
      topics: [topic('rain'), topic('snow')],
      learned: learned({
        hail: { bias: 0, rule, words: {} },
        snow: { bias: 0, rule: [1, 2], words: {} },
      }),
    });

    // Assess
    expect(problems).toEqual([
      'learned topic "hail" is not a topic',
      'learned topic "snow" has 2 rule weights, not 10',
    ]);
  });

  it('counts the five frame-cue weights of a version 2 layer, and refuses version 3', () => {
    // Prepare
    const file = (version: number, weights: number[]) => ({
      version: '1',
      topics: [topic('rain'), topic('snow')],
      learned: { ...learned({ rain: { bias: 0, rule: weights, words: {} } }), version },
    });
    const withFrame = [...rule, 0, 0, 0, 0, 0];

    // Act
    const second = file(2, withFrame);
    const secondShort = file(2, rule);
    const third = TaxonomyFileSchema.safeParse(file(3, withFrame));

    // Assess
    expect(TaxonomyFileSchema.safeParse(second).success).toBe(true);
    expect(taxonomyReferenceProblems(second as never)).toEqual([]);
    expect(taxonomyReferenceProblems(secondShort as never)).toEqual([
      'learned topic "rain" has 10 rule weights, not 15',
    ]);
    expect(learnedRuleFeatureNames(['rain', 'snow'], ['en'], 2).slice(-5)).toEqual([
      'frame:fiction',
      'frame:commercial',
      'frame:lawful',
      'frame:offence',
      'frame:enforcement',
    ]);
    expect(third.success).toBe(false);
  });

  it('refuses a threshold outside 0..1 and an unknown key', () => {
    // Prepare
    const base = { version: '1', topics: [topic('rain')] };

    // Act
    const badThreshold = TaxonomyFileSchema.safeParse({
      ...base,
      learned: { ...learned({}), threshold: 1.5 },
    });
    const unknownKey = TaxonomyFileSchema.safeParse({
      ...base,
      learned: { ...learned({}), weights: [] },
    });

    // Assess
    expect(badThreshold.success).toBe(false);
    expect(unknownKey.success).toBe(false);
  });
});
