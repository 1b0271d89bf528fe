/** Log-odds of a score, clamped so that 0 and 1 stay finite. */
const logit = (score: number): number => {
  const p = Math.min(Math.max(score, 1e-4), 1 - 1e-4);
  return Math.log(p / (1 - p));
};

/** Features before the language one-hot and the other topics' scores. */
const FIXED = 7;

/** What the rules made of one document: the input of a learned layer besides its words. */
interface RuleEvidence {
  /** Rule score of each topic, in the taxonomy's order. */
  scores: readonly number[];
  /** Distinct matched terms of each topic, in the taxonomy's order. */
  termCounts: readonly number[];
  /** Of those, the terms above the weak tier (weak terms alone never list a topic by the rules). */
  strongTermCounts: readonly number[];
  /** Base language code of the document (`fr`, `ar`, `und`...). */
  language: string;
  /** Distinct frame cue words of each kind, in the order of `FRAME_CUE_KINDS` (contracts). */
  frameCues: readonly number[];
}

/** What a layer's rule features depend on besides the document (`CompiledLearnedLayer`). */
interface RuleFeatureShape {
  ruleThreshold: number;
  languages: readonly string[];
  /** Layer version: 2 also reads the frame cues. */
  version: number;
}

/**
 * The rule features of one topic, in the order of `learnedRuleFeatureNames`
 * (contracts): its score, the score's log-odds / 5, whether it passes
 * `ruleThreshold`, log(1 + matched terms), log(1 + matched terms above the weak
 * tier), the strongest other topic, how many others pass (/ 3), the language
 * one-hot over `languages`, then each topic's score with the topic's own slot 0;
 * from version 2, log(1 + distinct frame cue words) of each kind. Scaled to about
 * -2..2, so one learning rate fits them all. Written into `into` when it has the
 * right length (one buffer for every topic of a document), else into a new array.
 */
const ruleFeatures = (
  evidence: RuleEvidence,
  topic: number,
  shape: RuleFeatureShape,
  into?: Float64Array,
): Float64Array => {
  const { scores, termCounts, strongTermCounts, language, frameCues } = evidence;
  const { ruleThreshold, languages } = shape;
  const frameSlots = shape.version >= 2 ? frameCues.length : 0;
  const size = FIXED + languages.length + scores.length + frameSlots;
  const features = into?.length === size ? into.fill(0) : new Float64Array(size);
  const own = scores[topic] ?? 0;
  let maxOther = 0;
  let othersAbove = 0;
  scores.forEach((score, index) => {
    if (index === topic) return;
    if (score > maxOther) maxOther = score;
    if (score >= ruleThreshold) othersAbove += 1;
    features[FIXED + languages.length + index] = score;
  });
  features[0] = own;
  features[1] = logit(own) / 5;
  features[2] = own >= ruleThreshold ? 1 : 0;
  features[3] = Math.log1p(termCounts[topic] ?? 0);
  features[4] = Math.log1p(strongTermCounts[topic] ?? 0);
  features[5] = maxOther;
  features[6] = othersAbove / 3;
  const languageSlot = languages.indexOf(language);
  if (languageSlot >= 0) features[FIXED + languageSlot] = 1;
  const frameStart = FIXED + languages.length + scores.length;
  for (let kind = 0; kind < frameSlots; kind++) {
    features[frameStart + kind] = Math.log1p(frameCues[kind] as number);
  }
  return features;
};

export type { RuleEvidence, RuleFeatureShape };
export { ruleFeatures };
