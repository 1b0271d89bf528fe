import { FRAME_CUE_KINDS, type TopicScore } from '@doc-ingest/contracts';
import type { Classification } from '../types.ts';
import { type CompiledTaxonomy, type CompiledTerm, EXACT_PREFIX } from './compileTaxonomy.ts';
import {
  type CueKind,
  countCues,
  type DocumentFrameKind,
  decideFrame,
  frameCuesFor,
} from './documentFrame.ts';
import { applyLearnedLayer } from './learned/applyLearnedLayer.ts';
import type { CompiledLearnedLayer } from './learned/compileLearnedLayer.ts';
import { documentStems } from './learned/documentStems.ts';
import type { PresentWords } from './learned/presentWords.ts';
import { readDocumentWords } from './learned/readDocumentWords.ts';
import type { RuleEvidence } from './learned/ruleFeatures.ts';
import { getStemmer, getStemVariants, type StemFunction } from './stem.ts';
import { TermWeight } from './termWeight.ts';
import { type DocumentWords, readContentWords } from './tokenize.ts';
import { languageSlot, type Word } from './word.ts';

/**
 * Default score a topic needs to be reported: 0.45, between the most weak terms
 * alone can give (0.393, see `WEAK_EVIDENCE_CAP`) and one strong term in the body
 * (0.487). So one strong term (`attentat`, `money laundering` once) is enough, and
 * weak hints alone, or one medium term with a weak hint (at most 0.442), are not.
 *
 * Calibrated by a sweep over the two development sets (taxonomy 2026.11.2): on the
 * project's 83-document set (`test/fixtures/eval`) micro F1 is 0.994 anywhere from
 * 0.40 to 0.47 and 0.974 from 0.49 to 0.55, with no false positive on its 19
 * no-topic documents (at 0.35: 2 false positives); on 17 French BBC Afrique news
 * texts (12 without a topic) every threshold from 0.35 to 0.55 gives F1 1.0 and no
 * false positive. The value is inside that plateau, with a margin to the weak-only
 * ceiling. Under
 * 0.5, a document whose subject is named once by a strong term (a laundering
 * charge, `organización criminal`) is no longer missed; a consumer wanting fewer
 * passing mentions can threshold `scores` itself (0.5 or above).
 */
const DEFAULT_THRESHOLD = 0.45;

/**
 * Constants of the score of a topic. For each matched term, its hit weights are
 * sorted in decreasing order and summed as w1/1 + w2/2 + w3/3 ... (repeating a word
 * adds ever less); a hit weighs the term's weight (`TermWeight`), times
 * `TITLE_WEIGHT` in the title, times `ENUMERATION_WEIGHT` inside an enumeration.
 * The evidence is the sum over terms (weak terms' share capped at `WEAK_EVIDENCE_CAP`)
 * times `1 + SPREAD_BONUS * min(lines - 1, SPREAD_MAX_EXTRA)`, `lines` being the
 * number of lines holding a hit outside enumerations; with weak terms only, the
 * evidence is capped at `WEAK_EVIDENCE_CAP`. The score is the saturating
 * `1 - exp(-evidence / SATURATION)`: 0 without evidence, 0.49 for one strong term,
 * 0.74 for a strong term in the title, at most 0.39 from weak terms alone, and
 * approaching 1 as evidence accumulates. An enumeration is a sentence, or a run of
 * bulleted lines, naming at least 3 topics with non-weak terms; in a sentence
 * with a charge cue (`accused`, `indiciados`, `wegen`... see `CHARGE_CUES`), a
 * topic also named outside any enumeration keeps its full weight: a list of the
 * charges against the people the article is about, not a list of priorities.
 * Before the score, the evidence is adjusted (`adjustEvidence`): damped in a review,
 * fiction or product text without enforcement events, or a lawful or preventive
 * use of crime words without any (`FRAME_DAMPING`), and for a
 * weak topic overshadowed by its sibling (`SIBLING_DAMPING`).
 */
