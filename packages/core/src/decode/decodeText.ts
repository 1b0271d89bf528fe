import { DocumentFormat, RejectionReason } from '@doc-ingest/contracts';
import { feedToText } from '../markup/feedToText.ts';
import { htmlToText } from '../markup/htmlToText.ts';
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
   * (`binary-content`); `.html` keys are read as HTML, `.xml` ones as feeds.
   * @default ''
   */
  key?: string;
}

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);
const FEED_EXTENSIONS = new Set(['xml', 'rss', 'atom']);
// Declared formats that are not read: structured data and rich text.
const UNREAD_EXTENSIONS = new Set(['json', 'jsonl', 'ndjson', 'geojson', 'rtf']);
// Above this share of stray C0/C1 controls, even without NUL bytes, the object is binary.
const MIN_CONTROLS_FOR_BINARY = 8;
const MAX_CONTROL_SHARE = 0.02;

const reject = (
  reason: (typeof RejectionReason)[keyof typeof RejectionReason],
  detail: string,
): StageResult<DecodedText> => ({ ok: false, rejection: { reason, detail } });

const MARKUP_NAMES = {
  [MarkupKind.JSON]: 'a JSON document',
  [MarkupKind.RTF]: 'an RTF document',
  [MarkupKind.XML]: 'an XML document that is neither HTML nor a feed',
} as const;

/** The text with its title as first line, unless it already starts with it. */
const withTitle = (title: string | undefined, text: string): string => {
  if (title === undefined) return text;
  const end = text.indexOf('\n');
  const firstLine = (end < 0 ? text : text.slice(0, end)).trim();
  return firstLine === title ? text : `${title}\n\n${text}`;
};

const describeExtension = (extension: string): string =>
  extension === '' ? 'a key without extension' : `a .${extension} key`;

/**
 * Turns an object's bytes into clean text, or says why it is not a text
 * document. Rejects empty objects, known binary formats (by signature),
 * undecodable bytes, JSON data, RTF and XML other than feeds
 * (`unsupported-type`); decodes UTF-8 (with or without BOM), UTF-16 with BOM
 * and legacy single-byte encodings; removes control and invisible format
 * characters and repairs UTF-8-read-as-cp1252 mojibake; then reads an HTML
 * page or fragment (by `.html` key or by content) as its visible text with
 * its `<h1>`/`<title>` as first line, and an RSS/Atom feed as its items
 * (`format` says which). Never throws on any input.
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
  if (UNREAD_EXTENSIONS.has(extension)) {
    return reject(
      RejectionReason.UNSUPPORTED_TYPE,
      `${describeExtension(extension)} declares structured data or rich text; only plain text, HTML and RSS/Atom feeds are ingested`,
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
  const markup = HTML_EXTENSIONS.has(extension) ? MarkupKind.HTML : detectMarkup(cleaned.text);
  if (FEED_EXTENSIONS.has(extension) && markup !== MarkupKind.FEED) {
    return reject(
      RejectionReason.UNSUPPORTED_TYPE,
      `${describeExtension(extension)} that is not an RSS or Atom feed; only feeds are read from XML`,
    );
  }
  if (markup === MarkupKind.JSON || markup === MarkupKind.RTF || markup === MarkupKind.XML) {
    return reject(
      RejectionReason.UNSUPPORTED_TYPE,
      `${MARKUP_NAMES[markup]} under ${describeExtension(extension)}; only plain text, HTML and RSS/Atom feeds are ingested`,
    );
  }
  const notes = [...raw.value.notes];
  if (cleaned.controlChars + cleaned.formatChars > 0) notes.push('control-chars-removed');
  if (cleaned.mojibakeRepairs > 0) notes.push('mojibake-repaired');
  const value = { text: cleaned.text, encoding: raw.value.encoding, notes };
  if (markup === undefined) return { ok: true, value: { ...value, format: DocumentFormat.TEXT } };
  const read = markup === MarkupKind.HTML ? htmlToText(cleaned.text) : feedToText(cleaned.text);
  if (!read.ok) return reject(RejectionReason.UNSUPPORTED_TYPE, read.detail);
  // Entities may spell controls or bidi overrides (`&#x202E;`): clean the text they became.
  const visible = cleanDecodedText(withTitle(read.value.title, read.value.text));
  const format = markup === MarkupKind.HTML ? DocumentFormat.HTML : DocumentFormat.FEED;
  notes.push(`markup-removed:${format}`);
  return { ok: true, value: { ...value, text: visible.text, format } };
};

export type { DecodeTextOptions };
export { decodeText };
