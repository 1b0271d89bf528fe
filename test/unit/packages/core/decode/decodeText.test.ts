import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../../packages/core/src/decode/decodeText.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (readonly number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : [...part])));

const cp1252Table = new TextDecoder('windows-1252').decode(
  Uint8Array.from({ length: 256 }, (_, index) => index),
);
const cp1252 = (text: string): Uint8Array =>
  Uint8Array.from(text, (char) => {
    const byte = cp1252Table.indexOf(char);
    if (byte < 0) throw new Error(`${char} is not in Windows-1252`);
    return byte;
  });
const utf16 = (text: string, order: 'le' | 'be'): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = order === 'le' ? (le[i] ?? 0) : (le[i + 1] ?? 0);
    out[i + 1] = order === 'le' ? (le[i + 1] ?? 0) : (le[i] ?? 0);
  }
  return out;
};

const ARTICLE =
  'Madagascar en quarts de finale\n\nLes Malgaches ont battu la RD Congo aux tirs au but, après un match « très physique » : l’entraîneur s’est dit ému.\n';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d];
const PDF = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';
const HTML =
  '<!DOCTYPE html>\n<html lang="fr"><head><title>Match</title></head><body><p>Texte</p></body></html>\n';

const rejectionOf = (input: Uint8Array, key?: string): string | undefined => {
  const result = decodeText(input, key === undefined ? {} : { key });
  return result.ok ? undefined : result.rejection.reason;
};