const ScoringConstants = {
  TITLE_WEIGHT: 2,
  /**
   * A title of more words than this is a lead paragraph taken for a title (texts
   * without a headline): it weighs as body.
   */
  MAX_TITLE_WORDS: 30,
  ENUMERATION_WEIGHT: 0.25,
  /** A sentence naming this many topics is an enumeration. */
  SENTENCE_ENUMERATION_TOPICS: 3,
  /** A bulleted list naming this many topics is an enumeration. */
  LIST_ENUMERATION_TOPICS: 3,
  SPREAD_BONUS: 0.25,
  SPREAD_MAX_EXTRA: 3,
  SATURATION: 3,
  /** Most evidence weak terms can give a topic; alone they stay below the threshold. */
  WEAK_EVIDENCE_CAP: 1.5,
  /**
   * Factor of every topic's evidence in a review or fiction piece, or in product
   * or business news, that reports no enforcement event, and in a lawful or
   * preventive use of crime words (a hunting season, a prevention campaign, a
   * medicine approval) that reports none at all (see `detectDocumentFrame`);
   * the result is then capped at `WEAK_EVIDENCE_CAP`, so that such a text never
   * reaches the threshold however often it names a crime. Why: there, crime words
   * describe a plot (a mafia series, a heist film) or what a product protects
   * against (phishing), or what is hunted, prevented or regulated, not an
   * event; the first held-out set had three false positives of this kind (scores
   * 0.49 to 0.98), the fourth real-news set two of the lawful kind (0.63, 0.65).
   * The factor keeps the order of the topics in `scores`.
   */
  FRAME_DAMPING: 0.2,
  /**
   * Sibling topics share vocabulary (`tráfico de personas` names smuggling in Latin
   * American law, trafficking in Spain; smuggled migrants are `exploited`). When a
   * topic's sibling has at least `SIBLING_DOMINANCE` times its evidence, and its own
   * evidence is below `SIBLING_MAX_EVIDENCE` (about one strong term and a hint), its
   * evidence is multiplied by `SIBLING_DAMPING`: the sibling is the subject, the
   * weak one a spill-over. A topic with evidence of its own (a trafficking charge
   * repeated, in the title) is left alone. Pairs: the taxonomy's `siblings`.
   */
  SIBLING_DOMINANCE: 2,
  SIBLING_MAX_EVIDENCE: 2.5,
  SIBLING_DAMPING: 0.5,
} as const;

/**
 * The evidence of each topic once the document's frame and sibling topics are
 * taken into account (see `ScoringConstants.FRAME_DAMPING` and `SIBLING_DAMPING`).
 * Sibling damping reads the evidence before it, so the order of pairs is irrelevant.
 */
const adjustEvidence = (
  evidence: Readonly<Record<string, number>>,
  frame: DocumentFrameKind,
  siblings: readonly (readonly [string, string])[],
): Record<string, number> => {
  const adjusted = { ...evidence };
  for (const [a, b] of siblings) {
    for (const [topic, sibling] of [
      [a, b],
      [b, a],
    ] as const) {
      const own = evidence[topic] ?? 0;
      if (
        own > 0 &&
        own < ScoringConstants.SIBLING_MAX_EVIDENCE &&
        (evidence[sibling] ?? 0) >= ScoringConstants.SIBLING_DOMINANCE * own
      ) {
        adjusted[topic] = own * ScoringConstants.SIBLING_DAMPING;
      }
    }
  }
  if (frame !== 'news') {
    for (const id of Object.keys(adjusted)) {
      adjusted[id] = Math.min(
        (adjusted[id] ?? 0) * ScoringConstants.FRAME_DAMPING,
        ScoringConstants.WEAK_EVIDENCE_CAP,
      );
    }
  }
  return adjusted;
};

interface ClassifyInput {
  title: string;
  body: string;
  /** ISO 639-1 code of the document's main language, or `und`. */
  language: string;
}

interface ClassifyOptions {
  /**
   * Score (0..1) a topic needs to be listed in `topics`.
   * @default the taxonomy's learned layer's threshold, else DEFAULT_THRESHOLD (0.45)
   */
  threshold?: number;
  /**
   * Most explaining terms listed per topic.
   * @default 8
   */
  maxTerms?: number;
  /**
   * The compiled taxonomy to use.
   * @default COMPILED_TAXONOMY (in `classifyTopics`; `classifyTopicsWith` requires it)
   */
  taxonomy?: CompiledTaxonomy;
}

/** Options that name the taxonomy: what the functions without a built-in default take. */
type WithTaxonomy<T> = T & { taxonomy: CompiledTaxonomy };

interface Hit {
  term: CompiledTerm;
  label: string;
  segment: number;
  sentence: number;
  isTitle: boolean;
  isListItem: boolean;
  listBlock: number;
}

