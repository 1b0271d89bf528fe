import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TOPIC_IDS } from '@doc-ingest/contracts';
import { z } from 'zod';
import { EvaluationInputError } from './errors.ts';

const LABELS_FILE = 'labels.json';
const PAIRS_FILE = 'pairs.json';

const TopicIdListSchema = z.array(z.enum(TOPIC_IDS));

/**
 * What an analyst tags in one document. `topics` are its real subjects;
 * `optional_topics` are passing mentions that count neither way. Other keys
 * (`lang`, `why`, `source`) are kept; `lang` is used to group scores.
 */
const DocumentLabelSchema = z
  .looseObject({
    topics: TopicIdListSchema,
    optional_topics: TopicIdListSchema.default([]),
    lang: z.string().min(2).optional(),
  })
  .refine((label) => !label.optional_topics.some((id) => label.topics.includes(id)), {
    message: 'a topic cannot be both in topics and optional_topics',
  });

/** `labels.json`: file name to label. */
const LabelsSchema = z.record(z.string().min(1), DocumentLabelSchema);

/** How two documents of a `pairs.json` relate. */
const PairKind = {
  EXACT: 'exact-after-normalization',
  NEAR: 'near-duplicate',
  DISTINCT: 'distinct',
} as const;

const PAIR_KINDS = [PairKind.EXACT, PairKind.NEAR, PairKind.DISTINCT] as const;

/** One entry of `pairs.json`; other keys (scores, sources) are kept. */
const DocumentPairSchema = z.looseObject({
  a: z.string().min(1),
  b: z.string().min(1),
  kind: z.enum(PAIR_KINDS),
});

/** `pairs.json`: a list of labelled pairs. */
const PairsSchema = z.array(DocumentPairSchema);

type DocumentLabel = z.infer<typeof DocumentLabelSchema>;
type Labels = z.infer<typeof LabelsSchema>;
type PairKindName = (typeof PAIR_KINDS)[number];
type DocumentPair = z.infer<typeof DocumentPairSchema>;

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 10)
    .map((issue) => `  at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('\n');

const parseWith = <T>(schema: z.ZodType<T>, json: unknown, source: string): T => {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw new EvaluationInputError(
    `${source} does not match its schema:\n${describeIssues(result.error)}`,
    {
      cause: result.error,
    },
  );
};

/**
 * Validates the parsed content of a `labels.json`.
 *
 * @example
 * const labels = parseLabels({ 'a.txt': { topics: ['cybercrime'] } }, 'labels.json');
 * labels['a.txt']?.optional_topics; // []
 */
const parseLabels = (json: unknown, source = LABELS_FILE): Labels =>
  parseWith(LabelsSchema, json, source);

/**
 * Validates the parsed content of a `pairs.json`.
 *
 * @example
 * const pairs = parsePairs([{ a: 'x.txt', b: 'y.txt', kind: 'distinct' }], 'pairs.json');
 */
const parsePairs = (json: unknown, source = PAIRS_FILE): DocumentPair[] =>
  parseWith(PairsSchema, json, source);

/** The parsed JSON of `dir/name`, or `undefined` when the file does not exist. */
const readOptionalJson = async (dir: string, name: string): Promise<unknown> => {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EvaluationInputError(`cannot read ${path}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new EvaluationInputError(`${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
};

/**
 * Reads `labels.json` and `pairs.json` of a folder; either may be absent
 * (`undefined`), but a present one must be valid.
 *
 * @example
 * const { labels, pairs } = await loadLabelFiles('test/fixtures/eval');
 */
const loadLabelFiles = async (
  dir: string,
): Promise<{ labels: Labels | undefined; pairs: DocumentPair[] | undefined }> => {
  const labelsJson = await readOptionalJson(dir, LABELS_FILE);
  const pairsJson = await readOptionalJson(dir, PAIRS_FILE);
  return {
    labels: labelsJson === undefined ? undefined : parseLabels(labelsJson, join(dir, LABELS_FILE)),
    pairs: pairsJson === undefined ? undefined : parsePairs(pairsJson, join(dir, PAIRS_FILE)),
  };
};

export type { DocumentLabel, DocumentPair, Labels, PairKindName };
export {
  DocumentLabelSchema,
  DocumentPairSchema,
  LABELS_FILE,
  LabelsSchema,
  loadLabelFiles,
  PAIR_KINDS,
  PAIRS_FILE,
  PairKind,
  PairsSchema,
  parseLabels,
  parsePairs,
};
