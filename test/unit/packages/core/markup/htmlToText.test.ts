import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, MAX_NESTING } from '../../../../../packages/core/src/markup/htmlToText.ts';

describe('Function: htmlToText', () => {
  it('takes the first <h1> as title, else the <title>', () => {
    // Act
    const withHeading = htmlToText('<title>Page | Site</title><h1>Le  titre</h1><h1>Autre</h1>');
    const withoutHeading = htmlToText('<title> Page | Site </title><p>Texte</p>');

    // Assess
    expect(withHeading.ok && withHeading.value.title).toBe('Le titre');
    expect(withoutHeading.ok && withoutHeading.value).toEqual({
      title: 'Page | Site',
      text: 'Texte',
    });
  });

  it('ignores the <title> of an inline SVG', () => {
    // Act
    const result = htmlToText('<svg><title>icône</title></svg><p>Texte</p>');

    // Assess
    expect(result).toEqual({ ok: true, value: { title: undefined, text: 'Texte' } });
  });

  it.each([
    ['script', '<script>trafic()</script>'],
    ['style', '<style>p { color: red }</style>'],
    ['template', '<template><p>trafic</p></template>'],
    ['noscript', '<noscript>trafic</noscript>'],
    ['hidden attribute', '<div hidden><p>trafic</p></div>'],
    ['aria-hidden', '<div aria-hidden="TRUE">trafic</div>'],
    ['display:none', '<p style="margin:0;DISPLAY : none">trafic</p>'],
    ['visibility:hidden', '<span style="visibility:hidden">trafic</span>'],
    ['iframe', '<iframe>trafic</iframe>'],
  ])('drops what a %s holds', (_, hidden) => {
    // Act
    const result = htmlToText(`<p>Avant</p>${hidden}<p>Après</p>`);

    // Assess
    expect(result).toEqual({ ok: true, value: { title: undefined, text: 'Avant\n\nAprès' } });
  });

  it('makes blocks paragraphs, <br> a line break, collapses spaces but keeps <pre>', () => {
    // Act
    const result = htmlToText(
      '<p>Un\n   texte <b>gras</b> &amp; fin</p><p>a<br>b</p><ul><li>un</li><li>deux</li></ul><pre>x\n  y</pre>',
    );

    // Assess
    expect(result.ok && result.value.text).toBe(
      'Un texte gras & fin\n\na\nb\n\nun\n\ndeux\n\nx\ny',
    );
  });

  it('refuses nesting deeper than MAX_NESTING and reads nesting up to it', () => {
    // Act
    const deep = htmlToText(`${'<span>'.repeat(MAX_NESTING + 1)}x`);
    const fine = htmlToText(`${'<span>'.repeat(MAX_NESTING)}x`);

    // Assess
    expect(deep.ok).toBe(false);
    expect(fine.ok && fine.value.text).toBe('x');
  });

  it('never returns markup from hostile tag soup', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<p>',
            '</p>',
            '<script>',
            '</script>',
            '<div hidden>',
            '</div>',
            '<',
            '>',
            'mot',
            ' ',
            '&amp;',
            '<!--',
            '-->',
            '<b',
            '"',
          ),
          { maxLength: 60 },
        ),
        (parts) => {
          // Act
          const result = htmlToText(parts.join(''));

          // Assess
          if (result.ok) expect(result.value.text).not.toMatch(/<\/?(?:p|script|div)>/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Function: htmlToText on character references', () => {
  it('never yields a lone surrogate from a numeric reference', () => {
    // Act
    const result = htmlToText('<p>a&#xD800;b&#55296;c</p>');

    // Assess
    const text = result.ok ? result.value.text : '';
    expect(text).toMatch(/^a.b.c$/u);
    expect(text).not.toMatch(/\p{Cs}/u);
  });
});
