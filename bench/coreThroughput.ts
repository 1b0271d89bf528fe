import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  classifyTopics,
  computeContentHash,
  decodeText,
  detectLanguages,
  normalizeText,
  processDocument,
} from '@doc-ingest/core';
import {
  type CorpusDocument,
  generateCorpus,
  generateSized,
  SIZE_CLASSES,
  type SizeClass,
  totalBytes,
} from './corpus.ts';
import { MB, median, round } from './stats.ts';

/*
 * Core throughput: the pure pipeline over a generated corpus, next to plain
 * SHA-256 of the same bytes in the same process and the same rounds. Meant
 * to run pinned to one core (`taskset -c 0`, see bench/run.ts).
 */

/** Options of `runCoreThroughput`. */
interface CoreThroughputOptions {
  /** @default 20000 */
  documents?: number;
  /** Timed rounds over the whole corpus; the median is reported. @default 5 */
  rounds?: number;
  /** Bytes per size class (1 KB..1 MB) for the scaling table. @default 4 MB */
  bytesPerSizeClass?: number;
  /** Rounds per size class. @default 3 */
  sizeRounds?: number;
}

// `other`: whatever processDocument does beyond the five timed stages (e.g. fingerprints).
const STAGES = ['decode', 'normalize', 'hash', 'language', 'classify', 'other'] as const;
type Stage = (typeof STAGES)[number];

interface Throughput {
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
}

interface SizeClassResult {
  sizeClass: SizeClass;
  documents: number;
  avgBytes: number;
  pipelineMsPerDoc: number;
  sha256MsPerDoc: number;
  ratio: number;
  pipelineMbPerSecond: number;
  stageShares: Record<Stage, number>;
}

interface CoreThroughputResult {
  documents: number;
  bytes: number;
  rounds: number;
  pipeline: Throughput;
  sha256: Throughput;
  /** Pipeline time over SHA-256 time: the target is at most 4. */
  ratio: number;
  /** Share of pipeline time per stage (one instrumented pass). */
  stageShares: Record<Stage, number>;
  outcomes: { ok: number; rejected: number; languages: Record<string, number> };
  sizeClasses: SizeClassResult[];
}

const sha256All = (docs: readonly CorpusDocument[]): number => {
  const start = performance.now();
  let sink = 0;
  for (const doc of docs) {
    sink ^= createHash('sha256').update(doc.bytes).digest().readUInt8(0);
  }
  const elapsed = performance.now() - start;
  if (sink === -1) console.error(sink);
  return elapsed;
};

const pipelineAll = (docs: readonly CorpusDocument[]): number => {
  const start = performance.now();
  let sink = 0;
  for (const doc of docs) {
    const result = processDocument({ bytes: doc.bytes, key: doc.key });
    sink += result.ok ? result.value.charCount : 1;
  }
  const elapsed = performance.now() - start;
  if (sink === -1) console.error(sink);
  return elapsed;
};

/**
 * One pass that times each stage as processDocument runs it, then the whole
 * of processDocument: the difference is reported as `other`.
 */
const stageTimes = (docs: readonly CorpusDocument[]): Record<Stage, number> => {
  const times: Record<Stage, number> = {
    decode: 0,
    normalize: 0,
    hash: 0,
    language: 0,
    classify: 0,
    other: 0,
  };
  for (const doc of docs) {
    let t = performance.now();
    const decoded = decodeText(doc.bytes, { key: doc.key });
    times.decode += performance.now() - t;
    if (!decoded.ok) continue;
    t = performance.now();
    const normalized = normalizeText(decoded.value.text);
    times.normalize += performance.now() - t;
    if (!normalized.ok) continue;
    t = performance.now();
    computeContentHash(normalized.value.text);
    times.hash += performance.now() - t;
    t = performance.now();
    const detection = detectLanguages(normalized.value.text);
    times.language += performance.now() - t;
    t = performance.now();
    classifyTopics({
      title: normalized.value.title,
      body: normalized.value.body,
      language: detection.language,
    });
    times.classify += performance.now() - t;
  }
  const staged = STAGES.reduce((sum, stage) => sum + times[stage], 0);
  times.other = Math.max(0, pipelineAll(docs) - staged);
  return times;
};

