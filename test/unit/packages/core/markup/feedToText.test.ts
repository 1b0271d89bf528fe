import { describe, expect, it } from 'vitest';
import { feedToText } from '../../../../../packages/core/src/markup/feedToText.ts';

describe('Function: feedToText', () => {
  it('reads RSS 1.0 (RDF) items and leaves links and dates out', () => {
    // Prepare
    const rdf =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">' +
      '<channel><title>Fil</title><link>https://x.test</link></channel>' +
      '<item><title>Titre un</title><link>https://x.test/1</link><description>Texte un.</description></item>' +
      '</rdf:RDF>';

    // Act
    const result = feedToText(rdf);

    // Assess
    expect(result).toEqual({
      ok: true,
      value: { title: 'Fil', text: 'Titre un\n\nTexte un.', items: 1 },
    });
  });

  it('reads Atom xhtml content without its scripts', () => {
    // Prepare
    const atom =
      '<feed><title>F</title><entry><title>E</title><content type="xhtml"><div><p>Texte</p>' +
      '<script>trafic()</script></div></content></entry></feed>';

    // Act
    const result = feedToText(atom);

    // Assess
    expect(result.ok && result.value.text).toBe('E\n\nTexte');
  });

  it('refuses a feed nested without end', () => {
    // Act
    const result = feedToText(`<rss>${'<x>'.repeat(1_000)}`);

    // Assess
    expect(result.ok).toBe(false);
  });
});
