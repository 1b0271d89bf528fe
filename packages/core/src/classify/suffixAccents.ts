/**
 * Words are folded (accents removed) before stemming, but the Spanish and
 * Portuguese Snowball algorithms recognise some suffixes only with their
 * accent: folded `organizacion` kept its suffix while `organizaciones` lost it,
 * so the singular and the plural of a term never met (`organización criminal` /
 * `organizaciones criminales`, `organização` / `organizações`). These endings are
 * always written with the accent, so restoring it before the stemmer is safe.
 */

const SPANISH_ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/cion$/u, 'ción'],
  [/sion$/u, 'sión'],
];

const PORTUGUESE_ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/cao$/u, 'ção'],
  [/coes$/u, 'ções'],
  [/sao$/u, 'são'],
  [/soes$/u, 'sões'],
];

const restore =
  (endings: readonly (readonly [RegExp, string])[]) =>
  (word: string): string => {
    for (const [ending, accented] of endings) {
      if (ending.test(word)) return word.replace(ending, accented);
    }
    return word;
  };

/**
 * Puts back the accent of a folded Spanish `-ción` / `-sión` ending.
 *
 * @example
 * accentSpanishSuffix('organizacion'); // 'organización'
 */
const accentSpanishSuffix = restore(SPANISH_ENDINGS);

/**
 * Puts back the accents of folded Portuguese `-ção` / `-ções` / `-são` / `-sões` endings.
 *
 * @example
 * accentPortugueseSuffix('organizacoes'); // 'organizações'
 */
const accentPortugueseSuffix = restore(PORTUGUESE_ENDINGS);

export { accentPortugueseSuffix, accentSpanishSuffix };
