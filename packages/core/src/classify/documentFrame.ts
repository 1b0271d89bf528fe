import { FRAME_CUE_KINDS } from '@doc-ingest/contracts';
import { foldText } from './tokenize.ts';

/**
 * What kind of text a document is, as far as crime topics are concerned:
 * - `fiction`: a review of, or a piece about, a film, a series, a novel... Crime
 *   words describe the plot, not an event.
 * - `commercial`: product or business news (a launch, a subscription, a funding
 *   round, quarterly results). Crime words describe what a product protects
 *   against or a market, not an event.
 * - `lawful`: a lawful or preventive use of crime words: a hunting season or a
 *   shooting competition, a prevention or awareness campaign, addiction
 *   treatment, a medicine approval, a law or tariff being debated. Crime words
 *   name what is regulated or prevented, not an offence.
 * - `news`: anything else, and any text that reports enforcement events (arrests,
 *   charges, raids, seizures, court), whatever else it talks about.
 *
 * Not to be confused with a taxonomy's `enumerationFrame` topics (the frame of
 * enumerations).
 */
type DocumentFrameKind = 'fiction' | 'commercial' | 'lawful' | 'news';

/** The kinds of cue words, in the order the contracts name them (`FRAME_CUE_KINDS`). */
type CueKind = (typeof FRAME_CUE_KINDS)[number];

/** Cue kinds a taxonomy may leave out (no such frame then). */
type OptionalCueKind = 'lawful' | 'offence';

/**
 * Per language, words that signal a kind of document, as exact folded words: a
 * taxonomy's `frameCues` (the default taxonomy's are in `crime-and-security.json`).
 * They are listed with their inflections, so that a cue never matches by a stem
 * collision. A frame needs several distinct cues (see `FrameConstants`), so a
 * single word used in news (`series` of attacks, a bank's `clients`) cannot make
 * one; words common in crime news are left out on purpose (`director` of a police
 * agency, `launched` an investigation, `plot`, es/en `trailer`, de `Tatort`).
 * `enforcement` cues (arrested, charged, raid, seized, court...) make a text news
 * whatever its other cues, so that a film producer arrested for fraud is still
 * classified.
 */
type FrameCues = Readonly<
  Record<Exclude<CueKind, OptionalCueKind>, Readonly<Record<string, readonly string[]>>> &
    Partial<Record<OptionalCueKind, Readonly<Record<string, readonly string[]>>>>
>;

/**
 * Thresholds of the document frames. A frame needs `MIN_CUES` distinct cue words
 * of its kind (a rating such as `8/10` or `Voto: 8 su 10` counts as one fiction
 * cue): a crime story mentioning a `series` of thefts or a bank's `clients` has
 * one or two, a film review or a product launch many more (5 to 9 on the
 * reviews and launches of the development sets). `ENFORCEMENT_EXEMPTION`
 * distinct enforcement cues make the text news whatever its other cues; a
 * review may tell of one arrest in a plot, a real case has several. A lawful
 * use needs none at all, and no `offence` cue either (an attack, a killing, an
 * explosion: `LAWFUL_ENFORCEMENT_EXEMPTION`): a hunting season or a prevention
 * campaign that mentions one arrest, seizure or court is about an offence, and
 * its crime words may name a topic; their vocabulary (schools, students,
 * treatment, licences, competitions) is also more common in crime news than a
 * film's or a product's, and an attack on a school is told with it before anyone
 * is arrested. `offence` cues count for nothing else.
 */
const FrameConstants = {
  MIN_CUES: 3,
  ENFORCEMENT_EXEMPTION: 2,
  LAWFUL_ENFORCEMENT_EXEMPTION: 1,
} as const;

/** Cue words of one language (or of all, for other languages), folded, with their kind. */
type CompiledFrameCues = ReadonlyMap<string, ReadonlyMap<string, CueKind>>;

/** No cue at all: a taxonomy without frame cues reads every document as news. */
const NO_CUES: ReadonlyMap<string, CueKind> = new Map();

/** Key of the cues of all languages, for documents in another language. */
const ANY_LANGUAGE = '*';

/**
 * Folds the cue words, per language and for all languages together. Throws if a
 * word is a cue of two kinds in one language, or is not a single word (the
 * tokenizer splits hyphenated words: list their telling part, `métrage`).
 */
