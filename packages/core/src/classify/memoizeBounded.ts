/**
 * `compute` remembered for at most `limit` distinct words; past that, the
 * memory starts afresh. Word-level work (folding, stemming) repeats across
 * news documents, so a lookup is cheaper than the work, and the bound keeps a
 * long-lived Lambda environment's memory flat.
 *
 * @example
 * const stem = memoizeBounded(frenchStemmer, 20_000);
 */
const memoizeBounded = <T>(compute: (word: string) => T, limit: number): ((word: string) => T) => {
  const memory = new Map<string, T>();
  return (word) => {
    const known = memory.get(word);
    if (known !== undefined) return known;
    if (memory.size >= limit) memory.clear();
    const value = compute(word);
    memory.set(word, value);
    return value;
  };
};

export { memoizeBounded };
