import type { NearDuplicateRef, StoredFingerprint } from '@doc-ingest/contracts';
import { memoizeBounded } from '../classify/memoizeBounded.ts';
import type { Fingerprint } from './fingerprintDocument.ts';
import { BAND_LAYOUTS } from './lshBands.ts';
import { compareFingerprints } from './nearDuplicate.ts';
import { parseSignature } from './signatureCodec.ts';

/**
 * Decoded signatures, by their stored text, for as many candidates as about
 * 6 MB hold: an original of a corpus of related articles is a candidate of
 * many later documents, and decoding its signature again each time was a
 * tenth of the time of `ingest process` around the core. The arrays are only
 * read, never handed out.
 */
const decodeSignature = memoizeBounded(
  (text: string): Uint32Array | null => parseSignature(text) ?? null,
  4_096,
);

/** A stored canonical document that shares at least one band key with the new one. */
interface NearDuplicateCandidate {
  contentHash: string;
  fingerprint: StoredFingerprint;
}

/**
 * The most similar candidate that is a near-duplicate original of
 * `fingerprint`, if any. Stored fingerprints carry no shingle sets, so the
 * similarity is the MinHash estimate. Fingerprints of a version with the
 * same shingles and signature (`BAND_LAYOUTS`: only the bands differ) are
 * compared; those of other parameters are skipped, never compared.
 *
 * @example
 * const original = pickNearDuplicate(doc.fingerprint, candidates);
 * if (original) console.log(`copy of ${original.contentHash} (${original.similarity})`);
 */
const pickNearDuplicate = (
  fingerprint: Fingerprint,
  candidates: NearDuplicateCandidate[],
): NearDuplicateRef | undefined => {
  let best: NearDuplicateRef | undefined;
  const self = { signature: fingerprint.signature, shingleCount: fingerprint.shingleCount };
  for (const candidate of candidates) {
    if (!Object.hasOwn(BAND_LAYOUTS, candidate.fingerprint.version)) continue;
    const signature = decodeSignature(candidate.fingerprint.signature);
    if (signature === null) continue;
    const decision = compareFingerprints(self, {
      signature,
      shingleCount: candidate.fingerprint.shingleCount,
    });
    if (!decision.isNearDuplicate) continue;
    if (best === undefined || decision.similarity > best.similarity) {
      best = {
        contentHash: candidate.contentHash,
        similarity: Number(decision.similarity.toFixed(3)),
      };
    }
  }
  return best;
};

export type { NearDuplicateCandidate };
export { pickNearDuplicate };
