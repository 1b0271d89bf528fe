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
