import { describe, expect, it } from 'vitest';
import {
  foldText,
  MAX_TOKEN_CHARS,
  readContentWords,
  tokenize,
  tokenizeDocument,
} from '../../../../../packages/core/src/classify/tokenize.ts';

const norms = (text: string): string[] => tokenize(text).tokens.map((token) => token.norm);

describe('Function: foldText', () => {
  it.each([
    ['Cocaïne', 'cocaine'],
    ['ÉTATS', 'etats'],
    ['œuvre', 'oeuvre'],
    ['Straße', 'strasse'],
    ['narcotráfico', 'narcotrafico'],
    ['Đảng', 'dang'],
    ['interpol', 'interpol'],
  ])('folds %j to %j', (word, folded) => {
    // Act
    const result = foldText(word);

    // Assess
    expect(result).toBe(folded);
  });
});

describe('Function: tokenize', () => {
  it.each([
    ["l'arrestation", ['arrestation']],
    ['l’arrestation', ['arrestation']],
    ['d’êtres humains', ['etres', 'humains']],
    ["qu'il", ['il']],
    ['jusqu’à Lyon', ['a', 'lyon']],
    ["lorsqu'elle", ['elle']],
    ['puisqu’on', ['on']],
    ["j'ai n'est s'est c'est", ['ai', 'est', 'est', 'est']],
    ['dell’Europa', ['europa']],
    ["un'amica", ['amica']],
  ])('drops the elision in %j', (text, expected) => {
    // Act
    const result = norms(text);

    // Assess
    expect(result).toEqual(expected);
  });

  it('reads a word joined by ZWNJ or ZWJ as one word, folded without the joiner', () => {
    // (The Persian yeh is folded to the Arabic one too, as every Arabic-script letter variant is.)
    // Act
    const { tokens } = tokenize('Ma می\u200cخواهیم ; क्\u200dष \u200d');

    // Assess
    expect(tokens.map((token) => [token.surface, token.norm])).toEqual([
      ['Ma', 'ma'],
      ['می\u200cخواهیم', 'ميخواهيم'],
      ['क्\u200dष', 'कष'],
    ]);
  });

  it.each([
    ['a joiner ending a word', 'ab\u200c\u200c cd\u200c', ['ab', 'cd']],
    ['joiners before a word', '\u200d\u200dab', ['ab']],
    ['letters outside the BMP', '𝐀𝐁c d', ['𝐀𝐁c', 'd']],
    ['a lone surrogate', 'x\ud800y \udc00z', ['x', 'y', 'z']],
    ['a combining mark alone', '\u0301 e\u0301', ['\u0301', 'e\u0301']],
  ])('reads word boundaries like a Unicode letter-or-mark expression: %s', (_, text, surfaces) => {
    // Act
    const { tokens } = tokenize(text);

    // Assess
    expect(tokens.map((token) => token.surface)).toEqual(surfaces);
    expect(tokens.map((token) => token.surface)).toEqual(
      text.match(/[\p{L}\p{M}]+(?:[\u200C\u200D]+[\p{L}\p{M}]+)*/gu),
    );
  });

  it('makes a word longer than MAX_TOKEN_CHARS a token that matches nothing', () => {
    // Prepare
    const blob = 'b'.repeat(MAX_TOKEN_CHARS + 1);
    const longest = 'a'.repeat(MAX_TOKEN_CHARS);

    // Act
    const result = norms(`trafic ${blob} ${longest}`);

    // Assess
    expect(result).toEqual(['trafic', '', longest]);
  });

  it('keeps a lone letter that is not followed by an apostrophe and a letter', () => {
    // Act
    const result = norms("l ' homme");

    // Assess
    expect(result).toEqual(['l', 'homme']);
  });

  it('splits on digits, punctuation and hyphens and strips accents', () => {
    // Act
    const result = norms('Pots-de-vin: 10M€ versés à l’État (2023)!');

    // Assess
    expect(result).toEqual(['pots', 'de', 'vin', 'm', 'verses', 'a', 'etat']);
  });

  it('keeps the surface form, the offset and the position of each word', () => {
    // Act
    const { tokens } = tokenize('Le Trafic d’armes');

    // Assess
    expect(tokens.map(({ surface, offset, index }) => [surface, offset, index])).toEqual([
      ['Le', 0, 0],
      ['Trafic', 3, 1],
      ['armes', 12, 2],
    ]);
  });

  it('marks function words, single letters and possessive s as stop words', () => {
    // Act
    const { tokens } = tokenize("la traite des personnes à Europol's desk");

    // Assess
    expect(tokens.filter((token) => token.stop).map((token) => token.norm)).toEqual([
      'la',
      'des',
      'a',
      's',
    ]);
  });

  it('marks Italian articulated prepositions as stop words', () => {
    // Act
    const { tokens } = tokenize('il quadro dipinto dal maestro sulla tela');

    // Assess
    expect(tokens.filter((token) => token.stop).map((token) => token.norm)).toEqual([
      'il',
      'dal',
      'sulla',
    ]);
  });

  it('numbers lines as segments and flags bulleted lines as list items', () => {
    // Prepare
    const text = 'Intro line.\n\n  • first item\n- second item\n1. third item\nClosing.';

    // Act
    const { tokens, segments } = tokenize(text);

    // Assess
    expect(segments.map((segment) => segment.isListItem)).toEqual([false, true, true, true, false]);
    expect(tokens.find((token) => token.norm === 'closing')?.segment).toBe(4);
  });

  it('counts sentences across the text, a new line always starting one', () => {
    // Act
    const { tokens } = tokenize('Un deux. Trois! Quatre\ncinq');

    // Assess
    expect(tokens.map((token) => token.sentence)).toEqual([0, 0, 1, 2, 3]);
  });
});

