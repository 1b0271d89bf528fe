import { PAIR_KINDS, PairKind, type PairKindName } from './labels.ts';

/** What a pair judge knows of one document. */
interface PairDocument {
  name: string;
  contentHash: string;
  /** The canonical (normalized) text, for similarity-based judges. */
  text: string;
}

/**
 * Decides how two documents relate. The extension point for near-duplicate
 * detection: a similarity-based judge returns `near-duplicate` above its cut.
 */
type PairJudge = (a: PairDocument, b: PairDocument) => PairKindName;

/** A labelled pair with its documents; `undefined` when a file is missing or rejected. */
interface PairCase {
  a: string;
  b: string;
  kind: PairKindName;
  documentA: PairDocument | undefined;
  documentB: PairDocument | undefined;
}

interface PairOutcome {
  a: string;
  b: string;
  expected: PairKindName;
  /** `null` when the pair could not be judged (a document is missing or rejected). */
  predicted: PairKindName | null;
}

interface BinaryScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

interface PairScores {
  judge: string;
  pairs: PairOutcome[];
  /** Pairs not judged, by reason. */
  skipped: number;
  /** `confusion[expected][predicted]` over judged pairs. */
  confusion: Record<PairKindName, Record<PairKindName, number>>;
  /** "Same after normalization" as the positive class. */
  exact: BinaryScore;
  /** "Duplicate" (exact or near) as the positive class. */
  duplicate: BinaryScore;
}

/**
 * The judge of today's pipeline: identical content hashes are exact
 * duplicates; anything else is `distinct`, since near-duplicate similarity is
 * not implemented yet (pass another judge to `scorePairs` to measure one).
 *
 * @example
 * hashJudge(docA, docB); // 'exact-after-normalization' when the hashes match
 */
const hashJudge: PairJudge = (a, b) =>
  a.contentHash === b.contentHash ? PairKind.EXACT : PairKind.DISTINCT;

const binary = (
  outcomes: readonly PairOutcome[],
  positive: ReadonlySet<PairKindName>,
): BinaryScore => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { expected, predicted } of outcomes) {
    if (predicted === null) continue;
    const isExpected = positive.has(expected);
    const isPredicted = positive.has(predicted);
    if (isExpected && isPredicted) tp++;
    else if (isPredicted) fp++;
    else if (isExpected) fn++;
  }
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
};

/**
 * Scores duplicate detection on labelled pairs: a confusion matrix of
 * expected against predicted kind, precision/recall of exact-duplicate
 * detection, and of duplicate detection (exact or near) as a whole.
 *
 * @example
 * const scores = scorePairs(cases); // judged by content-hash equality
 * scores.exact.recall;
 */
const scorePairs = (
  cases: readonly PairCase[],
  judge: PairJudge = hashJudge,
  judgeName = judge === hashJudge ? 'content-hash' : 'custom',
): PairScores => {
  const pairs: PairOutcome[] = cases.map(({ a, b, kind, documentA, documentB }) => ({
    a,
    b,
    expected: kind,
    predicted:
      documentA === undefined || documentB === undefined ? null : judge(documentA, documentB),
  }));
  const confusion = Object.fromEntries(
    PAIR_KINDS.map((expected) => [
      expected,
      Object.fromEntries(PAIR_KINDS.map((predicted) => [predicted, 0])),
    ]),
  ) as Record<PairKindName, Record<PairKindName, number>>;
  for (const { expected, predicted } of pairs) {
    if (predicted !== null) confusion[expected][predicted]++;
  }
  return {
    judge: judgeName,
    pairs,
    skipped: pairs.filter((pair) => pair.predicted === null).length,
    confusion,
    exact: binary(pairs, new Set([PairKind.EXACT])),
    duplicate: binary(pairs, new Set([PairKind.EXACT, PairKind.NEAR])),
  };
};

export type { BinaryScore, PairCase, PairDocument, PairJudge, PairOutcome, PairScores };
export { hashJudge, scorePairs };
