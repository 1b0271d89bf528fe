import {
  type ClassifyOptions,
  classifyTopicsWith,
  type WithTaxonomy,
} from '../classify/classifyTopics.ts';
import type { CompiledTaxonomy } from '../classify/compileTaxonomy.ts';
import { decodeText } from '../decode/decodeText.ts';
import { computeContentHash } from '../hash/computeContentHash.ts';
import { detectLanguages } from '../language/detectLanguages.ts';
import { normalizeText } from '../normalize/normalizeText.ts';
import { fingerprintDocument } from '../similarity/fingerprintDocument.ts';
import { fingerprintText } from '../similarity/fingerprintText.ts';
import { parseSourceKey } from '../source/parseSourceKey.ts';
import type { ProcessedDocument, StageResult } from '../types.ts';

// A document saved as one long line would otherwise carry all of itself as its title.
const TITLE_MAX_CHARS = 300;

const shortTitle = (line: string): string =>
  line.length <= TITLE_MAX_CHARS ? line : `${line.slice(0, TITLE_MAX_CHARS - 1).trimEnd()}…`;

interface DocumentInput {
  bytes: Uint8Array;
  /** The object key or file path: only its name is read, for type hints and `NNN_<hash>.txt`. */
  key: string;
}

/** Options of {@link processDocumentWith} and `processDocument`. */
interface ProcessOptions {
  /**
   * Score (0..1) a topic needs to be reported.
   * @default DEFAULT_THRESHOLD (0.45)
   */
  topicThreshold?: number;
  /**
   * The taxonomy to classify with (`loadTaxonomy` of a taxonomy file).
   * @default the crime-and-security taxonomy (`COMPILED_TAXONOMY`) in
   * `processDocument`; `processDocumentWith` requires it
   */
  taxonomy?: CompiledTaxonomy;
}

/**
 * The whole pure pipeline: decode, normalize, hash, detect languages,
 * classify and fingerprint for near-duplicate detection. Bad input is a
 * rejection in the result, never an exception.
 *
 * The taxonomy is given (`processDocument` adds the built-in one), so a
 * bundle that imports only this function does not carry the built-in taxonomy.
 *
 * @example
 * const result = processDocumentWith({ bytes: await readFile(path), key: path }, { taxonomy });
 * if (result.ok) console.log(result.value.contentHash, result.value.topics);
 * else console.log(result.rejection.reason);
 */
const processDocumentWith = (
  input: DocumentInput,
  options: WithTaxonomy<ProcessOptions>,
): StageResult<ProcessedDocument> => {
  const decoded = decodeText(input.bytes, { key: input.key });
  if (!decoded.ok) return decoded;
  const normalized = normalizeText(decoded.value.text);
  if (!normalized.ok) return normalized;
  const { text, title, body } = normalized.value;
  const contentHash = computeContentHash(text);
  const detection = detectLanguages(text);
  const classifyOptions: WithTaxonomy<ClassifyOptions> = { taxonomy: options.taxonomy };
  if (options.topicThreshold !== undefined) classifyOptions.threshold = options.topicThreshold;
  const classification = classifyTopicsWith(
    { title, body, language: detection.language },
    classifyOptions,
  );
  const keyInfo = parseSourceKey(input.key);
  const doc: ProcessedDocument = {
    contentHash,
    title: shortTitle(title),
    text,
    textBytes: Buffer.byteLength(text, 'utf8'),
    charCount: text.length,
    encoding: decoded.value.encoding,
    format: decoded.value.format,
    language: detection.language,
    languages: detection.languages,
    topics: classification.topics,
    taxonomyVersion: classification.taxonomyVersion,
    notes: [...decoded.value.notes, ...normalized.value.notes],
    fingerprint: fingerprintDocument(fingerprintText(normalized.value)),
    ...keyInfo,
  };
  if (keyInfo.declaredHash !== undefined) {
    doc.declaredHashMatches = contentHash.startsWith(keyInfo.declaredHash);
  }
  return { ok: true, value: doc };
};

export type { DocumentInput, ProcessOptions };
export { processDocumentWith, TITLE_MAX_CHARS };
