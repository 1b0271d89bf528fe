import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { processDocument } from '@doc-ingest/core';
import { generateFrench } from './corpus.ts';
import { round } from './stats.ts';

/*
 * The floor of issue 14: the least work any topic classifier that reads words
 * must do per file (read the bytes, decode UTF-8, NFC, lower-case, split into
 * words, one Map lookup per word against a 6,000-word dictionary, SHA-256 of
 * the text), timed in the same process and the same rounds as the pipeline
 * reading the same files, so the ratio holds on a loaded machine.
 */

/** Options of `runFloor`. */
interface FloorOptions {
  /** @default 20000 */
  documents?: number;
  /** Timed rounds of each; the minimum is reported. @default 3 */
  rounds?: number;
}

interface FloorResult {
  documents: number;
  bytes: number;
  rounds: number;
  floorSeconds: number;
  pipelineSeconds: number;
  pipelineDocsPerSecond: number;
  /** Pipeline time over floor time: the goal is at most 4. */
  ratio: number;
}

const DICTIONARY_WORDS = 6_000;
const TOPICS = 12;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

const dictionary = new Map<string, number>(
  Array.from({ length: DICTIONARY_WORDS }, (_, i) => [`w${i.toString(36)}`, i % TOPICS]),
);

/** The floor's work on one file; returns something that depends on all of it. */
const floorFile = (path: string, decoder: { decode(bytes: Uint8Array): string }): number => {
  const text = decoder.decode(readFileSync(path)).normalize('NFC').toLowerCase();
  const counts = new Array<number>(TOPICS).fill(0);
  for (const word of text.split(WORD_SEPARATORS)) {
    const topic = dictionary.get(word);
    if (topic !== undefined) counts[topic] = (counts[topic] ?? 0) + 1;
  }
  return createHash('sha256').update(text).digest()[0] ?? 0;
};

const time = (paths: readonly string[], work: (path: string) => number): number => {
  const start = performance.now();
  let sink = 0;
  for (const path of paths) sink ^= work(path);
  const elapsed = performance.now() - start;
  if (sink === -1) console.error(sink);
  return elapsed;
};

/**
 * Writes the French corpus to a temporary directory, then alternates timed
 * passes of the floor and of `processDocument` over its files (the core of
 * `ingest process`), and reports the minimum of each and their ratio.
 *
 * @example
 * const { ratio } = runFloor({ documents: 2_000, rounds: 1 });
 */
const runFloor = (options: FloorOptions = {}): FloorResult => {
  const rounds = options.rounds ?? 3;
  const docs = generateFrench(options.documents ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'doc-ingest-floor-'));
  try {
    for (const doc of docs) writeFileSync(join(dir, doc.key.split('/').at(-1) ?? ''), doc.bytes);
    const paths = readdirSync(dir).map((name) => join(dir, name));
    const decoder = new TextDecoder('utf-8');
    const floor = (path: string) => floorFile(path, decoder);
    const pipeline = (path: string) => {
      const result = processDocument({ bytes: readFileSync(path), key: path });
      return result.ok ? result.value.charCount : 1;
    };
    time(paths, floor); // warm-up of both
    time(paths, pipeline);
    const floorMs: number[] = [];
    const pipelineMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      floorMs.push(time(paths, floor));
      pipelineMs.push(time(paths, pipeline));
      console.error(
        `floor: round ${r + 1}/${rounds}: floor ${Math.round(floorMs.at(-1) ?? 0)} ms, pipeline ${Math.round(pipelineMs.at(-1) ?? 0)} ms`,
      );
    }
    const best = (values: number[]) => Math.min(...values);
    return {
      documents: docs.length,
      bytes: docs.reduce((sum, doc) => sum + doc.bytes.length, 0),
      rounds,
      floorSeconds: round(best(floorMs) / 1000, 3),
      pipelineSeconds: round(best(pipelineMs) / 1000, 3),
      pipelineDocsPerSecond: round(docs.length / (best(pipelineMs) / 1000), 0),
      ratio: round(best(pipelineMs) / best(floorMs), 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export type { FloorOptions, FloorResult };
export { runFloor };