describe('Function: tokenizeDocument', () => {
  it('flags the title segment and continues positions into the body', () => {
    // Act
    const { tokens, segments } = tokenizeDocument({
      title: 'Cyberattaque massive',
      body: 'Les hôpitaux visés.',
    });

    // Assess
    expect(segments).toEqual([
      { index: 0, isTitle: true, isListItem: false },
      { index: 1, isTitle: false, isListItem: false },
    ]);
    expect(tokens.map((token) => [token.norm, token.index, token.segment])).toEqual([
      ['cyberattaque', 0, 0],
      ['massive', 1, 0],
      ['les', 2, 1],
      ['hopitaux', 3, 1],
      ['vises', 4, 1],
    ]);
  });
});

describe('Function: readContentWords', () => {
  it('reads the words tokenizeDocument reads, function words left out, with their lines and sentences', () => {
    // Prepare
    const input = {
      title: 'Le trafic d’armes démantelé',
      body: 'La police a saisi des armes. Les trafiquants sont en fuite.\n• Europol’s desk',
    };
    const { tokens } = tokenizeDocument(input);
    const content = tokens.filter((token) => !token.stop);

    // Act
    const read = readContentWords(input);

    // Assess
    expect(read.words.map((word) => [word.surface, word.norm])).toEqual(
      content.map((token) => [token.surface, token.norm]),
    );
    expect(read.lines).toEqual(content.map((token) => token.segment));
    expect(read.sentences).toEqual(content.map((token) => token.sentence));
    expect(read.segments).toEqual(tokenizeDocument(input).segments);
    expect(read.offsets).toEqual([]);
  });

  it('counts the words of the title lines, function words included', () => {
    // Act
    const read = readContentWords({ title: 'Le trafic\nde la drogue', body: 'Un texte.' });

    // Assess
    expect(read.titleWords).toBe(5);
    expect(read.words.map((word) => word.norm)).toEqual(['trafic', 'drogue', 'texte']);
  });

  it('hands out one word object per spelling, across documents', () => {
    // Act
    const first = readContentWords({ title: 'Cocaïne saisie', body: 'cocaïne' });
    const second = readContentWords({ title: '', body: 'Une saisie de Cocaïne.' });

    // Assess
    expect(second.words[1]).toBe(first.words[0]);
    expect(second.words[0]).toBe(first.words[1]);
    expect(first.words[2]).not.toBe(first.words[0]);
    expect(first.words[2]?.norm).toBe(first.words[0]?.norm);
  });

  it('gives an overlong word a word of its own that matches nothing', () => {
    // Prepare
    const blob = 'z'.repeat(MAX_TOKEN_CHARS + 1);

    // Act
    const first = readContentWords({ title: '', body: blob });
    const second = readContentWords({ title: '', body: blob });

    // Assess
    expect(first.words[0]?.norm).toBe('');
    expect(first.words[0]?.surface).toBe(blob);
    expect(second.words[0]).not.toBe(first.words[0]);
  });
});
