import type {
  DocumentFormatName,
  LanguageShare,
  RejectionReasonCode,
  TextEncodingName,
  TopicId,
  TopicScore,
} from '@doc-ingest/contracts';
import type { Fingerprint } from './similarity/fingerprintDocument.ts';

/** Why the core refused an input: a stable code and a sentence for humans. */
interface Rejection {
  reason: RejectionReasonCode;
  detail: string;
}

/** Outcome of a stage that can refuse its input. Bad input is data, not an exception. */
type StageResult<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** What the bytes were read as: plain text, an HTML page or fragment, or a feed. */
  format: DocumentFormatName;
  /** What decoding had to do, e.g. `bom-stripped`, `mojibake-repaired`, `control-chars-removed`. */
  notes: string[];
}

interface NormalizedText {
  /** Canonical text: NFC, LF line endings, single spaces, boilerplate removed, trimmed. */
  text: string;
  /** The first non-empty line of the canonical text. */
  title: string;
  /** The text after the title line. */
  body: string;
  notes: string[];
}

interface SourceKeyInfo {
  /** `NNN` of a `NNN_<16 hex>.txt` key. */
  sourceIndex?: number;
  /** The 16 lowercase hex digits of such a key; a hint, never trusted for dedupe. */
  declaredHash?: string;
}

interface LanguageDetection {
  /** ISO 639-1 code of the main language (639-3 when it has none), `und` when undetermined. */
  language: string;
  /** Languages with a noticeable share of the text, main language first. */
  languages: LanguageShare[];
}

interface Classification {
  taxonomyVersion: string;
  /** Topics at or above the threshold, highest score first, with the terms that explain them. */
  topics: TopicScore[];
  /** Every topic's score, thresholded or not, for evaluation and consumers that threshold themselves. */
  scores: Record<TopicId, number>;
}

/** Everything the core derives from one object: the basis of the document and source records. */
interface ProcessedDocument extends SourceKeyInfo {
  contentHash: string;
  title: string;
  text: string;
  textBytes: number;
  charCount: number;
  encoding: TextEncodingName;
  format: DocumentFormatName;
  language: string;
  languages: LanguageShare[];
  topics: TopicScore[];
  taxonomyVersion: string;
  notes: string[];
  /** MinHash fingerprint of the body, for near-duplicate detection. */
  fingerprint: Fingerprint;
  declaredHashMatches?: boolean;
}

export type {
  Classification,
  DecodedText,
  LanguageDetection,
  NormalizedText,
  ProcessedDocument,
  Rejection,
  SourceKeyInfo,
  StageResult,
};
