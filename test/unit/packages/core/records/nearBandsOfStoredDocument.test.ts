import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildDocumentItems,
  FINGERPRINT_VERSION,
  nearBandsOfStoredDocument,
  processDocument,
} from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';

const SAMPLE = readFileSync(
  join(import.meta.dirname, '../../../../../samples/100_b55afea218a2948c.txt'),
);
const object = { bucket: 'b', key: 'a.txt', size: SAMPLE.length };

const storedDocument = () => {
  const result = processDocument({ bytes: SAMPLE, key: 'a.txt' });
  if (!result.ok) throw new Error('the sample is rejected');
  return buildDocumentItems(result.value, object, { inline: true }, '2026-12-07T00:00:00.000Z');
};

describe('Function: nearBandsOfStoredDocument', () => {
  it('rebuilds, from the stored signature, the band items the writer claims', () => {
    // Prepare
    const items = storedDocument();

    // Act
    const bands = nearBandsOfStoredDocument(items.document);

    // Assess
    expect(bands).toEqual(items.nearBands);
  });

  it('indexes a document fingerprinted under v2 with the bands of the current version', () => {
    // Prepare
    const { document, nearBands } = storedDocument();
    const fingerprint = document.fingerprint;
    if (fingerprint === undefined) throw new Error('no fingerprint');
    const old = { ...document, fingerprint: { ...fingerprint, version: 'w5-m128-b32r4-v2' } };

    // Act
    const bands = nearBandsOfStoredDocument(old);

    // Assess
    expect(bands.map((band) => band.pk)).toEqual(nearBands.map((band) => band.pk));
    expect(bands.every((band) => band.pk.startsWith(`NEAR#${FINGERPRINT_VERSION}#`))).toBe(true);
    expect(bands[0]?.fingerprint?.version).toBe('w5-m128-b32r4-v2');
  });

  it.each([
    {
      name: 'a near-duplicate',
      change: { nearDuplicateOf: { contentHash: 'f'.repeat(64), similarity: 0.8 } },
    },
    { name: 'a document without a fingerprint', change: { fingerprint: undefined } },
    {
      name: 'a fingerprint of unknown parameters',
      change: { fingerprint: { version: 'w3-m64-b16r4-v1', signature: 'AAAA', shingleCount: 90 } },
    },
  ])('gives no band to $name', ({ change }) => {
    // Prepare
    const { document } = storedDocument();

    // Act
    const bands = nearBandsOfStoredDocument({ ...document, ...change });

    // Assess
    expect(bands).toEqual([]);
  });
});
