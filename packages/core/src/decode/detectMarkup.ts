/** Structured formats a text file may hold instead of prose. */
const MarkupKind = {
  /** A whole HTML page, or a fragment of one (tags around the prose). */
  HTML: 'html',
  /** An RSS or Atom feed. */
  FEED: 'feed',
  /** Any other XML document. */
  XML: 'xml',
  RTF: 'rtf',
  JSON: 'json',
} as const;

type MarkupKindName = (typeof MarkupKind)[keyof typeof MarkupKind];

// Prologs saved pages start with before the root element: `<?xml …?>`, `<!-- saved from url=… -->`.
const PROLOG_SCAN_LIMIT = 4096;
const HTML_OPENERS = ['<!doctype html', '<html', '<head', '<body'] as const;

const skipSpaces = (text: string, from: number): number => {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
};

const skipProlog = (text: string, from: number): number => {
  let i = skipSpaces(text, from);
  while (i < PROLOG_SCAN_LIMIT) {
    const close = text.startsWith('<?', i)
      ? text.indexOf('?>', i)
      : text.startsWith('<!--', i)
        ? text.indexOf('-->', i)
        : -1;
    if (close < 0) return i;
    i = skipSpaces(text, close + (text.charAt(close) === '?' ? 2 : 3));
  }
  return i;
};

const opensWith = (head: string, opener: string): boolean => {
  if (!head.startsWith(opener)) return false;
  const after = head.charAt(opener.length);
  return after === '' || after === '>' || after === '/' || /\s/.test(after);
};

const looksLikeHtml = (head: string): boolean =>
  HTML_OPENERS.some((opener) => opensWith(head, opener));

const FEED_ROOTS = ['<rss', '<feed', '<rdf:rdf'] as const;

// Tag names of HTML that prose does not write between angle brackets by chance.
const HTML_TAGS: ReadonlySet<string> = new Set(
  (
    'a abbr article aside b blockquote body br button caption cite code dd div dl dt em ' +
    'figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ' +
    'label li link main meta nav noscript ol option p pre section select small span strong ' +
    'style sub sup table tbody td template textarea tfoot th thead title tr u ul script'
  ).split(' '),
);
// A tag opening: `<name` or `</name` followed by a space, `>` or `/`. Bounded: no backtracking.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,9})(?=[\s>/])/g;
const ACTIVE_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'iframe', 'template']);
/** Tags a text needs to be taken for an HTML fragment when it does not start with one. */
const MIN_FRAGMENT_TAGS = 4;

/**
 * HTML saved without its `<html>` wrapper (a `.txt` holding `<p>…</p>`): it
 * starts with a known tag and closes one, or holds at least four known tags
 * with a closing one, or any script, style, iframe or template element.
 */
const looksLikeHtmlFragment = (text: string, start: number): boolean => {
  let tags = 0;
  let closing = 0;
  let active = false;
  let first = true;
  let startsWithTag = false;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(text); match !== null; match = TAG.exec(text)) {
    const name = (match[2] ?? '').toLowerCase();
    const known = HTML_TAGS.has(name);
    if (first) startsWithTag = known && match.index === start;
    first = false;
    if (!known) continue;
    tags++;
    if (match[1] === '/') closing++;
    if (ACTIVE_TAGS.has(name)) active = true;
  }
  if (closing === 0) return false;
  return startsWithTag || tags >= MIN_FRAGMENT_TAGS || active;
};

const looksLikeJson = (text: string): boolean => {
  const start = skipSpaces(text, 0);
  const first = text.charAt(start);
  if (first !== '{' && first !== '[') return false;
  const last = text.trimEnd().slice(-1);
  if (last !== (first === '{' ? '}' : ']')) return false;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
};

/**
 * Recognises a decoded text that is really a markup or data document: RTF
 * (`{\\rtf`), an HTML page (`<!DOCTYPE html`, `<html`… after optional
 * prologs and comments), an RSS or Atom feed (root `rss`, `feed`,
 * `rdf:RDF`), other XML (`<?xml` with another root), a whole JSON object or
 * array, or an HTML fragment (see `looksLikeHtmlFragment`). Prose that merely
 * mentions a tag or braces is not markup. Linear in the text.
 *
 * @example
 * detectMarkup('<!DOCTYPE html><html>…</html>'); // 'html'
 * detectMarkup('<p>Un paragraphe</p>'); // 'html'
 * detectMarkup('{"title": "x"}'); // 'json'
 */
const detectMarkup = (text: string): MarkupKindName | undefined => {
  const first = skipSpaces(text, 0);
  if (text.startsWith('{\\rtf', first)) return MarkupKind.RTF;
  const start = skipProlog(text, 0);
  const head = text.slice(start, start + 16).toLowerCase();
  if (looksLikeHtml(head)) return MarkupKind.HTML;
  if (FEED_ROOTS.some((root) => opensWith(head, root))) return MarkupKind.FEED;
  if (text.startsWith('<?xml', first)) return MarkupKind.XML;
  if (looksLikeJson(text)) return MarkupKind.JSON;
  if (looksLikeHtmlFragment(text, first)) return MarkupKind.HTML;
  return undefined;
};

export type { MarkupKindName };
export { detectMarkup, MarkupKind };
