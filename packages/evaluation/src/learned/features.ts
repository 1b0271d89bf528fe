import { TOPIC_IDS, type TopicId } from '@doc-ingest/contracts';

/** What the rules made of one document: the input of the learned layer. */
interface RuleView {
  /** Detected language (base code, e.g. `ar`). */
  language: string;
  /** Every topic's rule score (0..1). */
  scores: Partial<Record<TopicId, number>>;
  /** Number of matched terms the rules list for each topic with a score above 0. */
  termCounts: Partial<Record<TopicId, number>>;
  /** The canonical text, for the bag-of-stems part. */
  text: string;
}

/** Languages with a one-hot feature; any other language has none set. */
const FEATURE_LANGUAGES = ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt'] as const;

/** Buckets of the hashed bag of word prefixes. */
const HASH_BUCKETS = 1024;
/** Letters a word is cut to: a crude stem shared by all languages. */
const PREFIX_LETTERS = 5;
/** Shortest word kept in the bag. */
const MIN_WORD_LETTERS = 3;

const ARABIC_CLITIC = /^(?:وال|بال|فال|كال|لل|ال|و)(?=\p{L}{3})/u;

/** FNV-1a, 32 bits: a stable hash with no dependency. */
const hash32 = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

/** Log-odds of a score, clamped so that 0 and 1 stay finite. */
const logit = (p: number): number => {
  const q = Math.min(Math.max(p, 1e-4), 1 - 1e-4);
  return Math.log(q / (1 - q));
};

/**
 * Hashed buckets of the document's word prefixes (each bucket once: presence,
 * not frequency, so that a long text does not outweigh a short one). Arabic
 * words lose a leading article or conjunction first.
 */
const stemBuckets = (text: string): number[] => {
  const buckets = new Set<number>();
  for (const match of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0].replace(ARABIC_CLITIC, '');
    if (word.length < MIN_WORD_LETTERS) continue;
    buckets.add(hash32(word.slice(0, PREFIX_LETTERS)) % HASH_BUCKETS);
  }
  return [...buckets].sort((a, b) => a - b);
};

/** Names of the dense features, in the order of `denseFeatures`. */
const DENSE_FEATURE_NAMES = [
  'score',
  'logitScore',
  'aboveThreshold',
  'terms',
  'maxOtherScore',
  'otherTopicsAbove',
  ...FEATURE_LANGUAGES.map((language) => `lang:${language}`),
  ...TOPIC_IDS.map((id) => `other:${id}`),
] as const;

/**
 * Dense features of one (document, topic): the rule score (raw, log-odds, above
 * the rules' threshold), how many terms matched, how strong the other topics
 * are (their maximum, how many pass, each one's score) and the language.
 */
const denseFeatures = (view: RuleView, topic: TopicId, threshold: number): number[] => {
  const own = view.scores[topic] ?? 0;
  const others = TOPIC_IDS.filter((id) => id !== topic).map((id) => view.scores[id] ?? 0);
  return [
    own,
    logit(own) / 5,
    own >= threshold ? 1 : 0,
    Math.log1p(view.termCounts[topic] ?? 0),
    Math.max(0, ...others),
    others.filter((score) => score >= threshold).length / 3,
    ...FEATURE_LANGUAGES.map((language) => (view.language === language ? 1 : 0)),
    ...TOPIC_IDS.map((id) => (id === topic ? 0 : (view.scores[id] ?? 0))),
  ];
};

/** A sparse vector: dense values first, then hashed buckets set to 1. */
interface FeatureVector {
  dense: number[];
  buckets: number[];
}

const featuresOf = (
  view: RuleView,
  topic: TopicId,
  threshold: number,
  buckets: number[],
): FeatureVector => ({ dense: denseFeatures(view, topic, threshold), buckets });

export type { FeatureVector, RuleView };
export {
  DENSE_FEATURE_NAMES,
  denseFeatures,
  FEATURE_LANGUAGES,
  featuresOf,
  HASH_BUCKETS,
  hash32,
  logit,
  stemBuckets,
};
