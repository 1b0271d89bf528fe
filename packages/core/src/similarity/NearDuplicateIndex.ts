import type { Fingerprint } from './fingerprintDocument.ts';
import { type Comparable, compareFingerprints } from './nearDuplicate.ts';

/** What the index keeps of a document: a fingerprint, with or without its shingles. */
type IndexedFingerprint = Comparable & Pick<Fingerprint, 'bandKeys'>;

interface NearDuplicateMatch {
  /** Id of the indexed document that is the closest near-duplicate. */
  id: string;
  /** Its Jaccard similarity to the query (0..1). */
  similarity: number;
  /** Share of the smaller document's shingles found in the other (0..1). */
  containment: number;
}

/**
 * An in-memory near-duplicate index for a batch (the CLI, the evaluation
 * harness): LSH band keys are buckets, and the documents sharing a bucket with
 * the query are verified with `compareFingerprints`. The same scheme a
 * DynamoDB table implements with one item per band key. Fingerprints that keep
 * their `shingles` are compared exactly.
 *
 * @example
 * const index = new NearDuplicateIndex();
 * for (const doc of documents) {
 *   const fingerprint = fingerprintDocument(doc.body);
 *   const match = index.findBest(fingerprint);
 *   if (match === undefined) index.add(doc.contentHash, fingerprint);
 *   else console.log(`${doc.key} ~ ${match.id} (${match.similarity})`);
 * }
 */
class NearDuplicateIndex {
  readonly #buckets = new Map<string, string[]>();
  /** Each indexed fingerprint with its insertion rank, which breaks ties. */
  readonly #entries = new Map<string, { fingerprint: IndexedFingerprint; rank: number }>();

  /** Documents indexed (those with band keys). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Indexes a document under its band keys. A fingerprint without band keys
   * (a text too short to compare) is ignored; an id already indexed keeps its
   * first fingerprint.
   */
  add(id: string, fingerprint: IndexedFingerprint): void {
    if (fingerprint.bandKeys.length === 0 || this.#entries.has(id)) return;
    this.#entries.set(id, { fingerprint, rank: this.#entries.size });
    for (const key of fingerprint.bandKeys) {
      const bucket = this.#buckets.get(key);
      if (bucket === undefined) this.#buckets.set(key, [id]);
      else bucket.push(id);
    }
  }

  /**
   * The indexed near-duplicate most similar to `fingerprint`, or `undefined`.
   * On equal similarity the document indexed first wins: it is the canonical
   * one.
   */
  findBest(fingerprint: IndexedFingerprint): NearDuplicateMatch | undefined {
    const seen = new Set<string>();
    let best: NearDuplicateMatch | undefined;
    let bestOrder = Number.POSITIVE_INFINITY;
    for (const key of fingerprint.bandKeys) {
      for (const id of this.#buckets.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const entry = this.#entries.get(id);
        if (entry === undefined) continue;
        const decision = compareFingerprints(fingerprint, entry.fingerprint);
        if (!decision.isNearDuplicate) continue;
        const { rank } = entry;
        if (
          best === undefined ||
          decision.similarity > best.similarity ||
          (decision.similarity === best.similarity && rank < bestOrder)
        ) {
          best = { id, similarity: decision.similarity, containment: decision.containment };
          bestOrder = rank;
        }
      }
    }
    return best;
  }
}

export type { IndexedFingerprint, NearDuplicateMatch };
export { NearDuplicateIndex };
