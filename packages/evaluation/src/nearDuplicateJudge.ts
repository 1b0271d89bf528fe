import {
  compareFingerprints,
  type Fingerprint,
  fingerprintDocument,
  fingerprintText,
} from '@doc-ingest/core';
import { PairKind } from './labels.ts';
import type { PairDocument, PairJudge } from './scorePairs.ts';

/** Options of `createNearDuplicateJudge`. */
interface NearDuplicateJudgeOptions {
  /**
   * How similarity is computed: `minhash` estimates it from the 128-slot
   * signatures, as the pipeline does with the signatures it stores; `exact`
   * compares the shingle sets, as an in-memory index can.
   * @default 'minhash'
   */
  method?: 'minhash' | 'exact';
}

const defaults = { method: 'minhash' } as const satisfies Required<NearDuplicateJudgeOptions>;

/** Title and body of a canonical text: the first line, and what follows it. */
const splitCanonical = (text: string): { title: string; body: string } => {
  const newline = text.indexOf('\n');
  return newline < 0
    ? { title: text, body: '' }
    : { title: text.slice(0, newline), body: text.slice(newline + 1) };
};

/**
 * A pair judge for the near-duplicate detection of the pipeline: equal
 * content hashes are exact duplicates; otherwise the bodies are fingerprinted
 * (`fingerprintDocument` on `fingerprintText`) and `compareFingerprints`
 * decides between near-duplicate and distinct. Fingerprints are computed once
 * per document.
 *
 * @example
 * const report = await runEvaluation({
 *   dir: 'test/fixtures/eval',
 *   pairJudge: createNearDuplicateJudge({ method: 'exact' }),
 *   pairJudgeName: 'near-duplicate (exact)',
 * });
 */
const createNearDuplicateJudge = (options: NearDuplicateJudgeOptions = {}): PairJudge => {
  const { method } = { ...defaults, ...options };
  const cache = new WeakMap<PairDocument, Fingerprint>();
  const fingerprintOf = (doc: PairDocument) => {
    let fingerprint = cache.get(doc);
    if (fingerprint === undefined) {
      fingerprint = fingerprintDocument(fingerprintText(splitCanonical(doc.text)));
      cache.set(doc, fingerprint);
    }
    if (method === 'exact') return fingerprint;
    const { shingles: _, ...withoutShingles } = fingerprint;
    return withoutShingles;
  };
  return (a, b) => {
    if (a.contentHash === b.contentHash) return PairKind.EXACT;
    return compareFingerprints(fingerprintOf(a), fingerprintOf(b)).isNearDuplicate
      ? PairKind.NEAR
      : PairKind.DISTINCT;
  };
};

/**
 * The near-duplicate judge with its defaults (MinHash estimates), used by
 * `npm run eval`.
 *
 * @example
 * nearDuplicateJudge(docA, docB); // 'near-duplicate'
 */
const nearDuplicateJudge: PairJudge = createNearDuplicateJudge();

export type { NearDuplicateJudgeOptions };
export { createNearDuplicateJudge, nearDuplicateJudge };