describe('Function: decodeText', () => {
  describe('rejections', () => {
    it.each<[string, Uint8Array, string | undefined, string]>([
      ['zero bytes', new Uint8Array(0), 'empty.txt', 'empty'],
      ['a PNG under .png', bytes(PNG), 'image.png', 'unsupported-type'],
      ['a PNG under .txt', bytes(PNG), 'image.txt', 'binary-content'],
      ['a PNG without key', bytes(PNG), undefined, 'binary-content'],
      ['a PDF under .PDF', bytes(PDF), 'Scan.PDF', 'unsupported-type'],
      ['a PDF under .txt', bytes(PDF), 'doc.txt', 'binary-content'],
      ['gzip under .gz', bytes([0x1f, 0x8b, 0x08, 0x00, 0x41]), 'a.txt.gz', 'unsupported-type'],
      ['gzip under .txt', bytes([0x1f, 0x8b, 0x08, 0x00, 0x41]), 'a.txt', 'binary-content'],
      [
        'a ZIP (docx) under .docx',
        bytes([0x50, 0x4b, 0x03, 0x04, 0x14]),
        'r.docx',
        'unsupported-type',
      ],
      ['JPEG under .txt', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00]), 'p.txt', 'binary-content'],
      ['GIF under .gif', bytes('GIF89a\u0001'), 'p.gif', 'unsupported-type'],
      [
        'ELF without extension',
        bytes([0x7f, 0x45, 0x4c, 0x46, 0x02]),
        'bin/tool',
        'binary-content',
      ],
      ['NUL bytes in text', bytes('Texte', [0, 0, 0, 0], ' suite.'), 'a.txt', 'binary-content'],
      ['BOM-less UTF-16LE', utf16(ARTICLE, 'le'), 'a.txt', 'undetected-encoding'],
      ['BOM-less UTF-16BE', utf16(ARTICLE, 'be'), 'a.txt', 'undetected-encoding'],
      [
        'UTF-32LE with BOM',
        bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]),
        'a.txt',
        'undetected-encoding',
      ],
      [
        'odd-length UTF-16LE',
        bytes([0xff, 0xfe, 0x41, 0x00, 0x42]),
        'a.txt',
        'undetected-encoding',
      ],
      [
        'UTF-16 holding NUL',
        bytes([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]),
        'a.txt',
        'binary-content',
      ],
      ['corrupted UTF-8', bytes('é', [0xc3, 0x28], ' à'), 'a.txt', 'invalid-utf8'],
      ['truncated last character', bytes('Un communiqué', [0xc3]), 'a.txt', 'invalid-utf8'],
      [
        'invalid bytes after a UTF-8 BOM',
        bytes([0xef, 0xbb, 0xbf], 'caf', [0xe9]),
        'a.txt',
        'invalid-utf8',
      ],
      [
        'bytes neither UTF-8 nor Windows-1252',
        bytes('caf', [0xe9, 0x81]),
        'a.txt',
        'undetected-encoding',
      ],
      [
        'many control bytes',
        bytes('a\u0001b\u0002c\u0003d\u0004e\u0005f\u0006g\u0007h\u0008i'),
        'a.txt',
        'binary-content',
      ],
      [
        'an RTF document under .txt',
        bytes('{\\rtf1\\ansi Texte}'),
        'lettre.txt',
        'unsupported-type',
      ],
      ['a .rtf key', bytes('{\\rtf1\\ansi Texte}'), 'lettre.rtf', 'unsupported-type'],
      [
        'XML that is not a feed',
        bytes('<?xml version="1.0"?>\n<invoice><total>12</total></invoice>'),
        'facture.txt',
        'unsupported-type',
      ],
      ['a .xml key that is not a feed', bytes(ARTICLE), 'export.xml', 'unsupported-type'],
      [
        'HTML nested deeper than the parser may go',
        bytes(`<div>${'<span>'.repeat(5_000)}x`),
        'page.html',
        'unsupported-type',
      ],
      ['a .json key', bytes(ARTICLE), 'export.json', 'unsupported-type'],
      [
        'a JSON object under .txt',
        bytes('{\n  "title": "Match",\n  "body": "Texte"\n}\n'),
        'export.txt',
        'unsupported-type',
      ],
      ['a JSON array under .txt', bytes(' [1, {"a": 2}] '), 'export.txt', 'unsupported-type'],
    ])('rejects %s', (_, input, key, reason) => {
      // Act
      const rejection = rejectionOf(input, key);

      // Assess
      expect(rejection).toBe(reason);
    });

    it('says where invalid UTF-8 starts', () => {
      // Prepare: more well-formed accents than invalid runs, so corrupted UTF-8
      const input = bytes(
        'Le sélectionneur a été très clair',
        [0xc3, 0x28, 0x20, 0xff, 0xfe],
        ' suite',
      );

      // Act
      const result = decodeText(input, { key: 'a.txt' });

      // Assess
      expect(result).toEqual({
        ok: false,
        rejection: { reason: 'invalid-utf8', detail: expect.stringContaining('byte 37') },
      });
    });

    it('flags a truncated last character as such', () => {
      // Prepare
      const input = bytes('Précise le communiqué, ', [0xc3]);

      // Act
      const result = decodeText(input);

      // Assess
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.rejection.detail).toMatch(/byte 25.*end of the object/);
    });
  });

  describe('encodings', () => {
    it.each<[string, Uint8Array, string, string[]]>([
      ['UTF-8', utf8(ARTICLE), 'utf-8', []],
      ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], ARTICLE), 'utf-8-bom', ['bom-stripped']],
      [
        'UTF-16LE with BOM',
        bytes([0xff, 0xfe], [...utf16(ARTICLE, 'le')]),
        'utf-16le',
        ['bom-stripped'],
      ],
      [
        'UTF-16BE with BOM',
        bytes([0xfe, 0xff], [...utf16(ARTICLE, 'be')]),
        'utf-16be',
        ['bom-stripped'],
      ],
      ['Windows-1252', cp1252(ARTICLE), 'windows-1252', []],
    ])('decodes %s', (_, input, encoding, notes) => {
      // Act
      const result = decodeText(input, { key: 'inbox/001_3b6e52c3d201db76.txt' });

      // Assess
      expect(result).toEqual({
        ok: true,
        value: { text: ARTICLE, encoding, notes, format: 'text' },
      });
    });

    it('decodes French Windows-1252 whose é + NBSP + » happens to be valid UTF-8', () => {
      // Prepare: E9 A0 BB is also the UTF-8 encoding of U+983B
      const text =
        'Le préfet a déclaré : « la sécurité est assurée »\u00a0et a salué la coopération.';
      const input = cp1252(text.replace('assurée »', 'assurée\u00a0»'));

      // Act
      const result = decodeText(input);

      // Assess
      expect(result.ok && result.value.encoding).toBe('windows-1252');
      expect(result.ok && result.value.text).toContain('assurée\u00a0»');
    });

    it('decodes Windows-1252 punctuation from bytes 0x80-0x9F', () => {
      // Prepare
      const input = bytes([
        0x93, 0x43, 0x6f, 0xfb, 0x74, 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0x9c, 0x85,
      ]);

      // Act
      const result = decodeText(input);

      // Assess
      expect(result.ok && result.value).toMatchObject({
        text: '“Coût” – € œ…',
        encoding: 'windows-1252',
      });
    });

    it('keeps a BOM-only object for the normalizer to reject', () => {
      // Act
      const result = decodeText(bytes([0xef, 0xbb, 0xbf, 0x0a]), { key: 'bom_only.txt' });

      // Assess
      expect(result).toEqual({
        ok: true,
        value: { text: '\n', encoding: 'utf-8-bom', notes: ['bom-stripped'], format: 'text' },
      });
    });

    it('accepts prose that mentions tags and braces', () => {
      // Prepare
      const text = 'La balise <html> ouvre une page.\n\n{ici} et [là] : rien de structuré.';

      // Act
      const result = decodeText(utf8(text), { key: 'a.txt' });

      // Assess
      expect(result.ok && result.value.text).toBe(text);
    });
  });

  describe('markup', () => {
    it.each([
      ['a whole page under .txt', HTML, 'page.txt'],
      ['a whole page under .html', HTML, 'page.html'],
      [
        'a page after a BOM and a saved-from comment',
        '\ufeff<!-- saved from url=(0032)https://x.test/ -->\n<html><head><title>Match</title></head>\n<body><p>Texte</p></body></html>',
        'p.txt',
      ],
      ['a fragment under .txt', '<h1>Match</h1>\n<p>Texte</p>', 'fragment.txt'],
      ['a fragment under .htm', '<p>Texte</p>', 'fragment.htm'],
    ])('reads %s as its visible text, title first', (_, html, key) => {
      // Act
      const result = decodeText(utf8(html), { key });

      // Assess
      expect(result.ok && result.value.format).toBe('html');
      expect(result.ok && result.value.text.trim().split(/\n+/)).toEqual(
        key === 'fragment.htm' ? ['Texte'] : ['Match', 'Texte'],
      );
    });

    it('never lets scripts, styles or hidden elements reach the text', () => {
      // Prepare
      const html =
        '<html><head><title>Recette de saison</title><style>.x{color:red}</style>' +
        '<script>var t = "terrorisme cocaïne trafic d’armes";</script></head><body>' +
        '<p>Une tarte aux pommes.</p><noscript>blanchiment</noscript>' +
        '<template><p>attentat</p></template><div hidden>cartel</div>' +
        '<span aria-hidden="true">rançongiciel</span><p style="display: none">passeurs</p>' +
        '</body></html>';

      // Act
      const result = decodeText(utf8(html), { key: 'recette.txt' });

      // Assess
      expect(result.ok && result.value.text.trim()).toBe(
        'Recette de saison\n\nUne tarte aux pommes.',
      );
    });

    it('reads an RSS feed as its items’ titles and descriptions', () => {
      // Prepare
      const rss =
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Fil police</title>' +
        '<link>https://x.test</link><item><title>Saisie de cocaïne</title>' +
        '<description>&lt;p&gt;La douane a saisi &lt;b&gt;200 kg&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description>' +
        '<pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate></item>' +
        '<item><title>Réseau démantelé</title><description><![CDATA[<p>Europol a aidé.</p>]]></description></item>' +
        '</channel></rss>';

      // Act
      const result = decodeText(utf8(rss), { key: 'fil.xml' });

      // Assess
      expect(result.ok && result.value.format).toBe('feed');
      expect(result.ok && result.value.text.split(/\n+/).map((line) => line.trim())).toEqual([
        'Fil police',
        'Saisie de cocaïne',
        'La douane a saisi 200 kg.',
        'Réseau démantelé',
        'Europol a aidé.',
      ]);
    });

    it('reads an Atom feed under .txt', () => {
      // Prepare
      const atom =
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Actualités</title>' +
        '<entry><title>Arrestation</title><summary type="html">&lt;p&gt;Deux passeurs arrêtés.&lt;/p&gt;</summary></entry></feed>';

      // Act
      const result = decodeText(utf8(atom), { key: 'atom.txt' });

      // Assess
      expect(result.ok && result.value).toMatchObject({ format: 'feed' });
      expect(result.ok && result.value.text).toContain('Deux passeurs arrêtés.');
    });

    it('neutralises controls and bidi overrides spelled as entities', () => {
      // Act
      const result = decodeText(utf8('<p>Texte &#x202E;inversé&#x202C; &#1;fin</p>'), {
        key: 'a.html',
      });

      // Assess
      expect(result.ok && result.value.text.trim()).toBe('Texte inversé fin');
    });

    it.each([
      'La balise <html> ouvre une page.',
      'Les signes < et > comparent : 3 < 4 et 5 > 2.',
      'Un <b> seul, sans fermeture.',
    ])('keeps prose that mentions a tag as text: %j', (text) => {
      // Act
      const result = decodeText(utf8(text), { key: 'a.txt' });

      // Assess
      expect(result.ok && result.value).toMatchObject({ text, format: 'text' });
    });
  });

  describe('cleaning', () => {
    it('removes control and format characters and says so', () => {
      // Prepare
      const input = utf8(
        'Un match \u001b[1mdifficile\u001b[0m et\u0007 très physique,\f mais jou\u00adable\u200b.',
      );

      // Act
      const result = decodeText(input, { key: 'a.txt' });

      // Assess
      expect(result).toEqual({
        ok: true,
        value: {
          text: 'Un match difficile et très physique,  mais jouable.',
          encoding: 'utf-8',
          notes: ['control-chars-removed'],
          format: 'text',
        },
      });
    });

    it('keeps a terminal capture full of colour codes', () => {
      // Prepare
      const line = '\u001b[1;32mOK\u001b[0m match joué\n';
      const input = utf8(line.repeat(50));

      // Act
      const result = decodeText(input, { key: 'log.txt' });

      // Assess
      expect(result.ok && result.value.text).toBe('OK match joué\n'.repeat(50));
    });

    it('repairs UTF-8 read as Windows-1252 and says so', () => {
      // Prepare
      const input = utf8('La rÃ©solution de lâ€™ONU appelle Ã\u00a0 la coopÃ©ration.');

      // Act
      const result = decodeText(input, { key: 'a.txt' });

      // Assess
      expect(result).toEqual({
        ok: true,
        value: {
          text: 'La résolution de l’ONU appelle à la coopération.',
          encoding: 'utf-8',
          notes: ['mojibake-repaired'],
          format: 'text',
        },
      });
    });

    it('leaves legitimate accented capitals before quotes alone', () => {
      // Prepare
      const text = '«CAFÉ» et «PERDÓN», “L’ÉTÉ”, SÃO PAULO, Straße…';

      // Act
      const result = decodeText(utf8(text));

      // Assess
      expect(result).toEqual({
        ok: true,
        value: { text, encoding: 'utf-8', notes: [], format: 'text' },
      });
    });

    it('decodes a 300 KB single line', () => {
      // Prepare
      const sentence = 'Le Sénégal a battu l’Ouganda « très physique », a précisé l’entraîneur. ';
      const text = sentence.repeat(Math.ceil(300_000 / sentence.length));

      // Act
      const result = decodeText(utf8(text), { key: 'long_line.txt' });

      // Assess
      expect(result.ok && result.value.text).toBe(text);
    });
  });
});
