import {
  type TaxonomyFile,
  TaxonomyFileSchema,
  type TaxonomyLanguageTerms,
  type TaxonomyTermRuleInput,
  TERM_WEIGHTS,
  taxonomyReferenceProblems,
} from '@doc-ingest/contracts';
import { type CompiledFrameCues, compileCues } from './documentFrame.ts';
import { type CompiledLearnedLayer, compileLearnedLayer } from './learned/compileLearnedLayer.ts';
import { resolveWordList, WordListReferenceError } from './resolveWordList.ts';
import { getStemmer } from './stem.ts';
import { tokenize } from './tokenize.ts';

/** Prefix of index keys that hold an exact folded word rather than a stem. */
const EXACT_PREFIX = '=';
const DEFAULT_WINDOW = 6;

/** One taxonomy term, ready for matching. */
interface CompiledTerm {
  topic: string;
  language: string;
  /** The term as the taxonomy writes it, lowercased: what a phrase match reports. */
  label: string;
  weight: number;
  /** Matching keys of the term's content words: stems, or `=word` for exact terms. */
  keys: readonly string[];
  /** The term's content words, folded: what a word of another language must start with. */
  words: readonly string[];
  /** Context stems (in `language`) of which one must be near; absent = no condition. */
  near?: ReadonlySet<string>;
  /** Context stems (in `language`) of which one must also be near, besides `near`. */
  alsoNear?: ReadonlySet<string>;
  /** Context stems (in `language`) of which none may be near. */
  notNear?: ReadonlySet<string>;
  window: number;
}

/** The taxonomy as lookup structures: terms indexed by language and first key. */
interface CompiledTaxonomy {
  version: string;
  /** Topic ids in the taxonomy's order (the order of ties in results). */
  topics: readonly string[];
  languages: readonly string[];
  /** Per language, the terms whose first key is the map key. */
  index: ReadonlyMap<string, ReadonlyMap<string, readonly CompiledTerm[]>>;
  /** Number of terms per topic and language, for checks and docs. */
  counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Folded words that introduce charges (`accused`, `indiciados`...), all languages. */
  chargeCues: ReadonlySet<string>;
  /** Pairs of topics with overlapping vocabularies (see `adjustEvidence`). */
  siblings: readonly (readonly [string, string])[];
  /** Topics that frame enumerations rather than being items of them. */
  enumerationFrames: ReadonlySet<string>;
  /** Cue words of document frames; absent = every document is news. */
  frameCues: CompiledFrameCues | undefined;
  /** A learned layer over the rules; absent = the rule scores are the scores. */
  learned: CompiledLearnedLayer | undefined;
}

/** A taxonomy term that yields no content word (only function words, or empty). */
class TaxonomyTermError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TaxonomyTermError';
  }
}

/** A taxonomy that does not follow `TaxonomyFileSchema`, or refers to what it lacks. */
class TaxonomyInvalidError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TaxonomyInvalidError';
  }
}

interface Rule {
  term: string;
  weight: number;
  near?: readonly string[];
  alsoNear?: readonly string[];
  notNear?: readonly string[];
  window?: number;
}

const contentWords = (text: string): string[] =>
  tokenize(text)
    .tokens.filter((token) => !token.stop)
    .map((token) => token.norm);

const contextStems = (
  words: readonly string[] | undefined,
  language: string,
): ReadonlySet<string> | undefined => {
  if (words === undefined) return undefined;
  const stem = getStemmer(language);
  return new Set(words.flatMap(contentWords).map(stem));
};

const compileTerm = (topic: string, language: string, rule: Rule): CompiledTerm => {
  const exact = rule.term.startsWith(EXACT_PREFIX);
  const text = exact ? rule.term.slice(EXACT_PREFIX.length) : rule.term;
  const words = contentWords(text);
  if (words.length === 0) {
    throw new TaxonomyTermError(`term "${rule.term}" of ${topic}/${language} has no content word`);
  }
  const stem = getStemmer(language);
  const term: CompiledTerm = {
    topic,
    language,
    label: text.toLowerCase(),
    weight: rule.weight,
    keys: words.map((word) => (exact ? `${EXACT_PREFIX}${word}` : stem(word))),
    words,
    window: rule.window ?? DEFAULT_WINDOW,
  };
  const near = contextStems(rule.near, language);
  const notNear = contextStems(rule.notNear, language);
  const alsoNear = contextStems(rule.alsoNear, language);
  if (near !== undefined) term.near = near;
  if (alsoNear !== undefined) term.alsoNear = alsoNear;
  if (notNear !== undefined) term.notNear = notNear;
  return term;
};

const toWeight = (weight: TaxonomyTermRuleInput['weight']): number =>
  typeof weight === 'number' ? weight : TERM_WEIGHTS[weight ?? 'strong'];

/** The rules of one topic and language: tiers first (strong, medium, weak), then rules. */
const toRules = (
  terms: TaxonomyLanguageTerms,
  words: (ref: TaxonomyTermRuleInput['near']) => readonly string[] | undefined,
): Rule[] => {
  const fromInput = (input: string | TaxonomyTermRuleInput): Rule => {
    if (typeof input === 'string') return { term: input, weight: TERM_WEIGHTS.strong };
    const rule: Rule = { term: input.term, weight: toWeight(input.weight) };
    const near = words(input.near);
    const alsoNear = words(input.alsoNear);
    const notNear = words(input.notNear);
    if (near !== undefined) rule.near = near;
    if (alsoNear !== undefined) rule.alsoNear = alsoNear;
    if (notNear !== undefined) rule.notNear = notNear;
    if (input.window !== undefined) rule.window = input.window;
    return rule;
  };
  if (Array.isArray(terms)) return terms.map(fromInput);
  const tier = (list: readonly string[] | undefined, weight: number): Rule[] =>
    (list ?? []).map((term) => ({ term, weight }));
  return [
    ...tier(terms.strong, TERM_WEIGHTS.strong),
    ...tier(terms.medium, TERM_WEIGHTS.medium),
    ...tier(terms.weak, TERM_WEIGHTS.weak),
    ...(terms.rules ?? []).map(fromInput),
  ];
};

