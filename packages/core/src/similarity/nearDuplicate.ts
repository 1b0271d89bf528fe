import { estimateJaccard } from './minhash.ts';

/**
 * Fewest shingles a text needs to be a near-duplicate of anything. Below 20
 * shingles (24 words) a body is a one-line brief or a caption: a couple of
 * stock phrases ("i carabinieri hanno arrestato un uomo") would make
 * unrelated briefs look alike, and there is too little text for a Jaccard
 * estimate to mean anything. Exact copies of short texts are still caught by
 * the content hash.
 */
const MIN_SHINGLES = 20;

/**
 * Jaccard similarity of the shingle sets at and above which two documents are
 * near-duplicates. Calibrated on the 930 pairs that DICE lists as duplicates
 * (same crime event, DICE score >= 0.70): their exact word-5 Jaccard has a
 * gap between 0.589 and 0.654. Below it are separate write-ups of one event
 * (two thirds under 0.05) and articles rebuilt around shared quotes; above it,
 * republished copies with edits. 0.62 sits in the middle of the gap, about one
 * MinHash standard error (0.043) from either side.
 */
const NEAR_DUPLICATE_THRESHOLD = 0.62;

/**
 * Share of the smaller document's shingles found in the larger one at and
 * above which the smaller is a copy of part of the larger (a republished copy
 * with added paragraphs or unknown boilerplate). No separate write-up of an
 * event in DICE reaches 0.9.
 */
const CONTAINMENT_THRESHOLD = 0.9;

/**
 * Smallest size ratio (smaller / larger shingle count) for containment to
 * count. Below one half the larger document is mostly other text: an
 * extended article or a round-up that quotes the smaller one.
 */
const MIN_SIZE_RATIO = 0.5;

/** What the decision reads of a document; `fingerprintDocument` returns all of it. */
interface Comparable {
  signature: ArrayLike<number>;
  /** Distinct shingles of the text. */
  shingleCount: number;
  /** The shingle hashes themselves: when both sides have them, similarity is exact. */
  shingles?: ArrayLike<number>;
}

interface NearDuplicateDecision {
  /** Jaccard similarity of the two shingle sets, exact or estimated (0..1). */
  similarity: number;
  /** Share of the smaller set found in the larger one (0..1). */
  containment: number;
  isNearDuplicate: boolean;
  /** `exact` when computed from both shingle sets, `minhash` when estimated from signatures. */
  method: 'exact' | 'minhash';
}

const exactIntersection = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const members = new Set<number>();
  for (let i = 0; i < large.length; i++) members.add(large[i] as number);
  let shared = 0;
  for (let i = 0; i < small.length; i++) if (members.has(small[i] as number)) shared++;
  return shared;
};

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Decides whether two documents are near-duplicates from their fingerprints.
 * Near-duplicate when both have at least `MIN_SHINGLES` shingles and either
 * their Jaccard similarity reaches `NEAR_DUPLICATE_THRESHOLD`, or the smaller
 * is at least half the size of the larger and `CONTAINMENT_THRESHOLD` of it
 * lies in the larger. Similarity is exact when both carry their `shingles`,
 * else estimated from the MinHash signatures (containment then follows from
 * `|A ∩ B| = J (|A| + |B|) / (1 + J)`). Symmetric; ratios are rounded to 3 digits before the thresholds apply.
 *
 * @example
 * const decision = compareFingerprints(fingerprintDocument(bodyA), fingerprintDocument(bodyB));
 * // { similarity: 0.81, containment: 0.95, isNearDuplicate: true, method: 'exact' }
 */
const compareFingerprints = (a: Comparable, b: Comparable): NearDuplicateDecision => {
  const exact = a.shingles !== undefined && b.shingles !== undefined;
  const smaller = Math.min(a.shingleCount, b.shingleCount);
  const larger = Math.max(a.shingleCount, b.shingleCount);
  let similarity: number;
  let shared: number;
  if (exact) {
    shared = exactIntersection(a.shingles as ArrayLike<number>, b.shingles as ArrayLike<number>);
    const union = a.shingleCount + b.shingleCount - shared;
    similarity = union === 0 ? 0 : shared / union;
  } else {
    similarity = estimateJaccard(a.signature, b.signature);
    shared = (similarity * (a.shingleCount + b.shingleCount)) / (1 + similarity);
  }
  similarity = round3(similarity);
  const containment = round3(smaller === 0 ? 0 : Math.min(1, shared / smaller));
  const isNearDuplicate =
    smaller >= MIN_SHINGLES &&
    (similarity >= NEAR_DUPLICATE_THRESHOLD ||
      (containment >= CONTAINMENT_THRESHOLD && smaller / larger >= MIN_SIZE_RATIO));
  return {
    similarity,
    containment,
    isNearDuplicate,
    method: exact ? 'exact' : 'minhash',
  };
};

export type { Comparable, NearDuplicateDecision };
export {
  CONTAINMENT_THRESHOLD,
  compareFingerprints,
  MIN_SHINGLES,
  MIN_SIZE_RATIO,
  NEAR_DUPLICATE_THRESHOLD,
};