/** What a distinct word can start or signal, memoized per word. */
interface WordEntry {
  /** The terms whose first key is this word. */
  terms: readonly CompiledTerm[];
  /** The document-frame cue this word is, if any (see `documentFrame.ts`). */
  cue: CueKind | undefined;
  /** Whether the word introduces charges (the taxonomy's `chargeCues`). */
  charge: boolean;
}

/** The keys of a document's content words in one language. */
interface KeyReader {
  /** The matching key of the content word at `position`. */
  key: (position: number) => string;
  /** Its other keys (Arabic clitics, see `getStemVariants`); empty in most languages. */
  variants: (position: number) => readonly string[];
}

interface Matcher {
  /** The content words of the document (function words left out), in order. */
  content: readonly Word[];
  /** The line (segment) of each content word. */
  lines: readonly number[];
  /** The sentence of each content word. */
  sentences: readonly number[];
  /** The keys of the content words in `language` (a taxonomy language). */
  keysIn: (language: string) => KeyReader;
  /** The terms and the frame cue of the content word at `position`. */
  entry: (position: number) => WordEntry;
}

const NONE: readonly CompiledTerm[] = [];
const NO_KEYS: readonly string[] = [];
const NOTHING: WordEntry = { terms: NONE, cue: undefined, charge: false };

/** A shared candidate cache holds at most this many words, then starts afresh. */
const CANDIDATE_CACHE_LIMIT = 20_000;
const candidateCaches = new WeakMap<CompiledTaxonomy, Map<string, Map<string, WordEntry>>>();

/**
 * The candidate terms and the frame cue of a word depend only on the taxonomy and
 * on the document's language (which fixes the lookup order, what `allowed`
 * accepts and which cues count), so they are shared across documents. Keep
 * `policy` in step with whatever `allowed` and `frameCuesFor` read.
 */
const candidateCache = (taxonomy: CompiledTaxonomy, policy: string): Map<string, WordEntry> => {
  let byPolicy = candidateCaches.get(taxonomy);
  if (byPolicy === undefined) {
    byPolicy = new Map();
    candidateCaches.set(taxonomy, byPolicy);
  }
  let cache = byPolicy.get(policy);
  if (cache === undefined) {
    cache = new Map();
    byPolicy.set(policy, cache);
  }
  if (cache.size >= CANDIDATE_CACHE_LIMIT) cache.clear();
  return cache;
};

/**
 * `languages` gives the lookup order: the document's language first. `allowed`
 * tells whether a term found for a word counts (cross-language filtering).
 */
