import { describe, expect, it } from 'vitest';
import { cleanDecodedText } from '../../../../../packages/core/src/decode/cleanDecodedText.ts';

describe('Function: cleanDecodedText', () => {
  it('returns text that needs nothing as is', () => {
    // Prepare
    const text = 'Le Vietnam participe à la 86e Assemblée « générale » d’Interpol.\n\tFin.\r\n';

    // Act
    const cleaned = cleanDecodedText(text);

    // Assess
    expect(cleaned).toEqual({
      text,
      controlChars: 0,
      strayControls: 0,
      formatChars: 0,
      mojibakeRepairs: 0,
    });
  });

  it.each([
    ['BEL', 'a\u0007b', 'ab'],
    ['NUL', 'a\u0000b', 'ab'],
    ['DEL', 'a\u007fb', 'ab'],
    ['a C1 control', 'a\u0090b', 'ab'],
    ['form feed (as a space)', 'a\fb', 'a b'],
    ['vertical tab (as a space)', 'a\u000bb', 'a b'],
    ['NEL (as a line break)', 'a\u0085b', 'a\nb'],
    ['ANSI bold', '\u001b[1mgras\u001b[0m', 'gras'],
    ['an ANSI colour', '\u001b[38;5;196mrouge\u001b[39m', 'rouge'],
    ['an OSC title', '\u001b]0;titre\u0007texte', 'texte'],
    ['a lone ESC', 'a\u001b', 'a'],
  ])('removes %s', (_, input, expected) => {
    // Act
    const cleaned = cleanDecodedText(input);

    // Assess
    expect(cleaned.text).toBe(expected);
    expect(cleaned.controlChars).toBeGreaterThan(0);
  });

  it('counts as stray only controls that are neither whitespace nor escapes', () => {
    // Prepare
    const input = '\u001b[31mrouge\u001b[0m\f\u000b\u0085a\u0007b\u0000c\u0090';

    // Act
    const cleaned = cleanDecodedText(input);

    // Assess
    expect(cleaned).toMatchObject({ text: 'rouge  \nabc', controlChars: 8, strayControls: 3 });
  });

  it.each([
    ['zero-width space', 'chan\u200bces'],
    ['right-to-left override', 'chan\u202eces'],
    ['first-strong isolate', 'chan\u2068ces'],
    ['soft hyphen', 'chan\u00adces'],
    ['BOM inside text', 'chan\ufeffces'],
    ['word joiner', 'chan\u2060ces'],
    ['left-to-right mark', 'chan\u200eces'],
  ])('removes a %s', (_, input) => {
    // Act
    const cleaned = cleanDecodedText(input);

    // Assess
    expect(cleaned).toEqual({
      text: 'chances',
      controlChars: 0,
      strayControls: 0,
      formatChars: 1,
      mojibakeRepairs: 0,
    });
  });

  it.each([
    ['a Persian word with a zero-width non-joiner', 'می\u200cخواهیم'],
    ['an emoji ZWJ sequence', 'famille \u{1F468}\u200d\u{1F469}\u200d\u{1F467}'],
    ['an emoji with a variation selector', 'cœur \u2764\ufe0f'],
    ['a Devanagari conjunct with a zero-width joiner', 'क्\u200dष'],
  ])('keeps %s as written', (_, input) => {
    // Act
    const cleaned = cleanDecodedText(input);

    // Assess
    expect(cleaned).toMatchObject({ text: input, formatChars: 0, controlChars: 0 });
  });

  it.each([
    ['Ã©tÃ©', 'été'],
    ['lâ€™ONU', 'l’ONU'],
    ['Ã\u00a0 Paris', 'à Paris'],
    ['Â«\u00a0Texte\u00a0Â»', '«\u00a0Texte\u00a0»'],
    ['Ã‰tats', 'États'],
    ['Å“uvre', 'œuvre'],
    ['â€œcitationâ€\u009d', '“citation”'],
    ['â€“ tiret', '– tiret'],
    ['â™¦ Recevez', '♦ Recevez'],
    ['ThÆ°á»£ng tÆ°á»›ng', 'Thượng tướng'],
    ['ï»¿Titre', 'Titre'],
    ['ÃƒÂ©tÃƒÂ©', 'été'],
  ])('repairs the mojibake %j', (input, expected) => {
    // Act
    const cleaned = cleanDecodedText(input);

    // Assess
    expect(cleaned.text).toBe(expected);
    expect(cleaned.mojibakeRepairs).toBeGreaterThan(0);
  });

  it.each([
    '«CAFÉ»',
    '«PERDÓN»',
    '“L’ÉTÉ”',
    'È»',
    'SÃO PAULO, NÃO',
    'Straße…',
    'passé…”',
    'Ã seul',
    'théâtre, âge, naïve, Noël',
  ])('leaves the legitimate %j alone', (text) => {
    // Act
    const cleaned = cleanDecodedText(text);

    // Assess
    expect(cleaned).toEqual({
      text,
      controlChars: 0,
      strayControls: 0,
      formatChars: 0,
      mojibakeRepairs: 0,
    });
  });

  it('cleans a 300 KB single line full of repairs', () => {
    // Prepare
    const text = 'Ã©tÃ©\u200b '.repeat(40_000);

    // Act
    const cleaned = cleanDecodedText(text);

    // Assess
    expect(cleaned.text).toBe('été '.repeat(40_000));
    expect(cleaned.mojibakeRepairs).toBe(80_000);
  });
});