/** Checks what the schema cannot: unique ids and known siblings (word lists: at compile). */
const checkReferences = (file: TaxonomyFile): void => {
  const [first] = taxonomyReferenceProblems(file);
  if (first !== undefined) throw new TaxonomyInvalidError(first);
};

/**
 * Compiles a taxonomy file (already valid, see `parseTaxonomy`) into per-language
 * indexes of stemmed terms: a single word is indexed by its stem, a phrase by the
 * stem of its first content word, with the following stems kept in order. Runs
 * once per taxonomy (on first use for the default one); documents then need no
 * regex and no per-document setup. Throws `TaxonomyTermError` for a term without
 * content words, `TaxonomyInvalidError` for a duplicate topic, an unknown sibling
 * or an unknown `@list` (a list may include others as `@name` entries, see
 * `resolveWordList`).
 *
 * @example
 * const compiled = compileTaxonomy({ version: '1', topics: [{ id: 'rain', terms: { en: ['rain'] } }] });
 * compiled.index.get('en')?.get('rain')?.[0]?.topic; // 'rain'
 */
const compileTaxonomy = (file: TaxonomyFile): CompiledTaxonomy => {
  checkReferences(file);
  const lists = file.wordLists ?? {};
  const resolved = new Map<string, readonly string[]>();
  const words = (ref: TaxonomyTermRuleInput['near']): readonly string[] | undefined => {
    if (ref === undefined || Array.isArray(ref)) return ref;
    const name = ref.slice(1);
    if (lists[name] === undefined) {
      throw new TaxonomyInvalidError(`word list "${ref}" is not defined`);
    }
    let list = resolved.get(name);
    if (list === undefined) {
      try {
        list = resolveWordList(lists, name);
      } catch (error) {
        if (!(error instanceof WordListReferenceError)) throw error;
        throw new TaxonomyInvalidError(`in word list "${ref}": ${error.message}`, { cause: error });
      }
      resolved.set(name, list);
    }
    return list;
  };
  const languages = [...(file.languages ?? [])];
  for (const topic of file.topics) {
    for (const language of Object.keys(topic.terms)) {
      if (!languages.includes(language)) languages.push(language);
    }
  }
  const index = new Map<string, Map<string, CompiledTerm[]>>();
  for (const language of languages) index.set(language, new Map());
  const counts: Record<string, Record<string, number>> = {};
  for (const topic of file.topics) {
    const topicCounts: Record<string, number> = {};
    counts[topic.id] = topicCounts;
    for (const language of languages) {
      const terms = topic.terms[language];
      if (terms === undefined) continue;
      const rules = toRules(terms, words);
      const byKey = index.get(language) as Map<string, CompiledTerm[]>;
      for (const rule of rules) {
        const term = compileTerm(topic.id, language, rule);
        const first = term.keys[0] as string;
        const bucket = byKey.get(first);
        if (bucket === undefined) byKey.set(first, [term]);
        else bucket.push(term);
      }
      topicCounts[language] = rules.length;
    }
  }
  const chargeCues = new Set(
    Object.values(file.chargeCues ?? {}).flatMap((list) => list.flatMap(contentWords)),
  );
  const topics = file.topics.map((topic) => topic.id);
  return {
    version: file.version,
    topics,
    languages,
    index,
    counts,
    chargeCues,
    siblings: file.siblings ?? [],
    enumerationFrames: new Set(
      file.topics.filter((topic) => topic.enumerationFrame === true).map((topic) => topic.id),
    ),
    frameCues: file.frameCues === undefined ? undefined : compileCues(file.frameCues),
    learned: file.learned === undefined ? undefined : compileLearnedLayer(file.learned, topics),
  };
};

/**
 * Validates a parsed taxonomy file (from JSON or YAML) against
 * `TaxonomyFileSchema`, with unique topic ids and known siblings; what only
 * compiling finds (a term without content words, an unknown `@list`) is left
 * to `compileTaxonomy`. Throws `TaxonomyInvalidError` naming each problem and
 * where it is.
 *
 * @example
 * const file = validateTaxonomy(JSON.parse(text));
 */
const validateTaxonomy = (data: unknown): TaxonomyFile => {
  const parsed = TaxonomyFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new TaxonomyInvalidError(`invalid taxonomy: ${problems.join('; ')}`);
  }
  checkReferences(parsed.data);
  return parsed.data;
};

/**
 * Validates a parsed taxonomy file (from JSON or YAML) and compiles it now.
 * Throws `TaxonomyInvalidError` naming each problem and where it is.
 *
 * @example
 * const taxonomy = loadTaxonomy(JSON.parse(text));
 * processDocument(input, { taxonomy });
 */
const loadTaxonomy = (data: unknown): CompiledTaxonomy => compileTaxonomy(validateTaxonomy(data));

export type { CompiledTaxonomy, CompiledTerm };
export {
  compileTaxonomy,
  EXACT_PREFIX,
  loadTaxonomy,
  TaxonomyInvalidError,
  TaxonomyTermError,
  validateTaxonomy,
};
