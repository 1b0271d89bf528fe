import { describe, expect, it } from 'vitest';
import {
  fingerprintText,
  HEADLINE_MAX_WORDS,
} from '../../../../../packages/core/src/similarity/fingerprintText.ts';

describe('Function: fingerprintText', () => {
  it('leaves the headline out', () => {
    // Prepare
    const document = { title: 'Blitz a Lampedusa', body: 'Sette scafisti arrestati ieri.' };

    // Act
    const text = fingerprintText(document);

    // Assess
    expect(text).toBe('Sette scafisti arrestati ieri.');
  });

  it('keeps a first line too long to be a headline', () => {
    // Prepare
    const title = Array.from({ length: HEADLINE_MAX_WORDS + 1 }, (_, i) => `w${i}`).join(' ');

    // Act
    const text = fingerprintText({ title, body: 'Second paragraph.' });

    // Assess
    expect(text).toBe(`${title}\nSecond paragraph.`);
  });

  it.each(['', '  \n '])('uses the only line when the body is %j', (body) => {
    // Act
    const text = fingerprintText({ title: 'A single paragraph of text.', body });

    // Assess
    expect(text).toBe('A single paragraph of text.');
  });
});
