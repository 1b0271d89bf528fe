import { TOPIC_IDS, type TopicId } from '@doc-ingest/contracts';
import { getStemmer } from './stem.ts';
import {
  CHARGE_CUES,
  type ChargeCues,
  TAXONOMY,
  TAXONOMY_LANGUAGES,
  TAXONOMY_VERSION,
  type Taxonomy,
  type TaxonomyLanguage,
  type TermRule,
  TermWeight,
} from './taxonomy.ts';
import { tokenize } from './tokenize.ts';

/** Prefix of index keys that hold an exact folded word rather than a stem. */
const EXACT_PREFIX = '=';
const DEFAULT_WINDOW = 6;

/** One taxonomy term, ready for matching. */
interface CompiledTerm {
  topic: TopicId;
  language: TaxonomyLanguage;
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
  languages: readonly TaxonomyLanguage[];
  /** Per language, the terms whose first key is the map key. */
  index: ReadonlyMap<TaxonomyLanguage, ReadonlyMap<string, readonly CompiledTerm[]>>;
  /** Number of terms per topic and language, for checks and docs. */
  counts: Readonly<Record<TopicId, Readonly<Partial<Record<TaxonomyLanguage, number>>>>>;
  /** Folded words that introduce charges (`accused`, `indiciados`...), all languages. */
  chargeCues: ReadonlySet<string>;
}

/** A taxonomy term that yields no content word (only function words, or empty). */
class TaxonomyTermError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TaxonomyTermError';
  }
}

const contentWords = (text: string): string[] =>
  tokenize(text)
    .tokens.filter((token) => !token.stop)
    .map((token) => token.norm);

const contextStems = (
  words: readonly string[] | undefined,
  language: TaxonomyLanguage,
): ReadonlySet<string> | undefined => {
  if (words === undefined) return undefined;
  const stem = getStemmer(language);
  return new Set(words.flatMap(contentWords).map(stem));
};

const compileTerm = (topic: TopicId, language: TaxonomyLanguage, rule: TermRule): CompiledTerm => {
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

const tierRules = (terms: readonly string[] | undefined, weight: number): TermRule[] =>
  (terms ?? []).map((term) => ({ term, weight }));

/**
 * Compiles a taxonomy into per-language indexes of stemmed terms: a single word is
 * indexed by its stem, a phrase by the stem of its first content word, with the
 * following stems kept in order. Runs once at module load for the built-in taxonomy
 * (`COMPILED_TAXONOMY`); documents then need no regex and no per-document setup.
 * The charge cues (`CHARGE_CUES` by default) are kept as one set of folded words.
 * Throws `TaxonomyTermError` for a term without content words.
 *
 * @example
 * const compiled = compileTaxonomy(TAXONOMY, TAXONOMY_VERSION);
 * compiled.index.get('fr')?.get('attentat')?.[0]?.topic; // 'terrorism'
 */
const compileTaxonomy = (
  taxonomy: Taxonomy,
  version: string,
  cues: ChargeCues = CHARGE_CUES,
): CompiledTaxonomy => {
  const index = new Map<TaxonomyLanguage, Map<string, CompiledTerm[]>>();
  const counts = {} as Record<TopicId, Partial<Record<TaxonomyLanguage, number>>>;
  for (const language of TAXONOMY_LANGUAGES) index.set(language, new Map());
  for (const topic of TOPIC_IDS) {
    counts[topic] = {};
    for (const language of TAXONOMY_LANGUAGES) {
      const terms = taxonomy[topic][language];
      if (terms === undefined) continue;
      const rules = [
        ...tierRules(terms.strong, TermWeight.STRONG),
        ...tierRules(terms.medium, TermWeight.MEDIUM),
        ...tierRules(terms.weak, TermWeight.WEAK),
        ...(terms.rules ?? []),
      ];
      const byKey = index.get(language);
      for (const rule of rules) {
        const term = compileTerm(topic, language, rule);
        const first = term.keys[0] as string;
        const bucket = byKey?.get(first);
        if (bucket === undefined) byKey?.set(first, [term]);
        else bucket.push(term);
      }
      counts[topic][language] = rules.length;
    }
  }
  const chargeCues = new Set(Object.values(cues).flatMap((words) => words.flatMap(contentWords)));
  return { version, languages: TAXONOMY_LANGUAGES, index, counts, chargeCues };
};

/** The built-in taxonomy, compiled once when the module loads. */
const COMPILED_TAXONOMY: CompiledTaxonomy = compileTaxonomy(TAXONOMY, TAXONOMY_VERSION);

export type { CompiledTaxonomy, CompiledTerm };
export { COMPILED_TAXONOMY, compileTaxonomy, EXACT_PREFIX, TaxonomyTermError };
