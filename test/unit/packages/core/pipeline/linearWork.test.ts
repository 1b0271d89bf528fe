import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TOKEN_CHARS, tokenize } from '../../../../../packages/core/src/classify/tokenize.ts';
import {
  capCombiningMarks,
  MAX_COMBINING_MARKS,
} from '../../../../../packages/core/src/normalize/capCombiningMarks.ts';
import { processDocument } from '../../../../../packages/core/src/pipeline/withDefaultTaxonomy.ts';

/*
 * The core's work must be bounded per character of input whatever the input.
 * These properties count operations, never time: the characters handed to the
 * stemmers (whose cost grows faster than a word's length) and to the language
 * detector (whose cost grows with its input), for generated hostile texts.
 * The stemmer and franc modules are wrapped, not replaced: each wrapper counts
 * its calls and forwards them to the real function (vi.mock is the only way to
 * observe calls made inside the core's own imports).
 */
const { counts, counted } = vi.hoisted(() => {
  const counts = { stemCalls: 0, stemChars: 0, longestStemmed: 0, francChars: 0 };
  const counted =
    (stem: (word: string) => string) =>
    (word: string): string => {
      counts.stemCalls += 1;
      counts.stemChars += word.length;
      counts.longestStemmed = Math.max(counts.longestStemmed, word.length);
      return stem(word);
    };
  return { counts, counted };
});

vi.mock('@orama/stemmers/french', async (importOriginal) => {
  const real = await importOriginal<typeof import('@orama/stemmers/french')>();
  return { ...real, stemmer: counted(real.stemmer) };
});
vi.mock('@orama/stemmers/german', async (importOriginal) => {
  const real = await importOriginal<typeof import('@orama/stemmers/german')>();
  return { ...real, stemmer: counted(real.stemmer) };
});
vi.mock('@orama/stemmers/italian', async (importOriginal) => {
  const real = await importOriginal<typeof import('@orama/stemmers/italian')>();
  return { ...real, stemmer: counted(real.stemmer) };
});
vi.mock('@orama/stemmers/portuguese', async (importOriginal) => {
  const real = await importOriginal<typeof import('@orama/stemmers/portuguese')>();
  return { ...real, stemmer: counted(real.stemmer) };
});
vi.mock('@orama/stemmers/spanish', async (importOriginal) => {
  const real = await importOriginal<typeof import('@orama/stemmers/spanish')>();
  return { ...real, stemmer: counted(real.stemmer) };
});
vi.mock('wink-porter2-stemmer', async (importOriginal) => {
  const real = await importOriginal<{ default: (word: string) => string }>();
  return { default: counted(real.default) };
});
vi.mock('franc-min', async (importOriginal) => {
  const real = await importOriginal<typeof import('franc-min')>();
  return {
    ...real,
    francAll: (text: string, options?: Parameters<typeof real.francAll>[1]) => {
      counts.francChars += text.length;
      return real.francAll(text, options);
    },
  };
});

/** Hostile building blocks: joined and repeated, they make the worst-case classes. */
const HOSTILE_UNITS = [
  'a',
  'é',
  'ж',
  'ementsation',
  ' ',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2003',
  '.',
  '!?',
  '«»',
  '(',
  ')',
  '<b>',
  '</b>',
  '<!--',
  '0123',
  '8/10 ',
  'Publicité\n',
  'Related news\n',
  '\u0301',
  '\u0316',
  'Ã©',
  'â€™',
  '\u001b[1m',
  '\u200d',
  '\u200c',
] as const;

/** A text of hostile units, each repeated up to `maxRepeat` times. */
const hostileText = (maxRepeat: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...HOSTILE_UNITS), fc.integer({ min: 1, max: maxRepeat })), {
      minLength: 1,
      maxLength: 12,
    })
    .map((runs) => runs.map(([unit, times]) => unit.repeat(times)).join(''));