const shares = (times: Record<Stage, number>): Record<Stage, number> => {
  const total = STAGES.reduce((sum, stage) => sum + times[stage], 0);
  return Object.fromEntries(
    STAGES.map((stage) => [stage, round(times[stage] / total, 3)]),
  ) as Record<Stage, number>;
};

const throughput = (ms: number, docs: number, bytes: number): Throughput => ({
  seconds: round(ms / 1000, 3),
  docsPerSecond: round(docs / (ms / 1000), 0),
  mbPerSecond: round(bytes / MB / (ms / 1000), 2),
});

const outcomes = (docs: readonly CorpusDocument[]): CoreThroughputResult['outcomes'] => {
  const languages: Record<string, number> = {};
  let ok = 0;
  let rejected = 0;
  for (const doc of docs) {
    const result = processDocument({ bytes: doc.bytes, key: doc.key });
    if (!result.ok) {
      rejected++;
      continue;
    }
    ok++;
    languages[result.value.language] = (languages[result.value.language] ?? 0) + 1;
  }
  return { ok, rejected, languages };
};

const measureSizeClass = (
  sizeClass: SizeClass,
  budget: number,
  rounds: number,
): SizeClassResult => {
  const size = SIZE_CLASSES[sizeClass];
  const docs = generateSized(size, Math.max(3, Math.round(budget / size)));
  const bytes = totalBytes(docs);
  pipelineAll(docs.slice(0, 3));
  const pipeline: number[] = [];
  const sha: number[] = [];
  for (let r = 0; r < rounds; r++) {
    sha.push(sha256All(docs));
    pipeline.push(pipelineAll(docs));
  }
  const pipelineMs = median(pipeline);
  const shaMs = median(sha);
  return {
    sizeClass,
    documents: docs.length,
    avgBytes: Math.round(bytes / docs.length),
    pipelineMsPerDoc: round(pipelineMs / docs.length, 4),
    sha256MsPerDoc: round(shaMs / docs.length, 4),
    ratio: round(pipelineMs / shaMs, 1),
    pipelineMbPerSecond: round(bytes / MB / (pipelineMs / 1000), 2),
    stageShares: shares(stageTimes(docs)),
  };
};

/**
 * Runs the core benchmark: warm-up, then `rounds` alternating timed passes
 * of SHA-256 and of the pipeline over the same corpus (medians reported),
 * one instrumented pass for the per-stage split, and the size-class table.
 *
 * @example
 * const result = runCoreThroughput({ documents: 2_000, rounds: 1 });
 */
const runCoreThroughput = (options: CoreThroughputOptions = {}): CoreThroughputResult => {
  const rounds = options.rounds ?? 5;
  const docs = generateCorpus({ count: options.documents ?? 20_000 });
  const bytes = totalBytes(docs);
  const counted = outcomes(docs); // also the warm-up: every code path compiled once
  sha256All(docs);
  const pipeline: number[] = [];
  const sha: number[] = [];
  for (let r = 0; r < rounds; r++) {
    sha.push(sha256All(docs));
    pipeline.push(pipelineAll(docs));
    console.error(
      `core: round ${r + 1}/${rounds}: pipeline ${Math.round(pipeline.at(-1) ?? 0)} ms`,
    );
  }
  const pipelineMs = median(pipeline);
  const shaMs = median(sha);
  const stageShares = shares(stageTimes(docs));
  const sizeClasses = (Object.keys(SIZE_CLASSES) as SizeClass[]).map((sizeClass) =>
    measureSizeClass(sizeClass, options.bytesPerSizeClass ?? 4 * MB, options.sizeRounds ?? 3),
  );
  return {
    documents: docs.length,
    bytes,
    rounds,
    pipeline: throughput(pipelineMs, docs.length, bytes),
    sha256: throughput(shaMs, docs.length, bytes),
    ratio: round(pipelineMs / shaMs, 1),
    stageShares,
    outcomes: counted,
    sizeClasses,
  };
};

/** Only the pipeline, for `node --cpu-prof`: no hashing baseline, no instrumentation. */
const runProfileWorkload = (documents: number, rounds: number): void => {
  const docs = generateCorpus({ count: documents });
  for (let r = 0; r < rounds; r++) pipelineAll(docs);
};

export type { CoreThroughputOptions, CoreThroughputResult, SizeClassResult, Stage };
export { runCoreThroughput, runProfileWorkload, STAGES };