const createMatcher = (
  read: DocumentWords,
  taxonomy: CompiledTaxonomy,
  languages: readonly string[],
  allowed: (term: CompiledTerm, word: string) => boolean,
  cues: ReadonlyMap<string, CueKind>,
  memo: Map<string, WordEntry>,
): Matcher => {
  const content = read.words;
  const stemmers = new Map<string, StemFunction>();
  for (const language of taxonomy.languages) {
    stemmers.set(language, getStemmer(language));
  }
  const stemOf = (language: string, word: string): string =>
    (stemmers.get(language) as StemFunction)(word);
  // Languages whose words can have several keys (Arabic clitics, see `getStemVariants`).
  const variantsOf = new Map<string, (word: string) => readonly string[]>();
  for (const language of taxonomy.languages) {
    const variants = getStemVariants(language);
    if (variants !== undefined) variantsOf.set(language, variants);
  }
  const keysOf = (language: string, word: string): readonly string[] => {
    const own = stemOf(language, word);
    const variants = variantsOf.get(language)?.(word);
    return variants === undefined || variants.length === 0 ? [own] : [own, ...variants];
  };
  // The stem of a word in a language is kept with the word (shared across
  // documents): proximity windows overlap and phrases are tried from many
  // starts, so the same word is asked for again and again (a field read
  // instead of a stem cache lookup by string). A term reads the keys of its
  // language through one reader, found once per term, not once per word.
  // `''` is an overlong word (see `MAX_TOKEN_CHARS`): no key, no term, no cue.
  const readerFor = (language: string): KeyReader => {
    const slot = languageSlot(language);
    const stem = stemmers.get(language) as StemFunction;
    const key = (position: number): string => {
      const word = content[position] as Word;
      let value = word.stems[slot];
      if (value === undefined) {
        value = word.norm === '' ? '' : stem(word.norm);
        word.stems[slot] = value;
      }
      return value;
    };
    const variantsOfLanguage = variantsOf.get(language);
    if (variantsOfLanguage === undefined) return { key, variants: () => NO_KEYS };
    const known = new Array<readonly string[] | undefined>(content.length);
    const variants = (position: number): readonly string[] => {
      let value = known[position];
      if (value === undefined) {
        const word = (content[position] as Word).norm;
        value = word === '' ? NO_KEYS : variantsOfLanguage(word);
        known[position] = value;
      }
      return value;
    };
    return { key, variants };
  };
  const readers = new Map<string, KeyReader>();
  const keysIn = (language: string): KeyReader => {
    let reader = readers.get(language);
    if (reader === undefined) {
      reader = readerFor(language);
      readers.set(language, reader);
    }
    return reader;
  };
  // What a word is, under this taxonomy and policy, is also kept with the
  // word, for the last `memo` that asked (nearly always the only one).
  const entry = (position: number): WordEntry => {
    const token = content[position] as Word;
    if (token.entryOf === memo) return token.entry as WordEntry;
    const word = token.norm;
    if (word === '') return NOTHING;
    const value = memo.get(word) ?? findEntry(word);
    token.entryOf = memo;
    token.entry = value;
    return value;
  };
  const findEntry = (word: string): WordEntry => {
    const found: CompiledTerm[] = [];
    for (const language of languages) {
      const byKey = taxonomy.index.get(language);
      for (const wordKey of keysOf(language, word)) {
        for (const term of byKey?.get(wordKey) ?? NONE) {
          if (allowed(term, word) && !found.includes(term)) found.push(term);
        }
      }
      for (const term of byKey?.get(EXACT_PREFIX + word) ?? NONE) {
        if (allowed(term, word)) found.push(term);
      }
    }
    const cue = cues.get(word);
    const charge = taxonomy.chargeCues.has(word);
    const value =
      found.length === 0 && cue === undefined && !charge
        ? NOTHING
        : { terms: found.length === 0 ? NONE : found, cue, charge };
    memo.set(word, value);
    return value;
  };
  return { content, lines: read.lines, sentences: read.sentences, keysIn, entry };
};

const keyMatches = (
  matcher: Matcher,
  keys: KeyReader,
  position: number,
  expected: string,
): boolean =>
  expected.startsWith(EXACT_PREFIX)
    ? matcher.content[position]?.norm === expected.slice(EXACT_PREFIX.length)
    : keys.key(position) === expected || keys.variants(position).includes(expected);

const matchLength = (matcher: Matcher, term: CompiledTerm, start: number): boolean => {
  if (term.keys.length === 1) return true;
  const segment = matcher.lines[start];
  const keys = matcher.keysIn(term.language);
  for (let offset = 1; offset < term.keys.length; offset++) {
    const position = start + offset;
    if (matcher.lines[position] !== segment) return false;
    if (!keyMatches(matcher, keys, position, term.keys[offset] as string)) return false;
  }
  return true;
};

/** Whether a word's key, or one of its other keys, is in `keys`. */
const hasAnyKey = (keys: ReadonlySet<string>, stem: string, others: readonly string[]): boolean =>
  keys.has(stem) || (others.length > 0 && others.some((other) => keys.has(other)));

const contextAllows = (matcher: Matcher, term: CompiledTerm, start: number): boolean => {
  if (term.near === undefined && term.notNear === undefined && term.alsoNear === undefined) {
    return true;
  }
  const end = start + term.keys.length - 1;
  const segment = matcher.lines[start];
  const from = Math.max(0, start - term.window);
  const to = Math.min(matcher.content.length - 1, end + term.window);
  let nearFound = term.near === undefined;
  let alsoNearFound = term.alsoNear === undefined;
  const keys = matcher.keysIn(term.language);
  for (let position = from; position <= to; position++) {
    if (position >= start && position <= end) continue;
    if (matcher.lines[position] !== segment) continue;
    const stem = keys.key(position);
    const others = keys.variants(position);
    if (term.notNear !== undefined && hasAnyKey(term.notNear, stem, others)) return false;
    if (term.near !== undefined && hasAnyKey(term.near, stem, others)) nearFound = true;
    if (term.alsoNear !== undefined && hasAnyKey(term.alsoNear, stem, others)) {
      alsoNearFound = true;
    }
  }
  return nearFound && alsoNearFound;
};

const isBetter = (candidate: CompiledTerm, best: CompiledTerm | undefined) =>
  best === undefined ||
  candidate.keys.length > best.keys.length ||
  (candidate.keys.length === best.keys.length && candidate.weight > best.weight);

