import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopicId } from '@doc-ingest/contracts';
import {
  classifyTopics,
  DEFAULT_THRESHOLD,
  normalizeText,
  processDocument,
  TAXONOMY_VERSION,
} from '@doc-ingest/core';
import { EvaluationInputError } from './errors.ts';
import { type DocumentPair, LABELS_FILE, loadLabelFiles, PAIRS_FILE } from './labels.ts';
import {
  hashJudge,
  type PairCase,
  type PairDocument,
  type PairJudge,
  type PairScores,
  scorePairs,
} from './scorePairs.ts';
import { scoreTopics, type TopicScores } from './scoreTopics.ts';

interface EvaluationOptions {
  /** Folder holding the `.txt` files with a `labels.json` and/or a `pairs.json`. */
  dir: string;
  /**
   * Score a topic needs to count as predicted.
   * @default DEFAULT_THRESHOLD of `@doc-ingest/core`
   */
  threshold?: number;
  /**
   * How pairs of `pairs.json` are judged: the extension point for
   * near-duplicate detection (a similarity judge returns `near-duplicate`).
   * @default hashJudge (identical content hash = exact duplicate, else distinct)
   */
  pairJudge?: PairJudge;
  /**
   * Name of `pairJudge` in the report.
   * @default 'content-hash' without a pairJudge, else 'custom'
   */
  pairJudgeName?: string;
}

/** What the pipeline made of one file, next to its labels. */
interface DocumentOutcome {
  name: string;
  /** Language the file is known to be in: the label's `lang`, else a `xx_` file-name prefix. */
  expectedLanguage: string | undefined;
  /** Language detected by the pipeline; `undefined` when rejected. */
  language: string | undefined;
  /** `undefined` when the file is only part of a pair. */
  expected: TopicId[] | undefined;
  optional: TopicId[];
  predicted: TopicId[];
  /** Every topic's score (0..1), for looking at misses. Empty when rejected. */
  scores: Partial<Record<TopicId, number>>;
  contentHash: string | undefined;
  /** The rejection reason when the pipeline refused the file. */
  rejection: string | undefined;
}

interface EvaluationReport {
  dir: string;
  threshold: number;
  taxonomyVersion: string;
  documents: DocumentOutcome[];
  /** Topic scores over all labelled documents; `undefined` without `labels.json`. */
  topics: TopicScores | undefined;
  /** Topic scores per expected language (or detected language when unknown). */
  byLanguage: Record<string, TopicScores>;
  /** Labelled documents whose detected language differs from the expected one. */
  languageMismatches: { name: string; expected: string; detected: string }[];
  /** Duplicate-detection scores; `undefined` without `pairs.json`. */
  pairs: PairScores | undefined;
  warnings: string[];
}

const LANGUAGE_PREFIX = /^([a-z]{2})[_-]/;

const classify = (text: string, language: string, threshold: number) => {
  const normalized = normalizeText(text);
  if (!normalized.ok) return undefined;
  const { title, body } = normalized.value;
  return classifyTopics({ title, body, language }, { threshold });
};

/**
 * Runs the pipeline on one file. Predictions come from `processDocument`; the
 * scores of all topics (and, with a non-default threshold, the predictions)
 * come from `classifyTopics` run again on the canonical text, which
 * `normalizeText` leaves unchanged.
 */
const evaluateFile = (
  name: string,
  bytes: Uint8Array,
  threshold: number,
  warnings: string[],
): Omit<DocumentOutcome, 'expected' | 'optional' | 'expectedLanguage'> & { text?: string } => {
  const result = processDocument({ bytes, key: name });
  if (!result.ok) {
    return {
      name,
      language: undefined,
      predicted: [],
      scores: {},
      contentHash: undefined,
      rejection: result.rejection.reason,
    };
  }
  const doc = result.value;
  const pipelineTopics = doc.topics.map((topic) => topic.id);
  const again = classify(doc.text, doc.language, threshold);
  const againTopics = again?.topics.map((topic) => topic.id) ?? [];
  if (threshold === DEFAULT_THRESHOLD && againTopics.join() !== pipelineTopics.join()) {
    warnings.push(`${name}: re-classification differs from the pipeline's topics`);
  }
  return {
    name,
    language: doc.language,
    predicted: threshold === DEFAULT_THRESHOLD ? pipelineTopics : againTopics,
    scores: again?.scores ?? {},
    contentHash: doc.contentHash,
    rejection: undefined,
    text: doc.text,
  };
};

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
};

