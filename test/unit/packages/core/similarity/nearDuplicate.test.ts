import { normalizeText } from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';
import { fingerprintDocument } from '../../../../../packages/core/src/similarity/fingerprintDocument.ts';
import { fingerprintText } from '../../../../../packages/core/src/similarity/fingerprintText.ts';
import {
  compareFingerprints,
  MIN_SHINGLES,
  NEAR_DUPLICATE_THRESHOLD,
} from '../../../../../packages/core/src/similarity/nearDuplicate.ts';
import { BRIEF, LOCAL_REPORT, REPUBLISHED_COPY, syntheticText, WIRE_REPORT } from './articles.ts';

/** Fingerprint of a raw text as the pipeline makes it: normalized, headline left out. */
const fingerprintOf = (raw: string) => {
  const normalized = normalizeText(raw);
  if (!normalized.ok) throw new Error(normalized.rejection.detail);
  return fingerprintDocument(fingerprintText(normalized.value));
};

/** The same fingerprint without its shingles: what a stored signature allows. */
const signatureOnly = (raw: string) => {
  const { shingles: _, ...rest } = fingerprintOf(raw);
  return rest;
};

const METHODS = [
  { method: 'exact', of: fingerprintOf },
  { method: 'minhash', of: signatureOnly },
] as const;

describe('Function: compareFingerprints', () => {
  it.each(METHODS)(
    'finds a republished copy with a new headline, a footer and edited words ($method)',
    ({ method, of }) => {
      // Act
      const decision = compareFingerprints(of(WIRE_REPORT), of(REPUBLISHED_COPY));

      // Assess
      expect(decision.method).toBe(method);
      expect(decision.isNearDuplicate).toBe(true);
      expect(decision.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
      expect(decision.similarity).toBeLessThan(1);
    },
  );

  it.each(METHODS)('keeps two write-ups of one event apart ($method)', ({ of }) => {
    // Act
    const decision = compareFingerprints(of(WIRE_REPORT), of(LOCAL_REPORT));

    // Assess
    expect(decision.isNearDuplicate).toBe(false);
    expect(decision.similarity).toBeLessThan(0.1);
  });

  it.each(METHODS)('never matches short bodies, even identical ones ($method)', ({ of }) => {
    // Act
    const decision = compareFingerprints(of(`Headline\n\n${BRIEF}`), of(`Other\n\n${BRIEF}`));

    // Assess
    expect(decision.similarity).toBe(1);
    expect(decision.isNearDuplicate).toBe(false);
  });

  it('is symmetric', () => {
    // Prepare
    const a = fingerprintOf(WIRE_REPORT);
    const b = fingerprintOf(REPUBLISHED_COPY);

    // Act
    const ab = compareFingerprints(a, b);
    const ba = compareFingerprints(b, a);

    // Assess
    expect(ba).toEqual(ab);
  });

  it.each([
    { name: 'a third added', extra: 100, isNearDuplicate: true },
    { name: 'almost as much added again', extra: 280, isNearDuplicate: true },
    { name: 'twice as much added', extra: 600, isNearDuplicate: false },
  ])(
    'judges a copy with unrelated text appended by containment ($name)',
    ({ extra, isNearDuplicate }) => {
      // Prepare
      const original = syntheticText(21, 300);
      const extended = `${original} ${syntheticText(22, extra)}`;

      // Act
      const decision = compareFingerprints(
        fingerprintDocument(original),
        fingerprintDocument(extended),
      );

      // Assess
      expect(decision.containment).toBeGreaterThanOrEqual(0.99);
      expect(decision.isNearDuplicate).toBe(isNearDuplicate);
    },
  );

  it('needs MIN_SHINGLES shingles on both sides', () => {
    // Prepare
    const text = syntheticText(30, MIN_SHINGLES + 4);

    // Act
    const decision = compareFingerprints(fingerprintDocument(text), fingerprintDocument(text));

    // Assess
    expect(decision).toEqual({
      similarity: 1,
      containment: 1,
      isNearDuplicate: true,
      method: 'exact',
    });
  });
});
