import {
  type ClassifyOptions,
  classifyTopicsWith,
  type WithTaxonomy,
} from '../classify/classifyTopics.ts';
import type { Classification } from '../types.ts';

/**
 * Classifies a stored canonical text again (title = its first line, body =
 * the rest), with the given taxonomy (`reclassifyText` adds the built-in
 * crime-and-security one when none is given) and threshold. The text is already
 * normalized, so it is not decoded or normalized a second time.
 *
 * @example
 * const { topics, taxonomyVersion } = reclassifyTextWith(document.text, document.language, {
 *   taxonomy,
 * });
 */
const reclassifyTextWith = (
  canonicalText: string,
  language: string,
  options: WithTaxonomy<ClassifyOptions>,
): Classification => {
  const newline = canonicalText.indexOf('\n');
  const title = newline < 0 ? canonicalText : canonicalText.slice(0, newline);
  const body = newline < 0 ? '' : canonicalText.slice(newline + 1).trimStart();
  return classifyTopicsWith({ title, body, language }, options);
};

export { reclassifyTextWith };