/** Runs of letters with no separator, longer than any real word. */
const longWord = fc
  .tuple(
    fc.constantFrom('abcdefghij', 'éèàôûç', 'suffixationnellement'),
    fc.integer({ min: 7, max: 400 }),
  )
  .map(([unit, times]) => unit.repeat(times));

const article =
  'Démantèlement d’un réseau de trafic de cocaïne\n\nLa police a arrêté douze trafiquants ' +
  'après une enquête menée avec Europol sur le blanchiment d’argent.';

// Characters franc may read at most, whatever the text: a whole-text sample, then
// each of at most 12 lines read twice (60 and 400 characters; see detectLanguages).
const MAX_FRANC_CHARS = 12 * 41 + 12 * (60 + 400) + 400;

// The default taxonomy is compiled on first use: compile it before anything is
// counted, so that the counts are one document's work, not its ~4,000 words'.
beforeAll(() => {
  processDocument({ bytes: Buffer.from(article, 'utf8'), key: 'warm-up.txt' });
});

beforeEach(() => {
  counts.stemCalls = 0;
  counts.stemChars = 0;
  counts.longestStemmed = 0;
  counts.francChars = 0;
});

describe('Property: linear work per character', () => {
  it('never hands a stemmer a word longer than MAX_TOKEN_CHARS, and stems at most six words per input character', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(2_000), longWord), fc.boolean(), (hostile, wrap) => {
        // Prepare
        const text = wrap ? `${article}\n\n${hostile}\n\n${article}` : hostile;
        counts.stemCalls = 0;
        counts.stemChars = 0;
        counts.longestStemmed = 0;

        // Act
        processDocument({ bytes: Buffer.from(text, 'utf8'), key: 'hostile.txt' });

        // Assess
        expect(counts.longestStemmed).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
        expect(counts.stemCalls).toBeLessThanOrEqual(6 * text.length);
        expect(counts.stemChars).toBeLessThanOrEqual(6 * MAX_TOKEN_CHARS * text.length);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a bounded number of characters for language detection, whatever the size', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(5_000), longWord), (text) => {
        // Prepare
        counts.francChars = 0;

        // Act
        processDocument({ bytes: Buffer.from(`${article}\n${text}`, 'utf8'), key: 'hostile.txt' });

        // Assess
        expect(counts.francChars).toBeLessThanOrEqual(MAX_FRANC_CHARS);
      }),
      { numRuns: 60 },
    );
  });

  it('makes at most one token per input character, each folded to at most MAX_TOKEN_CHARS', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText(2_000), longWord, fc.string({ maxLength: 2_000 })),
        (text) => {
          // Act
          const { tokens, segments } = tokenize(text);

          // Assess
          expect(tokens.length).toBeLessThanOrEqual(text.length);
          expect(segments.length).toBeLessThanOrEqual(text.length);
          for (const token of tokens)
            expect(token.norm.length).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves no run of more than MAX_COMBINING_MARKS marks for normalization to sort', () => {
    fc.assert(
      fc.property(hostileText(200), (text) => {
        // Act
        const capped = capCombiningMarks(text);

        // Assess
        expect(capped.length).toBeLessThanOrEqual(text.length);
        const longestRun = Math.max(
          0,
          ...(capped.match(/\p{M}+/gu) ?? []).map((run) => run.length),
        );
        expect(longestRun).toBeLessThanOrEqual(MAX_COMBINING_MARKS);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Function: processDocument on overlong words', () => {
  it('keeps an overlong word in the text but matches nothing across it', () => {
    // Prepare
    const blob = 'x'.repeat(MAX_TOKEN_CHARS + 1);
    const text = `Rapport\n\nUn réseau de trafic ${blob} de cocaïne a été démantelé.`;

    // Act
    const result = processDocument({ bytes: Buffer.from(text, 'utf8'), key: 'a.txt' });

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toContain(blob);
    expect(counts.longestStemmed).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
  });
});
