import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { rankTrigrams } from '../../../../../packages/core/src/language/rankTrigrams.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..', '..');

/** Every labelled document of the fixture sets and every sample, decoded as UTF-8. */
const labelledTexts = (): string[] => {
  const dirs = readdirSync(join(ROOT, 'test', 'fixtures'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(ROOT, 'test', 'fixtures', entry.name));
  return [...dirs, join(ROOT, 'samples')].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => new TextDecoder().decode(readFileSync(join(dir, name)))),
  );
};

/** What detectLanguages hands the ranker: whole texts, lines, and starts of lines. */
const pieces = (text: string): string[] =>
  [text, ...text.split('\n')].flatMap((line) => [line, line.slice(0, 60), line.slice(0, 400)]);

// Written for these tests: one text per script family franc-min knows, and a few without letters.
const SCRIPTS = [
  'Полиция задержала трёх подозреваемых во вторник утром в пригороде города.',
  'पुलिस ने मंगलवार सुबह शहर के बाहरी इलाके में तीन संदिग्धों को गिरफ्तार किया।',
  'Η αστυνομία συνέλαβε τρεις υπόπτους το πρωί της Τρίτης στα προάστια της πόλης.',
  '警方周二上午在市郊逮捕了三名嫌疑人，据检方称他们准备运输赃物。',
  'الشرطة أوقفت ثلاثة مشتبه بهم صباح الثلاثاء in the suburbs of the city, said the police.',
  '12345 67890 !!! ??? ---',
  '→→→ ★★★ ♦♦♦ ■■■',
  'a',
  '',
];

describe('Function: rankTrigrams', () => {
  it('ranks every labelled document, line and line start as franc-min does', () => {
    // Prepare
    const texts = [...labelledTexts().flatMap(pieces), ...SCRIPTS];
    const mismatches: string[] = [];

    // Act
    for (const text of texts) {
      if (
        JSON.stringify(rankTrigrams(text, 10)) !== JSON.stringify(francAll(text, { minLength: 10 }))
      )
        mismatches.push(text);
    }

    // Assess
    expect(texts.length).toBeGreaterThan(1000);
    expect(mismatches).toEqual([]);
  });

  it('ranks among given candidates only as franc-min does', () => {
    // Prepare
    const only = ['fra', 'cat', 'spa', 'por', 'arb', 'pes', 'urd'];
    const texts = [...labelledTexts().flatMap((text) => text.split('\n')), ...SCRIPTS];

    // Act
    const ours = texts.map((text) => rankTrigrams(text.slice(0, 60), 10, only));
    const theirs = texts.map((text) => francAll(text.slice(0, 60), { minLength: 10, only }));

    // Assess
    expect(ours).toEqual(theirs);
  });

  it('names a script of one language, and nothing for a text without letters', () => {
    // Act
    const greek = rankTrigrams(SCRIPTS[2] as string);
    const digits = rankTrigrams(SCRIPTS[5] as string);

    // Assess
    expect(greek).toEqual([['ell', 1]]);
    expect(digits).toEqual([['und', 1]]);
  });
});