/**
 * Finds the best term of each topic starting at every content word, the
 * distinct frame cues of the document (`cues`, filled) and the sentences
 * holding a charge cue (`charges`, filled); linear in words.
 */
const findHits = (
  matcher: Matcher,
  segments: readonly { isTitle: boolean; isListItem: boolean }[],
  cues: Map<string, CueKind>,
  charges: Set<number>,
  topicIds: readonly string[],
): Hit[] => {
  const listBlocks = segments.map(() => -1);
  segments.forEach((segment, index) => {
    if (!segment.isListItem) return;
    const previous = index > 0 ? listBlocks[index - 1] : -1;
    listBlocks[index] = previous !== undefined && previous >= 0 ? previous : index;
  });
  const coveredUntil = new Map<string, number>();
  const hits: Hit[] = [];
  const best = new Map<string, CompiledTerm>();
  matcher.content.forEach((word, position) => {
    const { terms: candidates, cue, charge } = matcher.entry(position);
    if (cue !== undefined) cues.set(word.norm, cue);
    const sentence = matcher.sentences[position] as number;
    if (charge) charges.add(sentence);
    if (candidates.length === 0) return;
    best.clear();
    for (const term of candidates) {
      if (!isBetter(term, best.get(term.topic))) continue;
      if (!matchLength(matcher, term, position)) continue;
      if (!contextAllows(matcher, term, position)) continue;
      best.set(term.topic, term);
    }
    if (best.size === 0) return;
    // A word a phrase already explains (`trafic` in `trafic de migrants`) is not
    // reinterpreted by the context rules of other topics, and a shorter phrase of
    // another topic is not counted inside a longer, at least as heavy one
    // (`exploração sexual` inside `exploração sexual de crianças`).
    let longest: CompiledTerm | undefined;
    for (const term of best.values()) {
      if (longest === undefined || term.keys.length > longest.keys.length) longest = term;
    }
    const phraseHere = (longest?.keys.length ?? 0) > 1;
    for (const topic of topicIds) {
      const term = best.get(topic);
      if (term === undefined || position <= (coveredUntil.get(topic) ?? -1)) continue;
      if (phraseHere && term.keys.length === 1 && term.near !== undefined) continue;
      if (
        longest !== undefined &&
        term.keys.length > 1 &&
        term.keys.length < longest.keys.length &&
        term.weight <= longest.weight
      ) {
        continue;
      }
      coveredUntil.set(topic, position + term.keys.length - 1);
      const line = matcher.lines[position] as number;
      const segment = segments[line];
      if (term.keys.length === 1) word.lower ??= word.surface.toLowerCase();
      hits.push({
        term,
        label: term.keys.length === 1 ? (word.lower as string) : term.label,
        segment: line,
        sentence,
        isTitle: segment?.isTitle ?? false,
        isListItem: segment?.isListItem ?? false,
        listBlock: listBlocks[line] ?? -1,
      });
    }
  });
  return hits;
};

const topicsBy = (
  hits: readonly Hit[],
  unit: (hit: Hit) => number,
  frames: ReadonlySet<string>,
) => {
  const topics = new Map<number, Set<string>>();
  for (const hit of hits) {
    // A weak hint does not name a topic; a frame topic (`enumerationFrame`) is not an item.
    if (frames.has(hit.term.topic) || hit.term.weight <= TermWeight.WEAK) continue;
    const key = unit(hit);
    const set = topics.get(key) ?? new Set<string>();
    set.add(hit.term.topic);
    topics.set(key, set);
  }
  return topics;
};

/**
 * The weight factor of each hit for enumerations: 1 outside them; inside a
 * sentence or a bulleted list naming many topics, `ENUMERATION_WEIGHT`, a
 * passing mention; but 1 again for an item of a list of charges (a sentence with a
 * charge cue) whose topic the document also names outside any enumeration (in the
 * title or another sentence, even with a weak hint): the charges against the people
 * the article is about, not a list of priorities.
 */
