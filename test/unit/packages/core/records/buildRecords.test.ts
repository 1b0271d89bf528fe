import {
  DocumentRecordSchema,
  NearBandRecordSchema,
  RejectionRecordSchema,
  SourceRecordSchema,
  TopicRecordSchema,
} from '@doc-ingest/contracts';
import {
  buildDocumentItems,
  buildRejectionRecord,
  LSH_BANDS,
  processDocument,
} from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';

const NOW = '2026-11-22T10:00:00.000Z';
const object = { bucket: 'bucket', key: 'in/007_0123456789abcdef.txt', versionId: 'v1', size: 300 };

const processed = () => {
  const result = processDocument({
    bytes: Buffer.from(
      'Saisie record de cocaïne au port\n\nLes douaniers ont saisi deux tonnes de cocaïne dans un conteneur; le réseau de narcotrafiquants visait l’Europe.\n\nLe trafic de drogue par conteneurs ne cesse de croître.',
    ),
    key: object.key,
  });
  if (!result.ok) throw new Error(`fixture rejected: ${result.rejection.reason}`);
  return result.value;
};

describe('Function: buildDocumentItems', () => {
  it('builds items that satisfy the published contract', () => {
    // Act
    const items = buildDocumentItems(processed(), object, { inline: true }, NOW);

    // Assess
    expect(DocumentRecordSchema.parse(items.document).text).toContain('cocaïne');
    expect(SourceRecordSchema.parse(items.newSource).status).toBe('new');
    expect(SourceRecordSchema.parse(items.duplicateSource).status).toBe('duplicate');
    for (const topic of items.topics) TopicRecordSchema.parse(topic);
    expect(items.topics.map((topic) => topic.topicId)).toContain('drug_trafficking');
  });

  it('records the format and the legacy encoding a source was read as (schema 1.3)', () => {
    // Prepare: an HTML page saved in KOI8-R (bytes written out for the test).
    const page = processDocument({
      bytes: Buffer.from(
        '<html><head><title>\xf0\xcf\xcc\xc9\xc3\xc9\xd1</title></head><body><p>\xf0\xcf\xcc\xc9\xc3\xc9\xd1 ' +
          '\xda\xc1\xc4\xc5\xd2\xd6\xc1\xcc\xc1 \xc7\xd2\xd5\xd0\xd0\xd5 \xcb\xcf\xce\xd4\xd2\xc1\xc2\xc1\xce\xc4\xc9\xd3\xd4\xcf\xd7 ' +
          '\xce\xc1 \xc7\xd2\xc1\xce\xc9\xc3\xc5 \xd3 \xce\xc1\xd2\xcb\xcf\xd4\xc9\xcb\xc1\xcd\xc9.</p></body></html>',
        'latin1',
      ),
      key: 'in/page.html',
    });
    if (!page.ok) throw new Error(`fixture rejected: ${page.rejection.reason}`);

    // Act
    const { newSource } = buildDocumentItems(page.value, object, { inline: true }, NOW);

    // Assess
    expect(SourceRecordSchema.parse(newSource)).toMatchObject({
      format: 'html',
      encoding: 'koi8-r',
    });
    expect(page.value.title).toBe('Полиция');
  });

  it('keys the document by content hash and the source by object version', () => {
    // Act
    const { document, newSource } = buildDocumentItems(processed(), object, { inline: true }, NOW);

    // Assess
    expect(document.pk).toBe(`DOC#${document.contentHash}`);
    expect(newSource.pk).toBe('SOURCE#bucket/in/007_0123456789abcdef.txt');
    expect(newSource.sk).toBe('VERSION#v1');
    expect(newSource.gsi1pk).toBe(document.pk);
    expect(newSource.sourceIndex).toBe(7);
    expect(newSource.declaredHash).toBe('0123456789abcdef');
    expect(newSource.declaredHashMatches).toBe(false);
  });

  it('stores the fingerprint and claims each LSH band of a canonical document', () => {
    // Act
    const { document, nearBands } = buildDocumentItems(processed(), object, { inline: true }, NOW);

    // Assess
    expect(document.fingerprint?.shingleCount).toBeGreaterThan(20);
    expect(nearBands).toHaveLength(LSH_BANDS);
    expect(new Set(nearBands.map((band) => band.pk)).size).toBe(LSH_BANDS);
    for (const band of nearBands) {
      expect(NearBandRecordSchema.parse(band)).toMatchObject({
        sk: 'OWNER',
        contentHash: document.contentHash,
        fingerprintVersion: document.fingerprint?.version,
      });
      // The owner's fingerprint travels with the claim: a lookup needs no second read.
      expect(band.fingerprint).toEqual(document.fingerprint);
    }
  });

  it('marks a near-duplicate and leaves it out of the band index', () => {
    // Prepare
    const original = { contentHash: 'f'.repeat(64), similarity: 0.91 };

    // Act
    const { document, nearBands } = buildDocumentItems(
      processed(),
      object,
      { inline: true },
      NOW,
      original,
    );

    // Assess
    expect(DocumentRecordSchema.parse(document).nearDuplicateOf).toEqual(original);
    expect(nearBands).toEqual([]);
  });

  it('points to the text store instead of inlining when told to', () => {
    // Prepare
    const location = { bucket: 'texts', key: 'text/x.txt' };

    // Act
    const { document } = buildDocumentItems(processed(), object, { inline: false, location }, NOW);

    // Assess
    expect(document.text).toBeUndefined();
    expect(DocumentRecordSchema.parse(document).textLocation).toEqual(location);
  });
});

describe('Function: buildRejectionRecord', () => {
  it('records the reason and the source key', () => {
    // Act
    const record = buildRejectionRecord(
      { bucket: 'bucket', key: 'in/empty.txt', size: 0 },
      { reason: 'empty', detail: 'the object has no bytes' },
      NOW,
    );

    // Assess
    expect(RejectionRecordSchema.parse(record)).toMatchObject({
      pk: 'REJECTION#bucket/in/empty.txt',
      sk: 'VERSION#null',
      gsi1pk: 'REJECTION#2026-11-22',
      reason: 'empty',
    });
  });
});
