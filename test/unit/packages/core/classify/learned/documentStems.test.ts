import { describe, expect, it } from 'vitest';
import { documentStems } from '../../../../../../packages/core/src/classify/learned/documentStems.ts';
import { tokenizeDocument } from '../../../../../../packages/core/src/classify/tokenize.ts';

describe('Function: documentStems', () => {
  it('keeps each stem once, with the first word that gave it, and skips empty keys', () => {
    // Prepare
    const { tokens } = tokenizeDocument({
      title: 'Trafics saisis',
      body: 'Le trafic, les Trafics.',
    });
    const content = tokens.filter((token) => !token.stop);
    const stemAt = (position: number) => {
      const norm = content[position]?.norm ?? '';
      return norm.startsWith('trafic') ? 'trafic' : norm === 'saisis' ? '' : norm;
    };

    // Act
    const stems = documentStems(content, stemAt);

    // Assess
    expect([...stems]).toEqual([['trafic', 'Trafics']]);
  });
});
