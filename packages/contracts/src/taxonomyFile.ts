import * as z from 'zod/mini';

/** Named weights of the term tiers; a rule may also give a number. */
const TERM_WEIGHTS = { strong: 2, medium: 1, weak: 0.4 } as const;

const NonEmptyStringSchema = z.string().check(z.minLength(1));

/** A topic id: lowercase words joined by `_` or `-`, as stored in keys and events. */
const TaxonomyTopicIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, `_` or `-`'));

/** An ISO 639-1 language code. */
const TaxonomyLanguageSchema = z
  .string()
  .check(z.regex(/^[a-z]{2}$/, 'an ISO 639-1 code (two lowercase letters)'));

/** Context words: a list, or `@name` of a list in `wordLists`. */
const ContextWordsSchema = z.union([
  z.array(NonEmptyStringSchema),
  z.string().check(z.regex(/^@[\w-]+$/, '`@name` of a word list')),
]);

const TermWeightSchema = z.union([
  z.enum(['strong', 'medium', 'weak']),
  z.number().check(z.gt(0), z.lte(10)),
]);

/**
 * A term with a weight and optional context conditions. A term prefixed with `=` is
 * matched as the exact folded word instead of its stem.
 */
const TaxonomyTermRuleSchema = z.strictObject({
  term: NonEmptyStringSchema,
  /** @default 'strong' */
  weight: z.optional(TermWeightSchema),
  /** The term counts only if one of these words is near. */
  near: z.optional(ContextWordsSchema),
  /** With `near`: one of these words must be near as well. */
  alsoNear: z.optional(ContextWordsSchema),
  /** The term never counts if one of these words is near. */
  notNear: z.optional(ContextWordsSchema),
  /** Non-function words on either side looked at for context. @default 6 */
  window: z.optional(z.int().check(z.gte(1), z.lte(50))),
});

/** Tiered terms of a topic in one language. */
const TaxonomyTieredTermsSchema = z.strictObject({
  strong: z.optional(z.array(NonEmptyStringSchema)),
  medium: z.optional(z.array(NonEmptyStringSchema)),
  weak: z.optional(z.array(NonEmptyStringSchema)),
  rules: z.optional(z.array(TaxonomyTermRuleSchema)),
});

/** The terms of a topic in one language: a list (plain terms are strong) or tiers. */
const TaxonomyLanguageTermsSchema = z.union([
  z.array(z.union([NonEmptyStringSchema, TaxonomyTermRuleSchema])),
  TaxonomyTieredTermsSchema,
]);

const TaxonomyTopicSchema = z.strictObject({
  id: TaxonomyTopicIdSchema,
  /** What the topic covers, for people. */
  description: z.optional(z.string()),
  /**
   * The topic frames enumerations rather than being one of their items (e.g.
   * international cooperation against a list of crimes). @default false
   */
  enumerationFrame: z.optional(z.boolean()),
  terms: z.record(TaxonomyLanguageSchema, TaxonomyLanguageTermsSchema),
});

/**
 * Per language, cue words of each document frame (exact words, inflections
 * listed). `lawful` (optional): a lawful or preventive use of crime words
 * (hunting, prevention campaigns, medicine approvals...); `offence` (optional):
 * words of an offence taking place (an attack, a killing), which, like
 * enforcement cues, keep a text out of the lawful frame.
 */
const FrameCuesSchema = z.strictObject({
  fiction: z.record(TaxonomyLanguageSchema, z.array(NonEmptyStringSchema)),
  commercial: z.record(TaxonomyLanguageSchema, z.array(NonEmptyStringSchema)),
  lawful: z.optional(z.record(TaxonomyLanguageSchema, z.array(NonEmptyStringSchema))),
  offence: z.optional(z.record(TaxonomyLanguageSchema, z.array(NonEmptyStringSchema))),
  enforcement: z.record(TaxonomyLanguageSchema, z.array(NonEmptyStringSchema)),
});

/** One topic of a learned layer: a logistic regression over rule and word features. */
const LearnedTopicSchema = z.strictObject({
  bias: z.number(),
  /** Weights of the rule features, in the order `learnedRuleFeatureNames` gives. */
  rule: z.array(z.number()),
  /** Weight of each word stem present in the document (stems of the document's language). */
  words: z.record(z.string(), z.number()),
});

/**
 * A learned layer over the rules (optional): per topic, a logistic regression whose
 * probability replaces the rule score. Written by `learnedScorer train` from
 * labelled documents; the rules' terms still explain every topic they matched.
 */
const LearnedLayerSchema = z.strictObject({
  /** 1: rule, language and other-topic features; 2: also the document-frame cues. */
  version: z.union([z.literal(1), z.literal(2)]),
  /** Probability a topic needs to be listed (when the caller gives no threshold). */
  threshold: z.number().check(z.gt(0), z.lt(1)),
  /** Rule score the `aboveThreshold` feature compares with. */
  ruleThreshold: z.number().check(z.gt(0), z.lt(1)),
  /** Languages with a one-hot feature, in feature order. */
  languages: z.array(TaxonomyLanguageSchema),
  /** What it was trained on, for people. */
  trainedOn: z.optional(z.string()),
  topics: z.record(TaxonomyTopicIdSchema, LearnedTopicSchema),
});

