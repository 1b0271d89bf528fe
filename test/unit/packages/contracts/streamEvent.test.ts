import { marshall } from '@aws-sdk/util-dynamodb';
import {
  DocumentRecordSchema,
  isDocumentInsert,
  parseTableChange,
  RecordSchemaViolationError,
  toDocumentIngestedDetail,
} from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';

const HASH = 'a'.repeat(64);
const document = {
  pk: `DOC#${HASH}`,
  sk: 'DOCUMENT',
  kind: 'document',
  schemaVersion: '1.0',
  contentHash: HASH,
  title: 'Un titre',
  language: 'fr',
  languages: [{ code: 'fr', share: 1 }],
  topics: [{ id: 'cybercrime', score: 0.8, terms: ['rançongiciel'] }],
  taxonomyVersion: '2026.11.1',
  text: 'Un titre\n\nDu texte.',
  textBytes: 20,
  charCount: 20,
  notes: [],
  firstSource: { bucket: 'b', key: 'k.txt' },
  sourceCount: 1,
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

const streamRecord = (eventName: string, newImage?: object, oldImage?: object) => ({
  eventID: '1',
  eventName,
  dynamodb: {
    SequenceNumber: '100',
    ...(newImage ? { NewImage: marshall(newImage) } : {}),
    ...(oldImage ? { OldImage: marshall(oldImage) } : {}),
  },
});

describe('Function: parseTableChange', () => {
  it('decodes a document INSERT into a typed record', () => {
    // Act
    const change = parseTableChange(streamRecord('INSERT', document));

    // Assess
    expect(isDocumentInsert(change)).toBe(true);
    expect(change.newRecord).toEqual(document);
    expect(change.sequenceNumber).toBe('100');
  });

  it('reads a record as the SDK returns it from GetRecords', () => {
    // Prepare
    const record = streamRecord('INSERT', document);
    const fromSdk = {
      ...record,
      dynamodb: { ...record.dynamodb, ApproximateCreationDateTime: new Date() },
    };

    // Act
    const change = parseTableChange(fromSdk);

    // Assess
    expect(isDocumentInsert(change)).toBe(true);
  });

  it('does not call a MODIFY of a document an insert', () => {
    // Act
    const change = parseTableChange(
      streamRecord('MODIFY', { ...document, sourceCount: 2 }, document),
    );

    // Assess
    expect(isDocumentInsert(change)).toBe(false);
    expect(change.oldRecord).toEqual(document);
  });

  it('throws a schema violation naming the bad field', () => {
    // Prepare
    const broken = { ...document, contentHash: 'not-a-hash' };

    // Act & Assess
    expect(() => parseTableChange(streamRecord('INSERT', broken))).toThrow(
      RecordSchemaViolationError,
    );
  });
});

describe('Schema: DocumentRecordSchema', () => {
  it('needs exactly one of inline text and a text location', () => {
    // Prepare
    const both = { ...document, textLocation: { bucket: 't', key: `text/${HASH}.txt` } };
    const { text: _text, ...neither } = document;

    // Act & Assess
    expect(DocumentRecordSchema.safeParse(document).success).toBe(true);
    expect(DocumentRecordSchema.safeParse(both).success).toBe(false);
    expect(DocumentRecordSchema.safeParse(neither).success).toBe(false);
  });
});

describe('Schema: schemaVersion', () => {
  it.each([
    ['1.0', true],
    ['1.1', true],
    ['1.2', true],
    ['1.12', true],
    ['2.0', false],
    ['1', false],
  ])('accepts %s: %s (any minor of major 1)', (schemaVersion, accepted) => {
    expect(DocumentRecordSchema.safeParse({ ...document, schemaVersion }).success).toBe(accepted);
  });
});

describe('Function: toDocumentIngestedDetail', () => {
  it('flattens topic ids for event rules', () => {
    // Act
    const detail = toDocumentIngestedDetail(DocumentRecordSchema.parse(document));

    // Assess
    expect(detail.topicIds).toEqual(['cybercrime']);
    expect(detail).not.toHaveProperty('text');
  });
});
