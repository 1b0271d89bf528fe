import type { Word } from '../word.ts';
import type { CompiledLearnedLayer } from './compileLearnedLayer.ts';
import type { PresentWords } from './presentWords.ts';

/** What a reader knows of a word: its stem's number (-1: no stem) and weight row. */
interface KnownWord {
  id: number;
  row: Float64Array | undefined;
}

/** Per layer and stemming policy: stems numbered, and a stamp per number for the current document. */
interface Reader {
  /** Identity the words' `learnedOf` points to; replaced when the numbering restarts. */
  key: object;
  ids: Map<string, number>;
  stamps: Int32Array;
  epoch: number;
}

/** Stems numbered before the numbering starts afresh (a process reading endless new words). */
const MAX_NUMBERED_STEMS = 200_000;

const readers = new WeakMap<CompiledLearnedLayer, Map<string, Reader>>();

const freshReader = (): Reader => ({
  key: {},
  ids: new Map(),
  stamps: new Int32Array(1024),
  epoch: 0,
});

const readerFor = (layer: CompiledLearnedLayer, policy: string): Reader => {
  let byPolicy = readers.get(layer);
  if (byPolicy === undefined) {
    byPolicy = new Map();
    readers.set(layer, byPolicy);
  }
  let reader = byPolicy.get(policy);
  if (reader === undefined || reader.ids.size >= MAX_NUMBERED_STEMS || reader.epoch >= 2 ** 30) {
    reader = freshReader();
    byPolicy.set(policy, reader);
  }
  return reader;
};

const numberOf = (reader: Reader, stem: string): number => {
  let id = reader.ids.get(stem);
  if (id === undefined) {
    id = reader.ids.size;
    reader.ids.set(stem, id);
    if (id >= reader.stamps.length) {
      const grown = new Int32Array(reader.stamps.length * 2);
      grown.set(reader.stamps);
      reader.stamps = grown;
    }
  }
  return id;
};

/**
 * The present words of a document, read from the classifier's words: the same
 * as `presentWordsOf(layer, documentStems(content, stemAt))`, without a map per
 * document. Each distinct word remembers its stem's number and weight row (on
 * the shared `Word`, for this layer and `policy`, the stemming `stemAt` does),
 * and a stamp per number tells a stem already counted in this document.
 */
const readDocumentWords = (
  layer: CompiledLearnedLayer,
  policy: string,
  content: readonly Word[],
  stemAt: (position: number) => string,
): PresentWords => {
  const reader = readerFor(layer, policy);
  reader.epoch += 1;
  const { epoch } = reader;
  let count = 0;
  const rows: Float64Array[] = [];
  const positions: number[] = [];
  for (let position = 0; position < content.length; position++) {
    const word = content[position] as Word;
    let known = word.learnedOf === reader.key ? (word.learned as KnownWord) : undefined;
    if (known === undefined) {
      const stem = stemAt(position);
      known =
        stem === ''
          ? { id: -1, row: undefined }
          : { id: numberOf(reader, stem), row: layer.words.get(stem) };
      word.learnedOf = reader.key;
      word.learned = known;
    }
    if (known.id < 0 || reader.stamps[known.id] === epoch) continue;
    reader.stamps[known.id] = epoch;
    count += 1;
    if (known.row !== undefined) {
      rows.push(known.row);
      positions.push(position);
    }
  }
  return {
    count,
    rows,
    wordOf: (i) => (content[positions[i] as number] as Word).surface,
  };
};

export { readDocumentWords };
