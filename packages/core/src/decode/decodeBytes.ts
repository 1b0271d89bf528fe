import type { TextEncodingName } from '@doc-ingest/contracts';
import { RejectionReason, TextEncoding } from '@doc-ingest/contracts';
import type { StageResult } from '../types.ts';
import { detectLegacyEncoding, legacyDecoder } from './detectLegacyEncoding.ts';
import { looksLikeUtf16 } from './looksLikeUtf16.ts';
import { looksWestern } from './looksWestern.ts';
import { scanUtf8 } from './scanUtf8.ts';

/** Text as read from bytes, before any cleaning. */
interface RawText {
  text: string;
  encoding: TextEncodingName;
  notes: string[];
}

// Decoders are stateless between non-streaming calls: create them once.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');
// Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D unassigned; its decoder maps them to C1 controls.
const C1_CONTROL = /[\u0080-\u009F]/;

const reject = (
  reason: (typeof RejectionReason)[keyof typeof RejectionReason],
  detail: string,
): StageResult<RawText> => ({ ok: false, rejection: { reason, detail } });

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

const hex = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

const tryDecode = (decoder: typeof UTF8, bytes: Uint8Array): string | undefined => {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
};

const decodeUtf16 = (
  bytes: Uint8Array,
  encoding: typeof TextEncoding.UTF16LE | typeof TextEncoding.UTF16BE,
): StageResult<RawText> => {
  const decoder = encoding === TextEncoding.UTF16LE ? UTF16LE : UTF16BE;
  const text = tryDecode(decoder, bytes.subarray(2));
  if (text === undefined) {
    return reject(
      RejectionReason.UNDETECTED_ENCODING,
      `${encoding.toUpperCase()} byte order mark, but the rest is not well-formed ${encoding.toUpperCase()} (odd length or unpaired surrogate)`,
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return reject(
      RejectionReason.BINARY_CONTENT,
      `${encoding.toUpperCase()} text holds a NUL character at character ${nul}`,
    );
  }
  return { ok: true, value: { text, encoding, notes: ['bom-stripped'] } };
};

const decodeLegacy = (bytes: Uint8Array, offset: number): StageResult<RawText> => {
  const scan = scanUtf8(bytes);
  const at = scan.firstInvalidOffset + offset;
  // A UTF-8 BOM declares the encoding: invalid bytes after it are corruption, not a legacy encoding.
  if (offset > 0 || scan.multiByteSequences >= scan.invalidSequences) {
    const truncated = scan.truncatedAtEnd
      ? ': a multi-byte character is cut by the end of the object (truncated upload?)'
      : ' amid valid multi-byte sequences (corrupted or mixed encodings)';
    return reject(RejectionReason.INVALID_UTF8, `invalid UTF-8 at byte ${at}${truncated}`);
  }
  // Every legacy text goes through the detector: an accented letter alone cannot tell
  // French `ñ`, `ê` from Polish `ń`, `ę` read as Windows-1252.
  const detection = detectLegacyEncoding(bytes);
  if (detection.ok && detection.encoding !== TextEncoding.WINDOWS_1252) {
    const text = legacyDecoder(detection.encoding).decode(bytes);
    if (!C1_CONTROL.test(text)) {
      return { ok: true, value: { text, encoding: detection.encoding, notes: [] } };
    }
    return reject(
      RejectionReason.UNDETECTED_ENCODING,
      `not UTF-8 (invalid at byte ${at}); reads as ${detection.encoding} but holds bytes it leaves unassigned`,
    );
  }
  const text = WINDOWS_1252.decode(bytes);
  if (C1_CONTROL.test(text)) {
    const unassigned = bytes.findIndex(
      (b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d,
    );
    return reject(
      RejectionReason.UNDETECTED_ENCODING,
      `not UTF-8 (invalid at byte ${at}) and not Windows-1252 (byte ${hex(bytes[unassigned] ?? 0)} at ${unassigned + offset} is unassigned)`,
    );
  }
  // Windows-1252 needs the statistics not to point elsewhere, and words that read as Western.
  const possible = detection.ok || detection.westernPossible;
  if (!possible || !looksWestern(text)) {
    const guess = detection.ok ? 'Windows-1252 by its statistics' : detection.detail;
    return reject(
      RejectionReason.UNDETECTED_ENCODING,
      possible
        ? `not UTF-8 (invalid at byte ${at}); ${guess}, but read as Windows-1252 its words look like another encoding (mojibake)`
        : `not UTF-8 (invalid at byte ${at}) and no single-byte encoding is certain: ${guess}`,
    );
  }
  return { ok: true, value: { text, encoding: TextEncoding.WINDOWS_1252, notes: [] } };
};

/**
 * Reads bytes as text by the project's encoding rule: a BOM decides first
 * (UTF-8 BOM stripped, FF FE / FE FF as UTF-16); then NUL bytes reject
 * (`undetected-encoding` when they look like BOM-less UTF-16, else
 * `binary-content`); then valid UTF-8; then `invalid-utf8` when well-formed
 * multi-byte sequences sit among invalid ones; then the single-byte legacy
 * encoding a charset detector names with confidence (Cyrillic, Central
 * European, Greek, Turkish, Hebrew, Arabic, Baltic, Vietnamese: see
 * `detectLegacyEncoding`); then Windows-1252 when no byte is unassigned in
 * it and its words read as Western European (see `looksWestern`); else
 * `undetected-encoding`, never mojibake.
 *
 * @example
 * const raw = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]));
 * // { ok: true, value: { text: 'hi', encoding: 'utf-8-bom', notes: ['bom-stripped'] } }
 */
const decodeBytes = (bytes: Uint8Array): StageResult<RawText> => {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return reject(
      RejectionReason.UNDETECTED_ENCODING,
      'UTF-32 byte order mark: UTF-32 is not a supported encoding',
    );
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, TextEncoding.UTF16LE);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, TextEncoding.UTF16BE);
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const offset = hasBom ? 3 : 0;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    return looksLikeUtf16(body)
      ? reject(
          RejectionReason.UNDETECTED_ENCODING,
          'NUL bytes on alternate positions: looks like UTF-16 without a byte order mark, whose byte order cannot be known for sure',
        )
      : reject(
          RejectionReason.BINARY_CONTENT,
          `NUL byte at offset ${nul + offset}: binary data, not text`,
        );
  }
  const text = tryDecode(UTF8, body);
  if (text === undefined) return decodeLegacy(body, offset);
  return hasBom
    ? { ok: true, value: { text, encoding: TextEncoding.UTF8_BOM, notes: ['bom-stripped'] } }
    : { ok: true, value: { text, encoding: TextEncoding.UTF8, notes: [] } };
};

export type { RawText };
export { decodeBytes };
