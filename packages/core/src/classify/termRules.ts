import type { TermRule } from './taxonomy.ts';
import { TermWeight } from './termWeight.ts';

/**
 * A generic criminal-group term (`criminal network`, `organización criminal`):
 * strong near words of the group's structure (`structure`), medium elsewhere. In a
 * smuggling or trafficking story, `a criminal network` is who did it, a passing
 * mention; the group is the subject when the text tells of its leaders, its
 * hierarchy or its dismantling.
 */
const groupTermRules = (terms: readonly string[], structure: readonly string[]): TermRule[] =>
  terms.flatMap((term) => [
    { term, weight: TermWeight.STRONG, near: structure, window: 12 },
    { term, weight: TermWeight.MEDIUM },
  ]);

/**
 * Fraud and scam words as weak hints of financial crime, except near words that
 * put the fraud online (`online`, `WhatsApp`, `phishing`...): a scam run over the
 * internet or by text message is the subject of `cybercrime`, and a hint of
 * financial crime there only adds passing money words to a cybercrime story.
 */
const onlineExcluded = (terms: readonly string[], online: readonly string[]): TermRule[] =>
  terms.map((term) => ({ term, weight: TermWeight.WEAK, notNear: online, window: 8 }));

export { groupTermRules, onlineExcluded };