const scoreDocuments = (documents: readonly DocumentOutcome[]) =>
  scoreTopics(
    documents.map((doc) => ({
      expected: doc.expected ?? [],
      optional: doc.optional,
      predicted: doc.predicted,
    })),
  );

const pairCases = (
  pairs: readonly DocumentPair[],
  byName: ReadonlyMap<string, PairDocument>,
): PairCase[] =>
  pairs.map(({ a, b, kind }) => ({
    a,
    b,
    kind,
    documentA: byName.get(a),
    documentB: byName.get(b),
  }));

/**
 * Evaluates the pipeline on a folder: every file named in `labels.json` or
 * `pairs.json` goes through `processDocument`; topics are scored against the
 * labels, duplicates against the pairs. A rejected labelled file counts as
 * predicting no topic. Files present but unlabelled, and labelled files that
 * are missing, are reported as warnings.
 *
 * @example
 * const report = await runEvaluation({ dir: 'test/fixtures/eval' });
 * console.log(report.topics?.micro.f1, report.topics?.noTopic.rate);
 */
const runEvaluation = async (options: EvaluationOptions): Promise<EvaluationReport> => {
  const { dir } = options;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    throw new EvaluationInputError(`cannot read the folder ${dir}`, { cause: error });
  }
  const { labels, pairs } = await loadLabelFiles(dir);
  if (labels === undefined && pairs === undefined) {
    throw new EvaluationInputError(`${dir} has neither ${LABELS_FILE} nor ${PAIRS_FILE}`);
  }
  const present = new Set(entries);
  const wanted = new Set<string>([
    ...Object.keys(labels ?? {}),
    ...(pairs ?? []).flatMap((pair) => [pair.a, pair.b]),
  ]);
  const warnings: string[] = [];
  for (const name of [...present].sort()) {
    if (name.endsWith('.txt') && !wanted.has(name))
      warnings.push(`${name}: present but unlabelled`);
  }
  const documents: DocumentOutcome[] = [];
  const pairDocuments = new Map<string, PairDocument>();
  for (const name of [...wanted].sort()) {
    if (!present.has(name)) {
      warnings.push(`${name}: labelled but missing`);
      continue;
    }
    const outcome = evaluateFile(name, await readFile(join(dir, name)), threshold, warnings);
    const label = labels?.[name];
    const { text, ...rest } = outcome;
    if (outcome.rejection !== undefined) warnings.push(`${name}: rejected (${outcome.rejection})`);
    documents.push({
      ...rest,
      expectedLanguage: label?.lang ?? LANGUAGE_PREFIX.exec(name)?.[1],
      expected: label?.topics,
      optional: label?.optional_topics ?? [],
    });
    if (outcome.contentHash !== undefined && text !== undefined) {
      pairDocuments.set(name, { name, contentHash: outcome.contentHash, text });
    }
  }
  const labelled = documents.filter((doc) => doc.expected !== undefined);
  const byLanguage: Record<string, TopicScores> = {};
  const groups = groupBy(labelled, (doc) => doc.expectedLanguage ?? doc.language ?? 'und');
  for (const [language, group] of [...groups].sort(([x], [y]) => x.localeCompare(y))) {
    byLanguage[language] = scoreDocuments(group);
  }
  const languageMismatches = labelled.flatMap((doc) =>
    doc.expectedLanguage !== undefined &&
    doc.language !== undefined &&
    doc.language !== doc.expectedLanguage
      ? [{ name: doc.name, expected: doc.expectedLanguage, detected: doc.language }]
      : [],
  );
  return {
    dir,
    threshold,
    taxonomyVersion: TAXONOMY_VERSION,
    documents,
    topics: labels === undefined ? undefined : scoreDocuments(labelled),
    byLanguage,
    languageMismatches,
    pairs:
      pairs === undefined
        ? undefined
        : scorePairs(
            pairCases(pairs, pairDocuments),
            options.pairJudge ?? hashJudge,
            options.pairJudgeName ?? (options.pairJudge === undefined ? 'content-hash' : 'custom'),
          ),
    warnings,
  };
};

export type { DocumentOutcome, EvaluationOptions, EvaluationReport };
export { runEvaluation };