const enumerationFactors = (
  hits: readonly Hit[],
  charges: ReadonlySet<number>,
  frames: ReadonlySet<string>,
): number[] => {
  const bySentence = topicsBy(hits, (hit) => hit.sentence, frames);
  const byList = topicsBy(
    hits.filter((hit) => hit.isListItem),
    (hit) => hit.listBlock,
    frames,
  );
  const enumerated = hits.map(
    (hit) =>
      !frames.has(hit.term.topic) &&
      ((bySentence.get(hit.sentence)?.size ?? 0) >= ScoringConstants.SENTENCE_ENUMERATION_TOPICS ||
        (hit.isListItem &&
          (byList.get(hit.listBlock)?.size ?? 0) >= ScoringConstants.LIST_ENUMERATION_TOPICS)),
  );
  const namedElsewhere = new Set<string>();
  hits.forEach((hit, index) => {
    if (!enumerated[index]) namedElsewhere.add(hit.term.topic);
  });
  return hits.map((hit, index) => {
    if (!enumerated[index]) return 1;
    const charged = !hit.isListItem && charges.has(hit.sentence);
    return charged && namedElsewhere.has(hit.term.topic) ? 1 : ScoringConstants.ENUMERATION_WEIGHT;
  });
};

interface TopicEvidence {
  evidence: number;
  terms: { label: string; contribution: number; first: number; weak: boolean }[];
}

/** The indexes in `hits` of each topic's hits, in increasing order. */
const hitsByTopic = (hits: readonly Hit[]): Map<string, number[]> => {
  const byTopic = new Map<string, number[]>();
  hits.forEach((hit, index) => {
    const own = byTopic.get(hit.term.topic);
    if (own === undefined) byTopic.set(hit.term.topic, [index]);
    else own.push(index);
  });
  return byTopic;
};

const NO_HITS: readonly number[] = [];

/** The evidence of one topic from its hits (`indexes` in `hits`, see `hitsByTopic`). */
const scoreTopic = (
  hits: readonly Hit[],
  factors: readonly number[],
  indexes: readonly number[],
): TopicEvidence => {
  if (indexes.length === 0) return { evidence: 0, terms: [] };
  const weightsByLabel = new Map<string, { weights: number[]; first: number; weak: boolean }>();
  const lines = new Set<number>();
  for (const index of indexes) {
    const hit = hits[index] as Hit;
    let weight = hit.term.weight;
    if (hit.isTitle) weight *= ScoringConstants.TITLE_WEIGHT;
    const factor = factors[index] ?? 1;
    weight *= factor;
    if (factor === 1) lines.add(hit.segment);
    const entry = weightsByLabel.get(hit.label) ?? {
      weights: [],
      first: index,
      weak: hit.term.weight <= TermWeight.WEAK,
    };
    entry.weights.push(weight);
    weightsByLabel.set(hit.label, entry);
  }
  const terms = [...weightsByLabel].map(([label, { weights, first, weak }]) => ({
    label,
    first,
    weak,
    contribution: weights
      .sort((a, b) => b - a)
      .reduce((sum, weight, rank) => sum + weight / (rank + 1), 0),
  }));
  let weak = 0;
  let stronger = 0;
  for (const term of terms) {
    if (term.weak) weak += term.contribution;
    else stronger += term.contribution;
  }
  const cap = ScoringConstants.WEAK_EVIDENCE_CAP;
  const spread =
    1 +
    ScoringConstants.SPREAD_BONUS *
      Math.min(Math.max(lines.size - 1, 0), ScoringConstants.SPREAD_MAX_EXTRA);
  const evidence = (stronger + Math.min(weak, cap)) * spread;
  return { evidence: stronger === 0 ? Math.min(evidence, cap) : evidence, terms };
};

const toScore = (evidence: number): number =>
  Math.round((1 - Math.exp(-evidence / ScoringConstants.SATURATION)) * 1000) / 1000;

const baseLanguage = (language: string): string =>
  language.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** What a learned layer reads of a document (see `readForLearning`). */
interface LearningReading extends RuleEvidence {
  stems: Map<string, string>;
  /** Whether a learned layer scores this document (`layerApplies`); if not, the rule scores stand. */
  layerApplies: boolean;
}

/**
 * Whether a learned layer scores a document: not one the rules read as a review,
 * product news or a lawful use of crime words (their frame decision stands: such a
 * text gets no topic however its words read), and not one without a content word.
 */
const layerApplies = (frame: DocumentFrameKind, distinctStems: number): boolean =>
  frame === 'news' && distinctStems > 0;

