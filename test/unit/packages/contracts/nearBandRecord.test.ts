import { NEAR_BAND_SORT_KEY, NearBandRecordSchema, SCHEMA_VERSION } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';

const HASH = 'a'.repeat(64);
const owner = {
  pk: 'NEAR#w5-m128-b32r4-v1#b07:3f9a1c2e5b0d7e41',
  sk: NEAR_BAND_SORT_KEY,
  kind: 'near-band',
  schemaVersion: SCHEMA_VERSION,
  contentHash: HASH,
  fingerprintVersion: 'w5-m128-b32r4-v1',
  fingerprint: { version: 'w5-m128-b32r4-v1', signature: 'AAECAw==', shingleCount: 57 },
};

describe('Schema: NearBandRecordSchema', () => {
  it('accepts a band owner carrying the owner fingerprint', () => {
    // Act & Assess
    expect(NearBandRecordSchema.parse(owner)).toEqual(owner);
    expect(owner.sk).toBe('OWNER');
  });

  it('still accepts a band item written by schema 1.1', () => {
    // Prepare
    const { fingerprint: _fingerprint, ...rest } = owner;
    const legacy = { ...rest, sk: `DOC#${HASH}`, schemaVersion: '1.1' };

    // Act & Assess
    expect(NearBandRecordSchema.safeParse(legacy).success).toBe(true);
  });

  it.each([
    ['another sort key', { sk: 'TOPIC#cybercrime' }],
    ['a fingerprint without its signature', { fingerprint: { version: 'v', shingleCount: 3 } }],
    ['a contentHash that is no hash', { contentHash: 'abc' }],
  ])('rejects %s', (_label, change) => {
    // Act & Assess
    expect(NearBandRecordSchema.safeParse({ ...owner, ...change }).success).toBe(false);
  });
});