const compileCues = (cues: FrameCues): CompiledFrameCues => {
  const compiled = new Map<string, Map<string, CueKind>>([[ANY_LANGUAGE, new Map()]]);
  const add = (language: string, word: string, kind: CueKind) => {
    let byWord = compiled.get(language);
    if (byWord === undefined) {
      byWord = new Map();
      compiled.set(language, byWord);
    }
    const known = byWord.get(word);
    if (known !== undefined && known !== kind) {
      throw new Error(`frame cue "${word}" (${language}) is both ${known} and ${kind}`);
    }
    byWord.set(word, kind);
  };
  for (const kind of FRAME_CUE_KINDS) {
    for (const [language, words] of Object.entries(cues[kind] ?? {})) {
      for (const word of words) {
        const folded = foldText(word);
        if (!/^\p{L}+$/u.test(folded)) throw new Error(`frame cue "${word}" is not one word`);
        add(language, folded, kind);
        // Across languages, an enforcement cue wins: it can only keep a text news.
        const all = compiled.get(ANY_LANGUAGE) as Map<string, CueKind>;
        if (!all.has(folded) || kind === 'enforcement') all.set(folded, kind);
      }
    }
  }
  return compiled;
};

// A rating given by a critic: `8/10`, `Voto: 8 su 10`, `note : 3 sur 5`,
// `★★★★`. Only looked for once a document already has a fiction cue.
const RATING =
  /\b\d{1,2}(?:[.,]\d)?\s?\/\s?(?:10|20)\b|\b(?:voto|note|nota|rating|verdict|wertung|bewertung|puntuaci[oó]n|calificaci[oó]n|valutazione|avalia[cç][aã]o)\s*:?\s*\d{1,2}(?:[.,]\d)?\s*(?:su|sur|de|von|of|out of|em|sobre)\s*(?:10|5|20)\b|[★☆]{3}/iu;

interface DocumentFrame {
  kind: DocumentFrameKind;
  /**
   * Distinct cue words found per kind. A rating counts as a fiction cue, and is
   * only looked for when it can decide (one cue short of a fiction frame).
   */
  cues: Readonly<Record<CueKind, number>>;
}

/** The cue words to look for in a document of `language` (ISO 639-1 or `und`). */
const frameCuesFor = (
  language: string,
  compiled: CompiledFrameCues | undefined,
): ReadonlyMap<string, CueKind> =>
  compiled === undefined
    ? NO_CUES
    : (compiled.get(language) ?? (compiled.get(ANY_LANGUAGE) as ReadonlyMap<string, CueKind>));

/** Distinct cue words of each kind among those found (see `frameCuesFor`). */
const countCues = (found: ReadonlyMap<string, CueKind> | undefined): Record<CueKind, number> => {
  const counts = { fiction: 0, commercial: 0, lawful: 0, offence: 0, enforcement: 0 };
  for (const kind of found?.values() ?? []) counts[kind] += 1;
  return counts;
};

/**
 * The frame of a document from the distinct cue words found in it (`found`, see
 * `frameCuesFor`) and, for ratings, its raw text (`text` is called only when a
 * rating can decide).
 */
const decideFrame = (
  found: ReadonlyMap<string, CueKind> | undefined,
  text: () => string,
): DocumentFrame => {
  const counts = countCues(found);
  const { MIN_CUES, ENFORCEMENT_EXEMPTION, LAWFUL_ENFORCEMENT_EXEMPTION } = FrameConstants;
  if (counts.enforcement >= ENFORCEMENT_EXEMPTION) return { kind: 'news', cues: counts };
  if (counts.fiction === MIN_CUES - 1 && RATING.test(text())) counts.fiction += 1;
  let kind: DocumentFrameKind = 'news';
  if (counts.fiction >= MIN_CUES && counts.fiction >= counts.commercial) kind = 'fiction';
  else if (counts.commercial >= MIN_CUES) kind = 'commercial';
  else if (
    counts.lawful >= MIN_CUES &&
    counts.enforcement + counts.offence < LAWFUL_ENFORCEMENT_EXEMPTION
  ) {
    kind = 'lawful';
  }
  return { kind, cues: counts };
};

/**
 * Reads the frame of a document from its words (`norm`: folded; function words
 * included or not), with the cues of its `language` (ISO 639-1; all languages'
 * cues for another one) and, for ratings, its raw text. Linear in the number of
 * words. (`classifyTopics` finds the cues while matching terms, then calls
 * `decideFrame`.)
 *
 * @example
 * const words = ['serie', 'otto', 'episodi', 'streaming'].map((norm) => ({ norm }));
 * detectDocumentFrame(words, () => '', 'it').kind; // 'fiction'
 */
const detectDocumentFrame = (
  words: readonly { readonly norm: string }[],
  text: () => string,
  language: string,
  compiled: CompiledFrameCues | undefined,
): DocumentFrame => {
  const cues = frameCuesFor(language, compiled);
  const found = new Map<string, CueKind>();
  for (const word of words) {
    const kind = cues.get(word.norm);
    if (kind !== undefined) found.set(word.norm, kind);
  }
  return decideFrame(found, text);
};

export type { CompiledFrameCues, CueKind, DocumentFrame, DocumentFrameKind, FrameCues };
export { compileCues, countCues, decideFrame, detectDocumentFrame, FrameConstants, frameCuesFor };