/** What the rules found in a document, before any learned layer. */
interface RuleReading {
  /** Rule score of each topic, by id (rounded to 3 decimals). */
  byId: Record<string, number>;
  /** The same as a learned layer's features read them, computed on demand. */
  evidence: () => RuleEvidence;
  /** Matched terms of each topic, by id. */
  explained: Record<string, TopicEvidence['terms']>;
  /** The document's distinct stems (what a learned layer is trained on), computed on demand. */
  stems: () => Map<string, string>;
  /** The same words as `layer` weighs them, computed on demand (`readDocumentWords`). */
  wordsFor: (layer: CompiledLearnedLayer) => PresentWords;
  /** The document's frame (`news` unless the rules damped it as a review, product news or lawful use). */
  frame: DocumentFrameKind;
}

/** Distinct frame cue words of each kind, in the order a learned layer reads them. */
const cueCountsOf = (cues: ReadonlyMap<string, CueKind>): number[] => {
  const counts = countCues(cues);
  return FRAME_CUE_KINDS.map((kind) => counts[kind]);
};

const readWithRules = (input: ClassifyInput, taxonomy: CompiledTaxonomy): RuleReading => {
  const documentLanguage = baseLanguage(input.language);
  const read = readContentWords(input);
  const lines = read.segments;
  const segments =
    read.titleWords > ScoringConstants.MAX_TITLE_WORDS
      ? lines.map((line) => ({ ...line, isTitle: false }))
      : lines;
  const native = taxonomy.languages.includes(documentLanguage as string);
  // Terms of another language than the document's count only when unambiguous
  // enough: phrases, and strong words written out (a French article quoting
  // `ransomware`): a foreign stem alone is not enough (English `wild` is the stem
  // of German `Wilderer`).
  const allowed = (term: CompiledTerm, word: string) =>
    !native ||
    term.language === documentLanguage ||
    term.keys.length > 1 ||
    (term.weight >= TermWeight.STRONG && word.startsWith(term.words[0] as string));
  const languages = native
    ? [documentLanguage as string, ...taxonomy.languages.filter((l) => l !== documentLanguage)]
    : taxonomy.languages;
  const policy = native ? documentLanguage : '*';
  const memo = candidateCache(taxonomy, policy);
  const matcher = createMatcher(
    read,
    taxonomy,
    languages,
    allowed,
    frameCuesFor(policy, taxonomy.frameCues),
    memo,
  );
  const cues = new Map<string, CueKind>();
  // Sentences holding a word that introduces charges (`accused`, `indiciados`...).
  const charges = new Set<number>();
  const hits = findHits(matcher, segments, cues, charges, taxonomy.topics);
  const factors = enumerationFactors(hits, charges, taxonomy.enumerationFrames);
  const raw = {} as Record<string, number>;
  const explained = {} as Record<string, TopicEvidence['terms']>;
  let any = false;
  const byTopic = hitsByTopic(hits);
  for (const id of taxonomy.topics) {
    const { evidence, terms } = scoreTopic(hits, factors, byTopic.get(id) ?? NO_HITS);
    raw[id] = evidence;
    explained[id] = terms;
    if (evidence > 0) any = true;
  }
  // The frame only matters when some topic has evidence.
  const frame = any ? decideFrame(cues, () => `${input.title}\n${input.body}`).kind : 'news';
  const evidence = adjustEvidence(raw, frame, taxonomy.siblings);
  const byId = {} as Record<string, number>;
  for (const id of taxonomy.topics) byId[id] = toScore(evidence[id] ?? 0);
  // A language without a stemmer in the taxonomy is read by its folded words.
  const stemAt = native
    ? matcher.keysIn(documentLanguage as string).key
    : (position: number) => (matcher.content[position] as Word).norm;
  const strongTerms = (terms: TopicEvidence['terms']): number => {
    let count = 0;
    for (const term of terms) if (!term.weak) count += 1;
    return count;
  };
  return {
    byId,
    explained,
    evidence: () => ({
      scores: taxonomy.topics.map((id) => byId[id] ?? 0),
      termCounts: taxonomy.topics.map((id) => explained[id]?.length ?? 0),
      strongTermCounts: taxonomy.topics.map((id) => strongTerms(explained[id] ?? [])),
      language: documentLanguage as string,
      frameCues: cueCountsOf(cues),
    }),
    stems: () => documentStems(matcher.content, stemAt),
    wordsFor: (layer) => readDocumentWords(layer, policy, matcher.content, stemAt),
    frame,
  };
};

