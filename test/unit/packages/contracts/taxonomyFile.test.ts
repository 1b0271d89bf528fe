import {
  contractJsonSchemas,
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
