import { RejectionReason } from '@doc-ingest/contracts';
import { keyExtension } from '../source/keyExtension.ts';
import type { DecodedText, StageResult } from '../types.ts';
import { detectBinarySignature } from './binarySignatures.ts';
import { cleanDecodedText } from './cleanDecodedText.ts';
import { decodeBytes } from './decodeBytes.ts';
import { detectMarkup, MarkupKind } from './detectMarkup.ts';

/** Options of `decodeText`. */
interface DecodeTextOptions {
  /**
   * Object key the bytes come from. Its extension separates an honestly
   * declared other format (`unsupported-type`) from one disguised as text
   * (`binary-content`, `html-content`).
   * @default ''
   */
  key?: string;
}

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);
const JSON_EXTENSIONS = new Set(['json', 'jsonl', 'ndjson', 'geojson']);
// Above this share of stray C0/C1 controls, even without NUL bytes, the object is binary.
const MIN_CONTROLS_FOR_BINARY = 8;
const MAX_CONTROL_SHARE = 0.02;

const reject = (
  reason: (typeof RejectionReason)[keyof typeof RejectionReason],
  detail: string,
): StageResult<DecodedText> => ({ ok: false, rejection: { reason, detail } });

const describeExtension = (extension: string): string =>
  extension === '' ? 'a key without extension' : `a .${extension} key`;

/**
 * Turns an object's bytes into clean text, or says why it is not a text
 * document. Rejects empty objects, known binary formats (by signature),
 * undecodable bytes, HTML pages and JSON data; decodes UTF-8 (with or
 * without BOM), UTF-16 with BOM and Windows-1252; then removes control and
 * invisible format characters and repairs UTF-8-read-as-cp1252 mojibake.
 * Never throws on any input.
 *
 * @example
 * const decoded = decodeText(bytes, { key: 'inbox/001_3b6e52c3d201db76.txt' });
 * if (!decoded.ok) return reject(decoded.rejection);
 * console.log(decoded.value.encoding, decoded.value.notes);
 */
const decodeText = (
  bytes: Uint8Array,
  options: DecodeTextOptions = {},
): StageResult<DecodedText> => {
  if (bytes.length === 0) return reject(RejectionReason.EMPTY, 'the object has no bytes');
  const extension = keyExtension(options.key ?? '');
  if (JSON_EXTENSIONS.has(extension) || HTML_EXTENSIONS.has(extension)) {
    return reject(
      RejectionReason.UNSUPPORTED_TYPE,
      `${describeExtension(extension)} declares markup or structured data; only plain text is ingested`,
    );
  }
  const signature = detectBinarySignature(bytes);
  if (signature !== undefined) {
    return signature.extensions.includes(extension)
      ? reject(
          RejectionReason.UNSUPPORTED_TYPE,
          `${signature.name} file; only plain text is ingested`,
        )
      : reject(
          RejectionReason.BINARY_CONTENT,
          `${signature.name} signature under ${describeExtension(extension)}`,
        );
  }
  const raw = decodeBytes(bytes);
  if (!raw.ok) return raw;
  const cleaned = cleanDecodedText(raw.value.text);
  if (
    cleaned.strayControls >= MIN_CONTROLS_FOR_BINARY &&
    cleaned.strayControls > raw.value.text.length * MAX_CONTROL_SHARE
  ) {
    return reject(
      RejectionReason.BINARY_CONTENT,
      `${cleaned.strayControls} stray control characters in ${raw.value.text.length}: binary data, not text`,
    );
  }
  const markup = detectMarkup(cleaned.text);
  if (markup === MarkupKind.HTML) {
    return reject(
      RejectionReason.HTML_CONTENT,
      `an HTML document under ${describeExtension(extension)}`,
    );
  }
  if (markup === MarkupKind.JSON) {
    return reject(
      RejectionReason.UNSUPPORTED_TYPE,
      `a JSON document under ${describeExtension(extension)}; only plain text is ingested`,
    );
  }
  const notes = [...raw.value.notes];
  if (cleaned.controlChars + cleaned.formatChars > 0) notes.push('control-chars-removed');
  if (cleaned.mojibakeRepairs > 0) notes.push('mojibake-repaired');
  return {
    ok: true,
    value: { text: cleaned.text, encoding: raw.value.encoding, notes },
  };
};

export type { DecodeTextOptions };
export { decodeText };
