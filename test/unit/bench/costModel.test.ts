import { describe, expect, it } from 'vitest';
import {
  costPerMillion,
  newDocumentCounts,
  PRICES,
  readUnits,
  type SizeScenarioInput,
  writeUnits,
} from '../../../bench/costModel.ts';

/** Item shapes of the e2e corpus as `bench/costComputed.ts` sizes them (1 KB of text). */
const scenario = (overrides: Partial<SizeScenarioInput> = {}): SizeScenarioInput => ({
  label: '1 KB',
  textBytes: 1_024,
  inlineTextMaxBytes: 100_000,
  documentOverheadBytes: 1_439,
  sourceBytes: 553,
  topicItems: 1,
  topicBytes: 502,
  bandItems: 8,
  bandBytes: 934,
  lookupKeys: 9,
  ingestMsPerDoc: 41,
  ingestMemoryMb: 1_024,
  ingestInvocationsPerDoc: 0.1,
  publish: { invocations: 0.14, gbSeconds: 0.001 },
  logBytes: 949,
  ...overrides,
});

describe('Function: writeUnits / readUnits', () => {
  it.each([
    { bytes: 0, transactional: false, units: 1 },
    { bytes: 1_024, transactional: false, units: 1 },
    { bytes: 1_025, transactional: false, units: 2 },
    { bytes: 2_463, transactional: true, units: 6 },
  ])(
    'charges $units WRU for $bytes bytes (transactional: $transactional)',
    ({ bytes, transactional, units }) => {
      // Act / Assess
      expect(writeUnits(bytes, transactional)).toBe(units);
    },
  );

  it('charges half a unit per 4 KB for an eventually consistent read, found or not', () => {
    // Act / Assess
    expect(readUnits(0, false)).toBe(0.5);
    expect(readUnits(4_097, false)).toBe(1);
    expect(readUnits(4_097, true)).toBe(2);
  });
});

describe('Function: newDocumentCounts', () => {
  it('charges band claims 1 WRU each as conditional puts, 2 in a transaction', () => {
    // Act
    const puts = newDocumentCounts(scenario());
    const transaction = newDocumentCounts(scenario({ transactionalClaims: true }));

    // Assess: document 3 (2.4 KB), source 1 + 1 (gsi1), topic 1 + 1, bands 8
    expect(puts.dynamoWru).toBe(3 + 2 + 2 + 8);
    expect(transaction.dynamoWru - puts.dynamoWru).toBe(8);
    expect(puts.dynamoRru).toBe(4.5);
  });

  it('charges the document, source and topics twice in a transaction, as before round 2', () => {
    // Act
    const puts = newDocumentCounts(scenario());
    const transaction = newDocumentCounts(scenario({ transactionalRecord: true }));

    // Assess: the document's 3, the source's 1 and the topic's 1 again; gsi1 copies are not
    expect(transaction.dynamoWru - puts.dynamoWru).toBe(3 + 1 + 1);
  });

  it('moves a text over the inline limit to S3: one more PUT, a small document item', () => {
    // Act
    const counts = newDocumentCounts(scenario({ textBytes: 102_400 }));

    // Assess
    expect(counts.s3Puts).toBe(2);
    expect(counts.dynamoWru).toBe(2 + 2 + 2 + 8);
  });
});

describe('Function: costPerMillion', () => {
  it('adds up its lines, DynamoDB writes at the list price', () => {
    // Act
    const cost = costPerMillion(newDocumentCounts(scenario()));

    // Assess
    const sum = cost.lines.reduce((total, line) => total + line.dollarsPerMillionDocs, 0);
    expect(cost.totalDollarsPerMillionDocs).toBeCloseTo(sum, 9);
    const writes = cost.lines.find((line) => line.item === 'DynamoDB write request units');
    expect(writes?.dollarsPerMillionDocs).toBeCloseTo(15 * PRICES.dynamoWru * 1e6, 9);
  });
});
