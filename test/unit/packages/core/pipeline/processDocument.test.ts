import { processDocument, TITLE_MAX_CHARS } from '@doc-ingest/core';
import { describe, expect, it } from 'vitest';
import { loadSamples } from '../../../../helpers/samples.ts';

const samples = loadSamples();

const accepted = (bytes: Uint8Array, key: string) => {
  const result = processDocument({ bytes, key });
  if (!result.ok) throw new Error(`${key} rejected: ${result.rejection.reason}`);
  return result.value;
};

describe('Function: processDocument', () => {
  it.each(samples)('reads sample $name as expected', ({ name, bytes, expected }) => {
    // Act
    const doc = accepted(bytes, name);

    // Assess
    const found = doc.topics.map((topic) => topic.id);
    expect(doc.language).toBe(expected.language);
    expect(found).toEqual(expect.arrayContaining(expected.topics));
    const allowed = new Set([...expected.topics, ...expected.optional_topics]);
    expect(found.filter((id) => !allowed.has(id))).toEqual([]);
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives every sample its own content hash', () => {
    // Act
    const hashes = samples.map(({ name, bytes }) => accepted(bytes, name).contentHash);

    // Assess
    expect(new Set(hashes).size).toBe(samples.length);
  });

  it('records the key hints without trusting them', () => {
    // Prepare
    const sample = samples[0];
    if (sample === undefined) throw new Error('no samples');

    // Act
    const doc = accepted(sample.bytes, `some/prefix/${sample.name}`);
    const renamed = accepted(sample.bytes, 'anything.txt');

    // Assess
    expect(doc.sourceIndex).toBe(Number(sample.name.slice(0, 3)));
    expect(doc.declaredHash).toBe(sample.name.slice(4, 20));
    expect(renamed.declaredHash).toBeUndefined();
    expect(renamed.contentHash).toBe(doc.contentHash);
  });

  it('shortens the title of a document saved as one long line', () => {
    // Prepare
    const line = 'Une phrase sans fin sur la coopération policière. '.repeat(200);

    // Act
    const doc = accepted(Buffer.from(line), 'one-line.txt');

    // Assess
    expect(doc.title.length).toBe(TITLE_MAX_CHARS);
    expect(doc.title.endsWith('…')).toBe(true);
    expect(doc.text).toBe(line.trim());
  });

  it('keeps ZWNJ, ZWJ and variation selectors and still removes bidi overrides', () => {
    // Prepare
    const persian = 'ما می\u200cخواهیم که پلیس این شبکه را متلاشی کند';
    const emoji = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467} \u2764\ufe0f';
    const text = `Titre \u202eesrever\u202c\n\n${persian}\n\n${emoji}`;

    // Act
    const doc = accepted(Buffer.from(text, 'utf8'), 'persan.txt');

    // Assess
    expect(doc.text).toContain(persian);
    expect(doc.text).toContain(emoji);
    expect(doc.title).toBe('Titre esrever');
  });

  it('gives a page whose scripts name crimes no topic, and its title from <h1>', () => {
    // Prepare
    const html =
      '<!DOCTYPE html><html><head><title>Cuisine | Le site</title>' +
      '<script>const tags = "terrorisme attentat trafic de cocaïne blanchiment d’argent cartel";</script>' +
      '</head><body><h1>Tarte aux pommes</h1><p>Épluchez quatre pommes et étalez la pâte.</p>' +
      '<div hidden>Réseau de trafiquants de drogue démantelé par la police</div>' +
      '<p>Enfournez trente minutes et servez tiède avec de la crème.</p></body></html>';

    // Act
    const doc = accepted(Buffer.from(html, 'utf8'), 'recette.txt');

    // Assess
    expect(doc).toMatchObject({ title: 'Tarte aux pommes', format: 'html', topics: [] });
    expect(doc.text).not.toMatch(/cocaïne|trafiquants|<|>/);
  });

  it('rejects bad input with a reason instead of throwing', () => {
    // Act
    const result = processDocument({
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      key: 'photo.txt',
    });

    // Assess
    expect(result).toEqual({
      ok: false,
      rejection: { reason: 'binary-content', detail: expect.any(String) },
    });
  });
});
