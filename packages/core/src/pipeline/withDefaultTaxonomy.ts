import {
  type ClassifyInput,
  type ClassifyOptions,
  classifyTopicsWith,
} from '../classify/classifyTopics.ts';
import { COMPILED_TAXONOMY } from '../classify/defaultTaxonomy.ts';
import type { Classification, ProcessedDocument, StageResult } from '../types.ts';
import { type DocumentInput, type ProcessOptions, processDocumentWith } from './processDocument.ts';
import { reclassifyTextWith } from './reclassifyText.ts';

/*
 * The entry points for in-process use (CLI, evaluation, tests, library users):
 * the same functions as their `...With` forms, with the built-in
 * crime-and-security taxonomy when none is given. Only this module imports the
 * taxonomy's JSON, so the Lambda functions, which read the deployed taxonomy
 * file and call the `...With` forms, do not carry it in their bundles.
 */

/**
 * Scores a document against the taxonomy's topics: `classifyTopicsWith` with
 * `COMPILED_TAXONOMY` unless `options.taxonomy` is given.
 *
 * @example
 * const result = classifyTopics({
 *   title: 'Démantèlement d’un réseau de passeurs',
 *   body: 'Les passeurs faisaient payer la traversée de la Manche aux migrants.',
 *   language: 'fr',
 * });
 * result.topics[0]?.id; // 'migrant_smuggling'
 */
const classifyTopics = (input: ClassifyInput, options: ClassifyOptions = {}): Classification =>
  classifyTopicsWith(input, { ...options, taxonomy: options.taxonomy ?? COMPILED_TAXONOMY });

/**
 * The whole pure pipeline: `processDocumentWith` with `COMPILED_TAXONOMY`
 * unless `options.taxonomy` is given.
 *
 * @example
 * const result = processDocument({ bytes: await readFile(path), key: path });
 * if (result.ok) console.log(result.value.contentHash, result.value.topics);
 * else console.log(result.rejection.reason);
 */
const processDocument = (
  input: DocumentInput,
  options: ProcessOptions = {},
): StageResult<ProcessedDocument> =>
  processDocumentWith(input, { ...options, taxonomy: options.taxonomy ?? COMPILED_TAXONOMY });

/**
 * Classifies a stored canonical text again: `reclassifyTextWith` with
 * `COMPILED_TAXONOMY` unless `options.taxonomy` is given.
 *
 * @example
 * const { topics, taxonomyVersion } = reclassifyText(document.text, document.language);
 */
const reclassifyText = (
  canonicalText: string,
  language: string,
  options: ClassifyOptions = {},
): Classification =>
  reclassifyTextWith(canonicalText, language, {
    ...options,
    taxonomy: options.taxonomy ?? COMPILED_TAXONOMY,
  });

export { classifyTopics, processDocument, reclassifyText };
