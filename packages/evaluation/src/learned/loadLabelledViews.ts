import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopicId } from '@doc-ingest/contracts';
import { classifyTopics, normalizeText, processDocument } from '@doc-ingest/core';
import { EvaluationInputError } from '../errors.ts';
import { loadLabelFiles } from '../labels.ts';
import type { LabelledView } from './learnedModel.ts';

/** A threshold low enough that every topic with evidence lists its terms. */
const LIST_ALL = 1e-9;

/**
 * Runs the rules on every labelled file of a folder and keeps what the learned
 * layer needs: scores, number of matched terms per topic, language, text. A
 * rejected file has no scores (the rules predict nothing for it).
 */
const loadLabelledViews = async (dir: string): Promise<LabelledView[]> => {
  const { labels } = await loadLabelFiles(dir);
  if (labels === undefined) throw new EvaluationInputError(`${dir} has no labels.json`);
  const views: LabelledView[] = [];
  for (const name of Object.keys(labels).sort()) {
    const label = labels[name];
    if (label === undefined) continue;
    const result = processDocument({ bytes: await readFile(join(dir, name)), key: name });
    const base = {
      name: `${dir}/${name}`,
      expected: label.topics,
      optional: label.optional_topics,
    };
    if (!result.ok) {
      views.push({ ...base, language: 'und', scores: {}, termCounts: {}, text: '' });
      continue;
    }
    const doc = result.value;
    const normalized = normalizeText(doc.text);
    const language = doc.language.split('-')[0] ?? doc.language;
    if (!normalized.ok) {
      views.push({ ...base, language, scores: {}, termCounts: {}, text: doc.text });
      continue;
    }
    const { title, body } = normalized.value;
    const classification = classifyTopics(
      { title, body, language: doc.language },
      { threshold: LIST_ALL, maxTerms: 1000 },
    );
    const termCounts: Partial<Record<TopicId, number>> = {};
    for (const topic of classification.topics) termCounts[topic.id] = topic.terms.length;
    views.push({ ...base, language, scores: classification.scores, termCounts, text: doc.text });
  }
  return views;
};

export { loadLabelledViews };
