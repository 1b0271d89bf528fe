import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FRAME_CUE_KINDS, type TopicId } from '@doc-ingest/contracts';
import {
  type CompiledTaxonomy,
  normalizeText,
  processDocumentWith,
  type RuleEvidence,
  readForLearning,
} from '@doc-ingest/core';
import { EvaluationInputError } from '../errors.ts';
import { loadLabelFiles } from '../labels.ts';

/** One labelled document as a learned layer reads it. */
interface LearningView extends RuleEvidence {
  /** `<folder>/<file>`. */
  name: string;
  expected: readonly TopicId[];
  optional: readonly TopicId[];
  /** Distinct stems, each with a word it stems. */
  stems: ReadonlyMap<string, string>;
  /** Whether a learned layer scores it (a review, product news or lawful use is left to the rules). */
  layerApplies: boolean;
}

/**
 * Reads every labelled file of a folder through the pipeline (decoding,
 * normalization, language) and the rules of `taxonomy`, keeping what a learned
 * layer reads (`readForLearning`). A file the pipeline rejects reads as a
 * document with no evidence and no words, which no layer scores.
 */
const loadLearningViews = async (
  dir: string,
  taxonomy: CompiledTaxonomy,
): Promise<LearningView[]> => {
  const { labels } = await loadLabelFiles(dir);
  if (labels === undefined) throw new EvaluationInputError(`${dir} has no labels.json`);
  const views: LearningView[] = [];
  for (const name of Object.keys(labels).sort()) {
    const label = labels[name];
    if (label === undefined) continue;
    const base = {
      name: `${dir}/${name}`,
      expected: label.topics,
      optional: label.optional_topics,
    };
    const result = processDocumentWith(
      { bytes: await readFile(join(dir, name)), key: name },
      { taxonomy },
    );
    const normalized = result.ok ? normalizeText(result.value.text) : undefined;
    if (!result.ok || normalized === undefined || !normalized.ok) {
      views.push({
        ...base,
        scores: taxonomy.topics.map(() => 0),
        termCounts: taxonomy.topics.map(() => 0),
        strongTermCounts: taxonomy.topics.map(() => 0),
        language: 'und',
        frameCues: FRAME_CUE_KINDS.map(() => 0),
        stems: new Map(),
        layerApplies: false,
      });
      continue;
    }
    const { title, body } = normalized.value;
    views.push({
      ...base,
      ...readForLearning({ title, body, language: result.value.language }, { taxonomy }),
    });
  }
  return views;
};

export type { LearningView };
export { loadLearningViews };
