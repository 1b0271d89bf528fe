/**
 * Longest first line, in words, still read as a headline. Headlines run 5 to
 * 20 words; a longer first line is the lead paragraph of a text without a
 * title (DICE articles are single paragraphs), and is content to match.
 */
const HEADLINE_MAX_WORDS = 25;

/**
 * The part of a normalized document that near-duplicate detection reads: the
 * body, so that a republished copy with a new headline still matches. When
 * the first line is not a headline (more than `HEADLINE_MAX_WORDS` words) or
 * nothing follows it, that line is content and is kept.
 *
 * @example
 * fingerprintText({ title: 'Blitz a Lampedusa', body: 'Sette scafisti arrestati…' });
 * // 'Sette scafisti arrestati…'
 */
const fingerprintText = ({ title, body }: { title: string; body: string }): string => {
  if (body.trim() === '') return title;
  const words = title.split(/\s+/u).filter((word) => word !== '').length;
  return words > HEADLINE_MAX_WORDS ? `${title}\n${body}` : body;
};

export { fingerprintText, HEADLINE_MAX_WORDS };
