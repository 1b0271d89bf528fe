import type { CompiledLearnedLayer } from './compileLearnedLayer.ts';

/** A document's words as a learned layer weighs them. */
interface PresentWords {
  /** Number of distinct stems in the document (known to the layer or not). */
  count: number;
  /** Weight rows of the distinct stems the layer knows, in order of first appearance. */
  rows: readonly Float64Array[];
  /** The word, as written, that first gave `rows[i]`. */
  wordOf: (i: number) => string;
}

/**
 * The present words of a document from its distinct stems (`documentStems`, in
 * order of first appearance): what training and evaluation read. The classifier
 * reads the same from its words directly (`readDocumentWords`).
 */
const presentWordsOf = (
  layer: CompiledLearnedLayer,
  stems: ReadonlyMap<string, string>,
): PresentWords => {
  const rows: Float64Array[] = [];
  const words: string[] = [];
  for (const [stem, word] of stems) {
    const row = layer.words.get(stem);
    if (row === undefined) continue;
    rows.push(row);
    words.push(word);
  }
  return { count: stems.size, rows, wordOf: (i) => words[i] as string };
};

export type { PresentWords };
export { presentWordsOf };
