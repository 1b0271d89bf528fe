import { describe, expect, it } from 'vitest';
import { createWord, languageSlot } from '../../../../../packages/core/src/classify/word.ts';

describe('Function: createWord', () => {
  it('keeps what it is given and leaves what the matcher learns unset', () => {
    // Act
    const word = createWord('Trafic', 'trafic', false, false);

    // Assess
    expect(word).toEqual({
      surface: 'Trafic',
      norm: 'trafic',
      stop: false,
      elision: false,
      lower: undefined,
      stems: [],
      entryOf: undefined,
      entry: undefined,
    });
  });

  it('gives each word stems of its own', () => {
    // Prepare
    const first = createWord('a', 'a', true, false);
    const second = createWord('b', 'b', true, false);

    // Act
    first.stems[0] = 'a';

    // Assess
    expect(second.stems).toEqual([]);
  });
});

describe('Function: languageSlot', () => {
  it('gives each language one slot for the life of the process, and others other slots', () => {
    // Act
    const french = languageSlot('fr');
    const english = languageSlot('en');

    // Assess
    expect(languageSlot('fr')).toBe(french);
    expect(english).not.toBe(french);
    expect(Number.isInteger(french) && french >= 0).toBe(true);
  });
});
