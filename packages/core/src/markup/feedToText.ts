import { Parser } from 'htmlparser2';
import { htmlToText } from './htmlToText.ts';

/** The readable text of an RSS or Atom feed. */
interface FeedText {
  /** The feed's own title, when it has one. */
  title: string | undefined;
  /** Each item's title and description, one paragraph each, in feed order. */
  text: string;
  items: number;
}

// Elements whose text is an item's body; their content is often escaped HTML.
const BODIES: ReadonlySet<string> = new Set([
  'description',
  'summary',
  'content',
  'content:encoded',
]);
const ITEMS: ReadonlySet<string> = new Set(['item', 'entry']);
const UNREAD: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript']);
/** Same bound as HTML: the parser's cost per tag grows with the nesting. */
const MAX_FEED_NESTING = 64;

interface Item {
  title: string;
  body: string;
}

const visible = (markup: string): string => {
  const read = htmlToText(markup);
  return read.ok ? read.value.text : '';
};

/**
 * The items of an RSS (0.9x, 1.0/RDF, 2.0) or Atom feed as text: each item's
 * title, then its description (`description`, `summary`, `content`,
 * `content:encoded`), whose HTML is read like a page (see `htmlToText`:
 * scripts and hidden content never reach the text). The feed's own title is
 * the title. Links, dates, ids and other metadata are left out.
 *
 * @example
 * feedToText('<rss><channel><title>F</title><item><title>A</title>' +
 *   '<description>&lt;p&gt;Texte&lt;/p&gt;</description></item></channel></rss>');
 * // { ok: true, value: { title: 'F', text: 'A\n\nTexte', items: 1 } }
 */
const feedToText = (xml: string): { ok: true; value: FeedText } | { ok: false; detail: string } => {
  const items: Item[] = [];
  const path: string[] = [];
  let feedTitle = '';
  let current: Item | undefined;
  let tooDeep = false;
  const parser = new Parser(
    {
      onopentag(name) {
        path.push(name);
        if (path.length > MAX_FEED_NESTING) {
          tooDeep = true;
          parser.pause();
          return;
        }
        if (ITEMS.has(name)) current = { title: '', body: '' };
      },
      onclosetag(name) {
        path.pop();
        if (ITEMS.has(name) && current !== undefined) {
          items.push(current);
          current = undefined;
        }
      },
      ontext(data) {
        const element = path.at(-1) ?? '';
        if (current === undefined) {
          if (element === 'title' && path.length <= 3) feedTitle += data;
          return;
        }
        if (element === 'title') current.title += data;
        else if (BODIES.has(element)) current.body += data;
        // Atom `type="xhtml"` content is inline elements: keep their text, not scripts or styles.
        else if (!UNREAD.has(element) && path.some((name) => BODIES.has(name))) {
          current.body += ` ${data}`;
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  if (tooDeep) {
    return { ok: false, detail: `feed nested deeper than ${MAX_FEED_NESTING} elements` };
  }
  const paragraphs = items
    .flatMap((item) => [visible(item.title), visible(item.body)])
    .filter((paragraph) => paragraph !== '');
  const title = visible(feedTitle).replace(/\s+/g, ' ').trim();
  return {
    ok: true,
    value: {
      title: title === '' ? undefined : title,
      text: paragraphs.join('\n\n'),
      items: items.length,
    },
  };
};

export type { FeedText };
export { feedToText };
