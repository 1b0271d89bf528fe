/** Structured formats a text file may hold instead of prose. */
const MarkupKind = {
  HTML: 'html',
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

const looksLikeHtml = (text: string): boolean => {
  const start = skipProlog(text, 0);
  const head = text.slice(start, start + 16).toLowerCase();
  return HTML_OPENERS.some((opener) => {
    if (!head.startsWith(opener)) return false;
    const after = head.charAt(opener.length);
    return after === '' || after === '>' || /\s/.test(after);
  });
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
 * Recognises a decoded text that is really a markup or data document: an
 * HTML page (`<!DOCTYPE html`, `<html`… after optional prologs and comments)
 * or a whole JSON object or array. Prose that merely mentions tags or braces
 * is not markup.
 *
 * @example
 * detectMarkup('<!DOCTYPE html><html>…</html>'); // 'html'
 * detectMarkup('{"title": "x"}'); // 'json'
 */
const detectMarkup = (text: string): MarkupKindName | undefined => {
  if (looksLikeHtml(text)) return MarkupKind.HTML;
  if (looksLikeJson(text)) return MarkupKind.JSON;
  return undefined;
};

export type { MarkupKindName };
export { detectMarkup, MarkupKind };
