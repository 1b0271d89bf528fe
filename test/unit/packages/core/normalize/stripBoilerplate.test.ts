import { describe, expect, it } from 'vitest';
import { BOILERPLATE_PATTERNS } from '../../../../../packages/core/src/normalize/boilerplatePatterns.ts';
import { stripBoilerplate } from '../../../../../packages/core/src/normalize/stripBoilerplate.ts';

const OPTIONS = { patterns: BOILERPLATE_PATTERNS, maxTailLines: 15, maxTailShare: 0.4 };
const PARAGRAPH =
  'Les enquêteurs ont saisi plusieurs tonnes de marchandises contrefaites dans trois ports de la région, selon le communiqué publié lundi.';

describe('Function: stripBoilerplate', () => {
  it('peels trailing lines, blocks and the repeated title, keeping the title', () => {
    // Prepare
    const lines = [
      'Titre',
      '',
      PARAGRAPH,
      '',
      PARAGRAPH,
      '',
      'Articles similaires',
      '',
      'Un autre titre',
      '',
      'Titre',
      '♦ Suivez-nous sur Facebook',
    ];

    // Act
    const result = stripBoilerplate(lines, OPTIONS);

    // Assess
    expect(result).toEqual({
      lines: ['Titre', '', PARAGRAPH, '', PARAGRAPH, ''],
      removed: 4,
    });
  });

  it('never removes the title, even when it looks like boilerplate', () => {
    // Prepare
    const lines = ['Commentaires', '', 'Commentaires'];

    // Act
    const result = stripBoilerplate(lines, OPTIONS);

    // Assess
    expect(result).toEqual({ lines: ['Commentaires', '', ''], removed: 1 });
  });

  it('keeps a block after a marker further than maxTailLines from the end', () => {
    // Prepare
    const lines = [
      'Titre',
      '',
      PARAGRAPH,
      'Lire aussi',
      'a',
      'b',
      'c',
      PARAGRAPH,
      PARAGRAPH,
      PARAGRAPH,
    ];

    // Act
    const result = stripBoilerplate(lines, { ...OPTIONS, maxTailLines: 3, maxTailShare: 1 });

    // Assess
    expect(result).toEqual({ lines, removed: 0 });
  });

  it('keeps a block larger than maxTailShare of the document', () => {
    // Prepare
    const lines = ['Titre', '', PARAGRAPH, '', 'Lire aussi', '', PARAGRAPH];

    // Act
    const result = stripBoilerplate(lines, { ...OPTIONS, maxTailShare: 0.3 });

    // Assess
    expect(result).toEqual({ lines, removed: 0 });
  });

  it('ignores very long lines', () => {
    // Prepare
    const long = `Commentaires ${'x'.repeat(400)}`;
    const lines = ['Titre', '', long];

    // Act
    const result = stripBoilerplate(lines, OPTIONS);

    // Assess
    expect(result).toEqual({ lines, removed: 0 });
  });
});
