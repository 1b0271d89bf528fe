import { describe, expect, it } from 'vitest';
import {
  COMPILED_TAXONOMY,
  DEFAULT_TAXONOMY,
} from '../../../../../packages/core/src/classify/defaultTaxonomy.ts';
import {
  compileCues,
  decideFrame,
  detectDocumentFrame,
  FrameConstants,
  frameCuesFor,
} from '../../../../../packages/core/src/classify/documentFrame.ts';

const COMPILED_FRAME_CUES = COMPILED_TAXONOMY.frameCues;
const TAXONOMY_LANGUAGES = DEFAULT_TAXONOMY.languages ?? [];

import { tokenize } from '../../../../../packages/core/src/classify/tokenize.ts';

const frameOf = (text: string, language: string) =>
  detectDocumentFrame(tokenize(text).tokens, () => text, language, COMPILED_FRAME_CUES);

const empty = { fr: [], en: [], es: [], it: [], de: [], pt: [], ar: [] };

describe('Function: detectDocumentFrame', () => {
  it('reads a review of a series as fiction', () => {
    // Act
    const frame = frameOf(
      'La nuova serie in sei episodi, disponibile in streaming, ha un regista giovane e un cast di attori siciliani.',
      'it',
    );

    // Assess
    expect(frame.kind).toBe('fiction');
    expect(frame.cues.fiction).toBeGreaterThanOrEqual(FrameConstants.MIN_CUES);
  });

  it('reads a product launch as commercial news', () => {
    // Act
    const frame = frameOf(
      'The startup unveiled its new product on Tuesday: a subscription service for small customers, after a funding round.',
      'en',
    );

    // Assess
    expect(frame.kind).toBe('commercial');
  });

  it.each([
    [
      'en',
      'Hunters head to the woods for the deer season; archery permits and licences are sold online.',
    ],
    [
      'es',
      'Los institutos acogen una campaña de prevención de las drogodependencias para los alumnos.',
    ],
    [
      'de',
      'Die Jäger eröffnen die Jagdsaison; der Jagdschein wird beim Schützenverein verlängert.',
    ],
    ['ar', 'حملة توعية في المدارس للوقاية من الإدمان بمشاركة المتطوعين وأولياء الأمور.'],
  ])('reads a lawful or preventive use of crime words as lawful (%s)', (language, text) => {
    // Act
    const frame = frameOf(text, language);

    // Assess
    expect(frame.kind).toBe('lawful');
    expect(frame.cues.lawful).toBeGreaterThanOrEqual(FrameConstants.MIN_CUES);
  });

  it('keeps a lawful-use text news as soon as it reports one enforcement event', () => {
    // Act
    const frame = frameOf(
      'Hunters head to the woods for the deer season with new archery permits; one man was arrested.',
      'en',
    );

    // Assess
    expect(frame.cues.lawful).toBeGreaterThanOrEqual(FrameConstants.MIN_CUES);
    expect(frame.cues.enforcement).toBe(FrameConstants.LAWFUL_ENFORCEMENT_EXEMPTION);
    expect(frame.kind).toBe('news');
  });

  it('keeps a lawful-use text news when it tells of an offence taking place', () => {
    // Act
    const frame = frameOf(
      'A gunman attacked the school: pupils were evacuated while parents and teachers waited outside.',
      'en',
    );

    // Assess
    expect(frame.cues.lawful).toBeGreaterThanOrEqual(FrameConstants.MIN_CUES);
    expect(frame.cues.offence).toBeGreaterThan(0);
    expect(frame.cues.enforcement).toBe(0);
    expect(frame.kind).toBe('news');
  });

  it('keeps a text news when it reports enforcement events, whatever its other cues', () => {
    // Act
    const frame = frameOf(
      'The producer of the film and of the series, whose latest episode premiered last week, was arrested and charged with fraud.',
      'en',
    );

    // Assess
    expect(frame.cues.fiction).toBeGreaterThanOrEqual(FrameConstants.MIN_CUES);
    expect(frame.cues.enforcement).toBeGreaterThanOrEqual(FrameConstants.ENFORCEMENT_EXEMPTION);
    expect(frame.kind).toBe('news');
  });

  it('needs several distinct cues: one cue word repeated is not a frame', () => {
    // Act
    const frame = frameOf(
      'Une série de cambriolages, puis une autre série, et encore une série dans le quartier.',
      'fr',
    );

    // Assess
    expect(frame.cues.fiction).toBe(1);
    expect(frame.kind).toBe('news');
  });

  it('counts a critic’s rating as a fiction cue', () => {
    // Prepare
    const text = 'Das Drehbuch ist stark, der Regisseur kennt sein Handwerk. Wertung: 8 von 10.';
    const withoutRating = 'Das Drehbuch ist stark, der Regisseur kennt sein Handwerk.';

    // Act
    const rated = frameOf(text, 'de');
    const unrated = frameOf(withoutRating, 'de');

    // Assess
    expect(rated.kind).toBe('fiction');
    expect(unrated.kind).toBe('news');
  });

  it('reads the cues of the document’s language only', () => {
    // Prepare: French `première` (first) folds to English `premiere`.
    const text = 'La première saison du championnat, le premier film du festival.';

    // Act
    const french = frameOf(text, 'fr');
    const english = frameOf('premiere film cinema', 'en');

    // Assess
    expect(french.cues.fiction).toBe(2);
    expect(english.cues.fiction).toBe(3);
  });

  it('uses the cues of every language for another language', () => {
    // Act
    const frame = frameOf('film serie streaming regista', 'nl');

    // Assess
    expect(frame.kind).toBe('fiction');
  });
});

describe('Function: decideFrame', () => {
  it('does not read the text for a rating unless the rating can decide', () => {
    // Prepare
    let reads = 0;
    const text = () => {
      reads += 1;
      return '9/10';
    };

    // Act
    const none = decideFrame(new Map(), text);
    const oneShort = decideFrame(
      new Map([
        ['film', 'fiction'],
        ['cast', 'fiction'],
      ]),
      text,
    );

    // Assess
    expect(none.kind).toBe('news');
    expect(oneShort.kind).toBe('fiction');
    expect(reads).toBe(1);
  });
});

describe('Function: compileCues', () => {
  it('compiles the built-in cues of every taxonomy language', () => {
    // Assess
    for (const language of TAXONOMY_LANGUAGES) {
      expect(COMPILED_FRAME_CUES?.get(language)?.size).toBeGreaterThan(30);
    }
    expect(frameCuesFor('und', COMPILED_FRAME_CUES).get('regista')).toBe('fiction');
    expect(frameCuesFor('en', COMPILED_FRAME_CUES).get('arrested')).toBe('enforcement');
    expect(frameCuesFor('es', COMPILED_FRAME_CUES).get('prevencion')).toBe('lawful');
    expect(Object.keys(DEFAULT_TAXONOMY.frameCues ?? {})).toEqual([
      'fiction',
      'commercial',
      'lawful',
      'offence',
      'enforcement',
    ]);
  });

  it('rejects a word that is a cue of two kinds in one language', () => {
    // Act & Assess
    expect(() =>
      compileCues({
        fiction: { ...empty, en: ['trial'] },
        commercial: empty,
        enforcement: { ...empty, en: ['trial'] },
      }),
    ).toThrow(/both fiction and enforcement/);
  });

  it('rejects a cue that is not a single word', () => {
    // Act & Assess
    expect(() =>
      compileCues({
        fiction: { ...empty, fr: ['avant-première'] },
        commercial: empty,
        enforcement: empty,
      }),
    ).toThrow(/not one word/);
  });
});
