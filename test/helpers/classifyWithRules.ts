import type { Classification } from '../../packages/core/src/index.ts';
import {
  type ClassifyInput,
  type ClassifyOptions,
  classifyTopicsWith,
  compileTaxonomy,
  DEFAULT_TAXONOMY,
} from '../../packages/core/src/index.ts';

const { learned: _layer, ...rules } = DEFAULT_TAXONOMY;

/** The built-in taxonomy's rules alone, without its learned layer. */
const RULES_ONLY_TAXONOMY = compileTaxonomy(rules);

/**
 * `classifyTopics` with the built-in rules and no learned layer: what the tests
 * of the rules' own behaviour (terms, context, frames, exact scores) read. The
 * layer is tested on its own (`classifyTopicsLearned.test.ts`) and on the
 * labelled sets.
 */
const classifyWithRules = (
  input: ClassifyInput,
  options: Omit<ClassifyOptions, 'taxonomy'> = {},
): Classification => classifyTopicsWith(input, { ...options, taxonomy: RULES_ONLY_TAXONOMY });

export { classifyWithRules, RULES_ONLY_TAXONOMY };
