import { type ClassifyOptions, classifyTopics } from '../classify/classifyTopics.ts';
import type { Classification } from '../types.ts';

/**
 * Classifies a stored canonical text again (title = its first line, body =
 * the rest), with the given taxonomy (`options.taxonomy`, by default the
 * crime-and-security one) and threshold. The text is already
 * normalized, so it is not decoded or normalized a second time.
 *
 * @example
 * const { topics, taxonomyVersion } = reclassifyText(document.text, document.language);
 */
const reclassifyText = (
  canonicalText: string,
  language: string,
  options: ClassifyOptions = {},
): Classification => {
  const newline = canonicalText.indexOf('\n');
  const title = newline < 0 ? canonicalText : canonicalText.slice(0, newline);
  const body = newline < 0 ? '' : canonicalText.slice(newline + 1).trimStart();
  return classifyTopics({ title, body, language }, options);
};

export { reclassifyText };
