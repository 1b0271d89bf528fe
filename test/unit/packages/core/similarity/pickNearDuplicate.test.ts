import { normalizeText } from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_VERSION,
  fingerprintDocument,
} from '../../../../../packages/core/src/similarity/fingerprintDocument.ts';
import { fingerprintText } from '../../../../../packages/core/src/similarity/fingerprintText.ts';
import {
  type NearDuplicateCandidate,
  pickNearDuplicate,
} from '../../../../../packages/core/src/similarity/pickNearDuplicate.ts';
import { serializeSignature } from '../../../../../packages/core/src/similarity/signatureCodec.ts';
import { LOCAL_REPORT, REPUBLISHED_COPY, syntheticText, WIRE_REPORT } from './articles.ts';

const fingerprintOf = (raw: string) => {
  const normalized = normalizeText(raw);
  if (!normalized.ok) throw new Error(normalized.rejection.detail);
  return fingerprintDocument(fingerprintText(normalized.value));
};

/** A stored document as the store offers it: a fingerprint with its signature as text. */
const candidate = (contentHash: string, raw: string): NearDuplicateCandidate => {
  const fingerprint = fingerprintOf(raw);
  return {
    contentHash,
    fingerprint: {
      version: FINGERPRINT_VERSION,
      signature: serializeSignature(fingerprint.signature),
      shingleCount: fingerprint.shingleCount,
    },
  };
};

describe('Function: pickNearDuplicate', () => {
  it('picks the original of a republished copy among stored documents, and none for an unrelated one', () => {
    // Prepare
    const candidates = [candidate('local', LOCAL_REPORT), candidate('wire', WIRE_REPORT)];

    // Act
    const copy = pickNearDuplicate(fingerprintOf(REPUBLISHED_COPY), candidates);
    const unrelated = pickNearDuplicate(fingerprintOf(syntheticText(3, 120)), candidates);

    // Assess
    expect(copy?.contentHash).toBe('wire');
    expect(copy?.similarity).toBeGreaterThan(0.6);
    expect(unrelated).toBeUndefined();
  });

  it('skips a stored document whose signature is damaged', () => {
    // Prepare
    const original = candidate('wire', WIRE_REPORT);
    const damaged = {
      ...original,
      fingerprint: { ...original.fingerprint, signature: original.fingerprint.signature.slice(8) },
    };

    // Act
    const picked = pickNearDuplicate(fingerprintOf(REPUBLISHED_COPY), [damaged]);

    // Assess
    expect(picked).toBeUndefined();
  });

  it('decides the same when it meets candidates again, damaged ones included', () => {
    // Prepare: each candidate's signature is decoded once, then remembered
    const wire = candidate('wire', WIRE_REPORT);
    const local = candidate('local', LOCAL_REPORT);
    const damaged = {
      ...wire,
      contentHash: 'damaged',
      fingerprint: { ...wire.fingerprint, signature: wire.fingerprint.signature.slice(4) },
    };
    const copy = fingerprintOf(REPUBLISHED_COPY);
    const first = [
      pickNearDuplicate(copy, [local, wire]),
      pickNearDuplicate(copy, [damaged]),
      pickNearDuplicate(copy, [local]),
    ];

    // Act
    const again = [
      pickNearDuplicate(copy, [local, { ...wire, fingerprint: { ...wire.fingerprint } }]),
      pickNearDuplicate(copy, [damaged]),
      pickNearDuplicate(copy, [local]),
    ];

    // Assess
    expect(first[0]?.contentHash).toBe('wire');
    expect(first.slice(1)).toEqual([undefined, undefined]);
    expect(again).toEqual(first);
  });
});
