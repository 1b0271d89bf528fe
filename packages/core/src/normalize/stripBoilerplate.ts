import {
  type BoilerplatePattern,
  BoilerplateScope,
  type BoilerplateScopeName,
} from './boilerplatePatterns.ts';

/** Bounds of the trailing block a section marker may remove. */
interface StripBoilerplateOptions {
  patterns: readonly BoilerplatePattern[];
  /** How far from the end (in non-empty lines) a section marker may stand. */
  maxTailLines: number;
  /** Largest share of the document's characters a trailing block may hold. */
  maxTailShare: number;
}

interface StrippedLines {
  /** Lines with `''` as paragraph breaks, as given, minus the boilerplate. */
  lines: string[];
  /** Non-empty lines removed. */
  removed: number;
}

// Boilerplate lines are short; longer lines are never tested, which keeps the cost linear.
const MAX_BOILERPLATE_LINE = 300;
// Bullets and markers sites put before boilerplate lines (not ©, which belongs to the line).
const LEADING_DECORATION = /^[♦◆◇►▶▸▹●○•·◦‣∙■□▪▫★☆✓✔✚➤➔➜→⇒›»*#|>\p{Pd} ]+/u;

const matchKey = (line: string): string | undefined =>
  line.length > MAX_BOILERPLATE_LINE ? undefined : line.replace(LEADING_DECORATION, '');

const isBoilerplate = (line: string, patterns: readonly RegExp[]): boolean => {
  const key = matchKey(line);
  if (key === undefined || key === '') return false;
  for (const pattern of patterns) if (pattern.test(key)) return true;
  return false;
};

const ALL_SCOPES = Object.values(BoilerplateScope);

/** The expressions of the patterns of these scopes, in the patterns' order. */
const inScopes = (
  patterns: readonly BoilerplatePattern[],
  scopes: readonly BoilerplateScopeName[],
): RegExp[] =>
  patterns.filter((entry) => scopes.includes(entry.scope)).map((entry) => entry.pattern);

/**
 * The patterns of each test, picked once per document rather than once per
 * line: most lines are tested, and most patterns are of another scope.
 */
interface ScopedPatterns {
  anyLine: readonly RegExp[];
  tailSection: readonly RegExp[];
  all: readonly RegExp[];
}

const lastContentBefore = (lines: readonly string[], end: number): number => {
  let j = end - 1;
  while (j >= 0 && lines[j] === '') j--;
  return j;
};

/** Earliest section marker in the tail window ending at `last` whose block is small enough. */
const findSectionStart = (
  lines: readonly string[],
  title: number,
  last: number,
  budget: number,
  options: StripBoilerplateOptions,
  scoped: ScopedPatterns,
): number => {
  let start = -1;
  let seen = 0;
  let chars = 0;
  for (let k = last; k > title && seen < options.maxTailLines; k--) {
    const line = lines[k] ?? '';
    if (line === '') continue;
    seen++;
    chars += line.length;
    if (chars > budget) break;
    if (isBoilerplate(line, scoped.tailSection)) start = k;
  }
  return start;
};

/**
 * Removes site boilerplate from normalized lines: known never-content lines
 * anywhere, a title repeated right below itself, and at the end of the
 * document trailing boilerplate lines, a trailing repeat of the title, and
 * marked trailing blocks ("NOUVELLES CONNEXES" and the teasers after it)
 * within the configured bounds. The title line itself is never removed.
 *
 * @example
 * stripBoilerplate(['Titre', '', 'Texte.', '', 'Commentaires'], {
 *   patterns: BOILERPLATE_PATTERNS, maxTailLines: 15, maxTailShare: 0.4,
 * }); // { lines: ['Titre', '', 'Texte.', ''], removed: 1 }
 */
const stripBoilerplate = (
  input: readonly string[],
  options: StripBoilerplateOptions,
): StrippedLines => {
  const scoped: ScopedPatterns = {
    anyLine: inScopes(options.patterns, [BoilerplateScope.ANY_LINE]),
    tailSection: inScopes(options.patterns, [BoilerplateScope.TAIL_SECTION]),
    all: inScopes(options.patterns, ALL_SCOPES),
  };
  let removed = 0;
  const lines = input.map((line) => {
    if (line === '' || !isBoilerplate(line, scoped.anyLine)) return line;
    removed++;
    return '';
  });
  const titleIndex = lines.findIndex((line) => line !== '');
  if (titleIndex < 0) return { lines, removed };
  const title = lines[titleIndex] ?? '';

  const second = lines.findIndex((line, index) => index > titleIndex && line !== '');
  if (second >= 0 && lines[second] === title) {
    lines[second] = '';
    removed++;
  }

  let budget = options.maxTailShare * lines.reduce((sum, line) => sum + line.length, 0);
  let end = lines.length;
  for (;;) {
    const last = lastContentBefore(lines, end);
    if (last <= titleIndex) break;
    const line = lines[last] ?? '';
    if (line === title || isBoilerplate(line, scoped.all)) {
      end = last;
      removed++;
      continue;
    }
    const start = findSectionStart(lines, titleIndex, last, budget, options, scoped);
    if (start < 0) break;
    const block = lines.slice(start, last + 1);
    removed += block.filter((entry) => entry !== '').length;
    budget -= block.reduce((sum, entry) => sum + entry.length, 0);
    end = start;
  }
  return { lines: lines.slice(0, end), removed };
};

export type { StripBoilerplateOptions, StrippedLines };
export { stripBoilerplate };
