import { Parser } from 'htmlparser2';

/** The visible text of an HTML page or fragment. */
interface HtmlText {
  /** The page's `<h1>`, else its `<title>`, when either holds text. */
  title: string | undefined;
  /** Visible text, one block element per paragraph. */
  text: string;
}

/** Why HTML could not be read. */
type HtmlFailure = { ok: false; detail: string };

/**
 * Deepest element nesting read. htmlparser2 keeps its open elements in an
 * array it shifts and searches at every tag, so unbounded nesting would cost
 * the square of the page's size; real pages stay far below this.
 */
const MAX_NESTING = 256;

// Elements whose content is never shown as text, and navigation menus: page chrome,
// never the document (a site's menu would otherwise open every page's text).
const SKIPPED: ReadonlySet<string> = new Set([
  'nav',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'datalist',
]);
// Elements that end a paragraph of text.
const BLOCKS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const SPACES = /\s+/g;

/** Lines trimmed, runs of blank lines made one, none at either end. */
const tidyLines = (text: string): string => {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' || (out.length > 0 && out.at(-1) !== '')) out.push(trimmed);
  }
  if (out.at(-1) === '') out.pop();
  return out.join('\n');
};

const isHidden = (name: string, attributes: Readonly<Record<string, string>>): boolean =>
  SKIPPED.has(name) ||
  attributes.hidden !== undefined ||
  attributes['aria-hidden']?.trim().toLowerCase() === 'true' ||
  HIDDEN_STYLE.test(attributes.style ?? '');

/**
 * The visible text of an HTML page or fragment, read with htmlparser2 (a
 * tolerant streaming parser: unclosed and misnested tags, entities). Never
 * text: `<title>` (it is the title), `script`, `style`, `template`,
 * `noscript`, `nav` menus, embedded SVG/MathML/frames, and any element marked `hidden`,
 * `aria-hidden="true"` or styled `display:none` / `visibility:hidden`, with
 * everything inside it. Block elements become paragraphs, `<br>` a line
 * break, whitespace runs one space (kept in `<pre>`). The title is the first
 * visible `<h1>`, else the `<title>`. Linear in the input: nesting deeper
 * than `MAX_NESTING` elements is refused.
 *
 * @example
 * htmlToText('<title>T</title><p>Un <b>mot</b><script>x()</script></p>');
 * // { ok: true, value: { title: 'T', text: 'Un mot' } }
 */
const htmlToText = (html: string): { ok: true; value: HtmlText } | HtmlFailure => {
  const open: boolean[] = [];
  let hiddenDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let inFirstH1 = false;
  let seenH1 = false;
  let title = '';
  let h1 = '';
  const parts: string[] = [];
  let tooDeep = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (tooDeep) return;
        const hidden = hiddenDepth > 0 || isHidden(name, attributes);
        open.push(hidden);
        if (open.length > MAX_NESTING) {
          tooDeep = true;
          parser.pause();
          return;
        }
        if (hidden) {
          hiddenDepth++;
          return;
        }
        if (name === 'title') inTitle = title === '';
        if (name === 'pre') preDepth++;
        if (name === 'h1' && !seenH1) inFirstH1 = true;
        if (name === 'br') parts.push('\n');
        else if (BLOCKS.has(name)) parts.push('\n\n');
      },
      onclosetag(name) {
        if (tooDeep) return;
        const wasHidden = open.pop() ?? false;
        if (wasHidden) {
          hiddenDepth--;
          return;
        }
        if (name === 'title') inTitle = false;
        if (name === 'pre' && preDepth > 0) preDepth--;
        if (name === 'h1' && inFirstH1) {
          inFirstH1 = false;
          seenH1 = h1.trim() !== '';
        }
        if (BLOCKS.has(name)) parts.push('\n\n');
      },
      ontext(data) {
        if (hiddenDepth > 0) return;
        if (inTitle) {
          title += data;
          return;
        }
        const text = preDepth > 0 ? data : data.replace(SPACES, ' ');
        parts.push(text);
        if (inFirstH1) h1 += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (tooDeep) {
    return { ok: false, detail: `HTML nested deeper than ${MAX_NESTING} elements` };
  }
  const heading = h1.replace(SPACES, ' ').trim();
  const pageTitle = title.replace(SPACES, ' ').trim();
  const chosen = heading !== '' ? heading : pageTitle;
  return {
    ok: true,
    value: { title: chosen === '' ? undefined : chosen, text: tidyLines(parts.join('')) },
  };
};

export type { HtmlText };
export { htmlToText, MAX_NESTING };
