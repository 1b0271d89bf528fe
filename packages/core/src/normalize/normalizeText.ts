import { RejectionReason } from '@doc-ingest/contracts';
import type { NormalizedText, StageResult } from '../types.ts';
import { BOILERPLATE_PATTERNS, type BoilerplatePattern } from './boilerplatePatterns.ts';
import { capCombiningMarks } from './capCombiningMarks.ts';
import { splitLines } from './splitLines.ts';
import { stripBoilerplate } from './stripBoilerplate.ts';

/** Options of `normalizeText`. */
interface NormalizeOptions {
  /**
   * Remove site boilerplate (comment headings, newsletter and app lines,
   * related-article tails, "powered by", a trailing repeat of the title).
   * @default true
   */
  stripBoilerplate?: boolean;
  /**
   * Patterns added to the built-in `BOILERPLATE_PATTERNS`, e.g. one site's footer.
   * @default []
   */
  extraBoilerplatePatterns?: readonly BoilerplatePattern[];
  /**
   * How many non-empty lines from the end a related-articles or comments
   * marker may stand and still remove the block after it.
   * @default 15
   */
  maxTailLines?: number;
  /**
   * Largest share of the document's characters that trailing blocks may remove.
   * @default 0.4
   */
  maxTailShare?: number;
}

const defaults = {
  stripBoilerplate: true,
  extraBoilerplatePatterns: [],
  maxTailLines: 15,
  maxTailShare: 0.4,
} as const satisfies Required<NormalizeOptions>;

/**
 * The same characters in a string of their own. A line is a slice of the
 * whole decoded text, and V8 keeps a slice as a view that holds all of that
 * text alive: a title kept by a caller (the store of `ingest process` keeps
 * one per document, a 1 MB text's title would hold 2 MB) would keep the text
 * it came from. Concatenating forces a new flat string; slicing off the added
 * character then views only that copy.
 */
const detached = (line: string): string => ` ${line}`.slice(1);

/** Turns each run of `''` into one, none at either end. */
const collapseBlankLines = (lines: readonly string[]): string[] => {
  const out: string[] = [];
  for (const line of lines) {
    if (line !== '' || (out.length > 0 && out.at(-1) !== '')) out.push(line);
  }
  if (out.at(-1) === '') out.pop();
  return out;
};

/**
 * Canonical form of a decoded text, the basis of the content hash: runs of
 * combining marks cut to 30 (see `capCombiningMarks`), NFC, LF
 * line endings, every Unicode space as one plain space, trimmed lines,
 * paragraphs separated by exactly one blank line, site boilerplate removed,
 * trimmed. Equal content in any encoding or layout gives the same string.
 * The first line is the title. Rejects `empty-after-normalization`.
 *
 * @example
 * const normalized = normalizeText('Titre\r\n\r\n\r\nTexte\u00a0!  \r\nCommentaires');
 * // { ok: true, value: { text: 'Titre\n\nTexte !', title: 'Titre', body: 'Texte !',
 * //   notes: ['boilerplate-removed:1'] } }
 */
const normalizeText = (
  text: string,
  options: NormalizeOptions = {},
): StageResult<NormalizedText> => {
  const config = { ...defaults, ...options };
  let lines = splitLines(capCombiningMarks(text).normalize('NFC'));
  const notes: string[] = [];
  if (config.stripBoilerplate && lines.length > 1) {
    const stripped = stripBoilerplate(lines, {
      patterns: [...BOILERPLATE_PATTERNS, ...config.extraBoilerplatePatterns],
      maxTailLines: config.maxTailLines,
      maxTailShare: config.maxTailShare,
    });
    if (stripped.removed > 0) {
      lines = collapseBlankLines(stripped.lines);
      notes.push(`boilerplate-removed:${stripped.removed}`);
    }
  }
  const firstLine = lines[0];
  if (firstLine === undefined) {
    return {
      ok: false,
      rejection: {
        reason: RejectionReason.EMPTY_AFTER_NORMALIZATION,
        detail: 'no visible character is left once whitespace and boilerplate are removed',
      },
    };
  }
  const title = detached(firstLine);
  const canonical = lines.join('\n');
  const bodyStart = Math.min(canonical.length, title.length + (lines[1] === '' ? 2 : 1));
  return {
    ok: true,
    value: { text: canonical, title, body: canonical.slice(bodyStart), notes },
  };
};

export type { NormalizeOptions };
export { normalizeText };
