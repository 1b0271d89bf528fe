import { describe, expect, it } from 'vitest';
import { compileLearnedLayer } from '../../../../../../packages/core/src/classify/learned/compileLearnedLayer.ts';
import { documentStems } from '../../../../../../packages/core/src/classify/learned/documentStems.ts';
import { presentWordsOf } from '../../../../../../packages/core/src/classify/learned/presentWords.ts';
import { readDocumentWords } from '../../../../../../packages/core/src/classify/learned/readDocumentWords.ts';
import { createWord, type Word } from '../../../../../../packages/core/src/classify/word.ts';

const layer = compileLearnedLayer(
  {
    version: 1,
    threshold: 0.5,
    ruleThreshold: 0.45,
    languages: ['en'],
    topics: { drugs: { bias: 0, rule: [], words: { cocain: 2, port: -1, seiz: 1 } } },
  },
  ['drugs'],
);

// One shared Word per spelling, as the tokenizer hands them out.
const table = new Map<string, Word>();
const wordsOf = (text: string): Word[] =>
  text.split(' ').map((surface) => {
    let word = table.get(surface);
    if (word === undefined) {
      const norm = surface.length > 12 ? '' : surface.toLowerCase();
      word = createWord(surface, norm, false, false);
      table.set(surface, word);
    }
    return word;
  });
// A crude stemmer: what matters is that both readings use the same one.
const stemmer = (content: readonly Word[]) => (position: number) =>
  (content[position] as Word).norm.replace(/(e|es|ed|ing|s)$/, '');

const viaMap = (content: readonly Word[]) => {
  const words = presentWordsOf(layer, documentStems(content, stemmer(content)));
  return { count: words.count, rows: words.rows, words: words.rows.map((_, i) => words.wordOf(i)) };
};
const direct = (content: readonly Word[], policy = 'en') => {
  const words = readDocumentWords(layer, policy, content, stemmer(content));
  return { count: words.count, rows: words.rows, words: words.rows.map((_, i) => words.wordOf(i)) };
};

describe('Function: readDocumentWords', () => {
  it('reads what presentWordsOf reads from the distinct stems, in the same order', () => {
    // Prepare
    const documents = [
      'Cocaine seized in the port Cocaine seizes cocaine',
      'Port workers seized nothing averyveryverylongword',
      'cocaine cocaine cocaine',
      '',
    ].map(wordsOf);

    // Act
    const read = documents.map((content) => direct(content));

    // Assess
    expect(read).toEqual(documents.map(viaMap));
    expect(read[0]).toMatchObject({ count: 5, words: ['Cocaine', 'seized', 'port'] });
  });

  it('counts each stem again in the next document, and under another policy', () => {
    // Prepare
    const content = wordsOf('cocaine port cocaine');

    // Act
    const first = direct(content);
    const again = direct(content);
    const otherPolicy = direct(content, '*');

    // Assess
    expect([first.count, again.count, otherPolicy.count]).toEqual([2, 2, 2]);
    expect(again.rows).toEqual(first.rows);
  });
});