/**
 * A taxonomy file (JSON or YAML). Only `version` and `topics` (each an `id` and
 * `terms` per language) are required; the rest refines scoring:
 * - `languages`: the order in which languages are tried (default: as they appear);
 * - `wordLists`: named context-word lists, referenced as `@name` in rules (an
 *   `@name` entry of a list includes that list);
 * - `siblings`: pairs of topics with overlapping vocabularies (a weak one is damped
 *   when its sibling clearly dominates);
 * - `chargeCues`: per language, words that make an enumeration a list of charges;
 * - `frameCues`: cue words of fiction / commercial / lawful-use / enforcement
 *   documents (without them, no document is damped as fiction or product news);
 * - `learned`: a learned layer over the rules (see `LearnedLayerSchema`).
 * `version` is `YYYY.MM.N` (or any dot-separated numbers): a newer taxonomy has a
 * greater version, and documents are never reclassified to an older one.
 */
const TaxonomyFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  version: z
    .string()
    .check(z.regex(/^\d+(?:\.\d+){0,3}$/, 'dot-separated numbers, e.g. 2026.12.1')),
  languages: z.optional(z.array(TaxonomyLanguageSchema)),
  wordLists: z.optional(z.record(z.string(), z.array(NonEmptyStringSchema))),
  siblings: z.optional(z.array(z.tuple([TaxonomyTopicIdSchema, TaxonomyTopicIdSchema]))),
  chargeCues: z.optional(z.record(TaxonomyLanguageSchema, z.array(NonEmptyStringSchema))),
  frameCues: z.optional(FrameCuesSchema),
  topics: z.array(TaxonomyTopicSchema).check(z.minLength(1)),
  learned: z.optional(LearnedLayerSchema),
});

type TaxonomyFile = z.infer<typeof TaxonomyFileSchema>;
type TaxonomyTermRuleInput = z.infer<typeof TaxonomyTermRuleSchema>;
type TaxonomyLanguageTerms = z.infer<typeof TaxonomyLanguageTermsSchema>;
type TaxonomyFrameCues = z.infer<typeof FrameCuesSchema>;
type TaxonomyLearnedLayer = z.infer<typeof LearnedLayerSchema>;

/** Kinds of document-frame cue words (`frameCues`), in the order a version 2 layer reads them. */
const FRAME_CUE_KINDS = ['fiction', 'commercial', 'lawful', 'offence', 'enforcement'] as const;

/**
 * Names of a learned layer's rule features for one topic, in weight order: its rule
 * score, the score's log-odds, whether it passes `ruleThreshold`, log(1 + matched
 * terms), log(1 + matched terms above the weak tier), the strongest other topic, how
 * many others pass, the language one-hot, then every other topic's score (the topic's
 * own slot is 0); from layer version 2, log(1 + distinct frame cue words) of each
 * kind of `FRAME_CUE_KINDS`.
 */
const learnedRuleFeatureNames = (
  topics: readonly string[],
  languages: readonly string[],
  version: 1 | 2 = 1,
): string[] => [
  'score',
  'logitScore',
  'aboveThreshold',
  'terms',
  'strongTerms',
  'maxOtherScore',
  'otherTopicsAbove',
  ...languages.map((language) => `lang:${language}`),
  ...topics.map((topic) => `other:${topic}`),
  ...(version >= 2 ? FRAME_CUE_KINDS.map((kind) => `frame:${kind}`) : []),
];

/**
 * What the schema cannot check, one sentence per problem in file order: each
 * topic id listed once, siblings among the topics, a learned layer's topics among
 * them with one rule weight per feature. The core refuses a file
 * with any; the CDK constructs refuse it at synth.
 *
 * @example
 * const problems = taxonomyReferenceProblems(TaxonomyFileSchema.parse(data));
 */
const taxonomyReferenceProblems = (file: TaxonomyFile): string[] => {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const { id } of file.topics) {
    if (ids.has(id)) problems.push(`topic "${id}" is listed twice`);
    ids.add(id);
  }
  for (const id of (file.siblings ?? []).flat()) {
    if (!ids.has(id)) problems.push(`sibling "${id}" is not a topic`);
  }
  if (file.learned !== undefined) {
    const expected = learnedRuleFeatureNames(
      [...ids],
      file.learned.languages,
      file.learned.version,
    ).length;
    for (const [id, topic] of Object.entries(file.learned.topics)) {
      if (!ids.has(id)) problems.push(`learned topic "${id}" is not a topic`);
      else if (topic.rule.length !== expected) {
        problems.push(
          `learned topic "${id}" has ${topic.rule.length} rule weights, not ${expected}`,
        );
      }
    }
  }
  return problems;
};

export type {
  TaxonomyFile,
  TaxonomyFrameCues,
  TaxonomyLanguageTerms,
  TaxonomyLearnedLayer,
  TaxonomyTermRuleInput,
};
export {
  FRAME_CUE_KINDS,
  learnedRuleFeatureNames,
  TaxonomyFileSchema,
  TaxonomyTopicIdSchema,
  TERM_WEIGHTS,
  taxonomyReferenceProblems,
};
