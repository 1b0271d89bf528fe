/** Weight of each term tier; a rule may set any weight. */
const TermWeight = {
  /** Unambiguous on its own: `attentat`, `ransomware`, `narcotráfico`. */
  STRONG: 2,
  /** Topical but also used elsewhere: `cocaïne`, `extorsion`. */
  MEDIUM: 1,
  /** Only a hint: never enough alone. */
  WEAK: 0.4,
} as const;

export { TermWeight };
