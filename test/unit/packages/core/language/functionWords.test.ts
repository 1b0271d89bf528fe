import { describe, expect, it } from 'vitest';
import {
  favours,
  nameLanguage,
  readFunctionWords,
  sumEvidence,
} from '../../../../../packages/core/src/language/functionWords.ts';

const CLEAR = { minScore: 1.5, minRatio: 3, minCoverage: 0.15 };

// Written for these tests: one news sentence per language the reading names.
const SENTENCES = {
  fra: 'La police a arrêté trois hommes dans le cadre d’une enquête sur un réseau de trafic.',
  eng: 'The police arrested three men on Tuesday as part of an inquiry into a smuggling ring.',
  spa: 'Según la fiscalía, los detenidos fueron trasladados por la policía a la comisaría, y también los acusa de formar parte de una red con sede en el puerto.',
  ita: 'La polizia ha arrestato tre uomini nella periferia della città per una rete di traffico.',
  deu: 'Die Polizei hat am Dienstag drei Männer im Rahmen der Ermittlungen gegen eine Bande festgenommen.',
  por: 'Segundo o Ministério Público, os detidos não foram levados pela polícia para a esquadra e são acusados de fazer parte de uma rede com sede no porto.',
} as const;

// Written for these tests: neighbours whose function words overlap the named languages'.
const NEIGHBOURS = {
  cat: 'La policia va detenir tres homes dimarts en el marc de les investigacions sobre una xarxa amb els seus caps.',
  glg: 'A policía detivo tres homes na terza feira no marco dunha investigación sobre unha rede polo porto.',
  nld: 'De politie heeft dinsdag drie mannen aangehouden in het kader van een onderzoek naar een bende.',
};

describe('Function: readFunctionWords', () => {
  it('counts the words and the function words of each language', () => {
    // Act
    const evidence = readFunctionWords('Le chat et la souris dans la maison');

    // Assess
    expect(evidence?.words).toBe(8);
    expect(evidence?.hits[0]).toBe(5); // le, et, la, dans, la
  });

  it.each([
    ['Arabic', 'الشرطة أوقفت ثلاثة مشتبه بهم'],
    ['Cyrillic', 'Полиция задержала трёх подозреваемых'],
    ['Vietnamese', 'Cảnh sát kiểm tra một chiếc xuồng'],
    ['combining marks (NFD)', 'Le cafe\u0301 de la gare'],
  ])('gives no evidence for a text with letters beyond Latin: %s', (_, text) => {
    // Act
    const evidence = readFunctionWords(text);

    // Assess
    expect(evidence).toBeUndefined();
  });

  it('reads punctuation beyond Latin (quotes, dashes) as separators', () => {
    // Act
    const evidence = readFunctionWords('« L’enquête » – selon le parquet…');

    // Assess
    expect(evidence?.words).toBe(5);
  });

  it('reads capitals as their lowercase, letters of other blocks included', () => {
    // Act
    const upper = readFunctionWords('LE CHAT ET LA SOURIS DANS LA MAISON');
    const sharpS = readFunctionWords('die STRAẞE und der Weg');
    const kelvin = readFunctionWords('\u212A\u212Aa le');

    // Assess
    expect(upper).toEqual(readFunctionWords('le chat et la souris dans la maison'));
    expect(sharpS).toEqual(readFunctionWords('die straße und der weg'));
    expect(kelvin?.words).toBe(2);
  });

  it.each([
    ['a dotted capital I (lowercase: i and a combining dot)', 'İstanbul le la'],
    ['a lone surrogate', 'le \ud800 la'],
    ['a letter outside the BMP', 'le 𝐀 la'],
  ])('gives no evidence for a text with %s', (_, text) => {
    // Act
    const evidence = readFunctionWords(text);

    // Assess
    expect(evidence).toBeUndefined();
  });

  it('notes a separator of the Arabic blocks, and only then', () => {
    // Act
    const withDigit = readFunctionWords('le numéro ٣ de la liste');
    const without = readFunctionWords('le numéro 3 de la liste');

    // Assess
    expect(withDigit?.arabicBlockUnits).toBe(true);
    expect(without?.arabicBlockUnits).toBe(false);
  });

  it('reads any text as it reads its lowercase copy', () => {
    // Prepare: random texts over capitals, lowercase and special units, and every BMP unit between words
    const alphabet = [...'aAzZéÉßẞİıKÅΣσςДд٣،ابـ\u0307 ,.’-1ªºµ×÷ÀÞþÿĀɏɐ\uFEFFⒶⅠ\u00A0lLeEsSdD'];
    let seed = 14;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const texts: string[] = [];
    for (let n = 0; n < 3_000; n++) {
      const length = Math.floor(random() * 24);
      texts.push(
        Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
      );
    }
    for (let unit = 0; unit < 0x10000; unit += 7) texts.push(`LE ${String.fromCharCode(unit)}A DE`);

    // Act
    const differing = texts.filter(
      (text) =>
        JSON.stringify(readFunctionWords(text)) !==
        JSON.stringify(readFunctionWords(text.toLowerCase())),
    );

    // Assess
    expect(differing).toEqual([]);
  });
});

describe('Function: nameLanguage', () => {
  it.each(Object.entries(SENTENCES))('names %s', (code, text) => {
    // Act
    const named = nameLanguage(readFunctionWords(text) ?? sumEvidence([]), CLEAR);

    // Assess
    expect(named).toBe(code);
  });

  it.each(Object.entries(NEIGHBOURS))('names no language for a neighbour, %s', (_, text) => {
    // Act
    const named = nameLanguage(readFunctionWords(text) ?? sumEvidence([]), CLEAR);

    // Assess
    expect(named).toBeUndefined();
  });

  it.each([
    ['too few function words', 'Europol : 15 arrestations'],
    ['no clear winner', '• la lutte contre le terrorisme'],
    [
      'too few words of the winner',
      'Marseille Lyon Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes dans le',
    ],
    ['no words', '12 345 !!!'],
  ])('names no language when uncertain: %s', (_, text) => {
    // Act
    const named = nameLanguage(readFunctionWords(text) ?? sumEvidence([]), CLEAR);

    // Assess
    expect(named).toBeUndefined();
  });
});

describe('Function: favours', () => {
  it('accepts a language tied for the highest score', () => {
    // Prepare
    const evidence = readFunctionWords('• la lutte contre le terrorisme') ?? sumEvidence([]);

    // Act & Assess
    expect(favours(evidence, 'fra')).toBe(true);
    expect(favours(evidence, 'eng')).toBe(false);
  });

  it('refuses a language without any function word', () => {
    // Act & Assess
    expect(favours(sumEvidence([]), 'fra')).toBe(false);
  });
});

describe('Function: sumEvidence', () => {
  it('adds the evidence of several texts and skips missing ones', () => {
    // Prepare
    const a = readFunctionWords('le chat');
    const b = readFunctionWords('the cat');

    // Act
    const total = sumEvidence([a, undefined, b]);

    // Assess
    expect(total.words).toBe(4);
    expect(total.hits[0]).toBe(1);
    expect(total.hits[1]).toBe(1);
  });
});