/**
 * What a learned layer reads of a document: the rule scores and matched-term
 * counts of every topic (the taxonomy's order), the language and the distinct
 * stems. The same reading `classifyTopicsWith` makes, for training a layer
 * (`learnedScorer train`) on exactly what it will see.
 *
 * @example
 * const view = readForLearning({ title, body, language: 'fr' }, { taxonomy });
 * view.scores.length === taxonomy.topics.length; // true
 */
const readForLearning = (
  input: ClassifyInput,
  options: { taxonomy: CompiledTaxonomy },
): LearningReading => {
  const reading = readWithRules(input, options.taxonomy);
  const stems = reading.stems();
  return {
    ...reading.evidence(),
    stems,
    layerApplies: layerApplies(reading.frame, stems.size),
  };
};

/** Most words listed for a topic only the learned layer found. */
const MAX_LEARNED_WORDS = 5;

/**
 * Scores a document against every topic of the taxonomy and lists the topics at or
 * above the threshold, each with the terms that explain it (strongest first: the
 * document's word for single terms, the taxonomy phrase for phrases). Words are
 * stemmed with each taxonomy language's stemmer, the document's language first; terms
 * of other languages count when they are phrases or strong words. Title hits weigh
 * double, hits spread over several lines weigh more, and hits inside an enumeration
 * of many crime areas weigh a quarter (see `ScoringConstants`). A review or a piece of
 * fiction, or product or business news, that reports no enforcement event, and a
 * lawful or preventive use of crime words that reports none at all (see
 * `detectDocumentFrame`) get no topic: their crime words describe a plot, a
 * product, or what is hunted, prevented or regulated.
 * A weak topic whose sibling topic is clearly the subject is halved.
 * With a learned layer in the taxonomy (`learned`), each topic's score is the
 * layer's probability, read from the rule scores and the document's word stems
 * (see `applyLearnedLayer`); the rules' terms still explain a topic they matched,
 * and the words that raised its probability explain one they did not. The layer
 * leaves alone a document the rules read as a review, product news or lawful use,
 * and one without content words (`layerApplies`).
 * `scores` keep the final values; `terms` the words that explain. Deterministic
 * and linear in the length of the text.
 *
 * @example
 * const result = classifyTopicsWith({
 *   title: 'Démantèlement d’un réseau de passeurs',
 *   body: 'Les passeurs faisaient payer la traversée de la Manche aux migrants.',
 *   language: 'fr',
 * }, { taxonomy: loadTaxonomy(taxonomyFile) });
 * result.topics[0]?.id; // 'migrant_smuggling'
 */
const classifyTopicsWith = (
  input: ClassifyInput,
  options: WithTaxonomy<ClassifyOptions>,
): Classification => {
  const { taxonomy } = options;
  const layer = taxonomy.learned;
  const threshold = options.threshold ?? layer?.threshold ?? DEFAULT_THRESHOLD;
  const maxTerms = options.maxTerms ?? 8;
  const reading = readWithRules(input, taxonomy);
  const scores = reading.byId;
  // A text the rules damped keeps their verdict: its words need not be read.
  const words =
    layer === undefined || reading.frame !== 'news' ? undefined : reading.wordsFor(layer);
  const learned =
    layer === undefined || words === undefined || !layerApplies(reading.frame, words.count)
      ? undefined
      : applyLearnedLayer(layer, { ...reading.evidence(), words });
  const topics: TopicScore[] = [];
  taxonomy.topics.forEach((id, index) => {
    const probability = learned?.probabilities[index];
    if (probability !== undefined) scores[id] = probability;
    const score = scores[id] ?? 0;
    if (score === 0 || score < threshold) return;
    const terms = reading.explained[id] ?? [];
    const ranked = [...terms].sort((a, b) => b.contribution - a.contribution || a.first - b.first);
    topics.push({
      id,
      score,
      terms:
        ranked.length === 0 && learned !== undefined
          ? learned.supportingWords(index, Math.min(maxTerms, MAX_LEARNED_WORDS))
          : ranked.slice(0, maxTerms).map((term) => term.label),
    });
  });
  topics.sort(
    (a, b) => b.score - a.score || taxonomy.topics.indexOf(a.id) - taxonomy.topics.indexOf(b.id),
  );
  return { taxonomyVersion: taxonomy.version, topics, scores };
};

export type { ClassifyInput, ClassifyOptions, LearningReading, WithTaxonomy };
export { adjustEvidence, classifyTopicsWith, DEFAULT_THRESHOLD, readForLearning, ScoringConstants };
