import { gzipSync } from 'node:zlib';
import type {
  DocumentFormatName,
  RejectionReasonCode,
  TextEncodingName,
} from '@doc-ingest/contracts';
import iconv from 'iconv-lite';

/*
 * Hostile inputs, generated in code (nothing downloaded, nothing checked in),
 * each with the outcome the record contract promises for it: a source record
 * with the encoding the decoder detected, or a rejection with its reason code.
 */

/** What the pipeline must make of a fixture. */
type ExpectedOutcome =
  | { kind: 'source'; encoding: TextEncodingName; format?: DocumentFormatName }
  | { kind: 'rejection'; reason: RejectionReasonCode };

interface HostileFixture {
  /** File name, used as the last segment of the object key. */
  name: string;
  /** What the fixture exercises, for the reliability table. */
  description: string;
  bytes: Buffer;
  expected: ExpectedOutcome;
}

const accepted = (
  encoding: TextEncodingName,
  format: DocumentFormatName = 'text',
): ExpectedOutcome => ({ kind: 'source', encoding, format });
const rejected = (reason: RejectionReasonCode): ExpectedOutcome => ({ kind: 'rejection', reason });

/** A short article; `tag` makes each fixture's content (and hash) its own. */
const article = (tag: string): string =>
  `Rapport ${tag}\n\nLa police a démantelé un réseau de trafic de stupéfiants ` +
  `après une enquête de plusieurs mois menée avec Europol. Référence ${tag}.\n`;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4000000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

const russian = (tag: string): string =>
  `Доклад ${tag}\n\nПолиция задержала группу контрабандистов, которые перевозили наркотики ` +
  'через границу. Следствие продолжается, сообщили в прокуратуре.\n';
const polish = (tag: string): string =>
  `Raport ${tag}\n\nPolicja zatrzymała członków grupy przestępczej, która przemycała ` +
  'narkotyki przez granicę. Śledztwo trwa, a prokuratura nie wyklucza kolejnych zatrzymań.\n';

/** Builds the fixtures; `runId` keeps the texts of one run distinct from earlier runs. */
const hostileFixtures = (runId: string): HostileFixture[] => {
  const utf8 = (tag: string) => Buffer.from(article(`${tag} ${runId}`), 'utf8');
  const invalidInMiddle = (() => {
    const text = utf8('invalid-utf8-middle');
    const middle = Math.floor(text.length / 2);
    return Buffer.concat([
      text.subarray(0, middle),
      Buffer.from([0xc3, 0x28, 0xff]),
      text.subarray(middle),
    ]);
  })();
  const longLine = `${'Une seule ligne très longue sur la contrebande de migrants et la corruption. '.repeat(5_000)}${runId}`;
  return [
    {
      name: 'empty.txt',
      description: 'empty file (0 bytes)',
      bytes: Buffer.alloc(0),
      expected: rejected('empty'),
    },
    {
      name: 'whitespace.txt',
      description: 'whitespace only (spaces, tabs, CRLF, NBSP)',
      bytes: Buffer.from(' \t\r\n  \u00a0\r\n\t ', 'utf8'),
      expected: rejected('empty-after-normalization'),
    },
    {
      name: 'image.txt',
      description: 'PNG renamed .txt',
      bytes: PNG,
      expected: rejected('binary-content'),
    },
    {
      name: 'report.pdf',
      description: 'PDF under its own extension',
      bytes: PDF,
      expected: rejected('unsupported-type'),
    },
    {
      name: 'document.txt',
      description: 'PDF renamed .txt',
      bytes: PDF,
      expected: rejected('binary-content'),
    },
    {
      name: 'archive.txt',
      description: 'gzip renamed .txt',
      bytes: gzipSync(utf8('gzip')),
      expected: rejected('binary-content'),
    },
    {
      name: 'nul-bytes.txt',
      description: 'text interleaved with many NUL bytes (binary)',
      bytes: Buffer.from(
        [...'binary-looking data '.repeat(20)].map((c) => `${c}\u0000\u0000\u0000`).join(''),
        'latin1',
      ),
      expected: rejected('binary-content'),
    },
    {
      name: 'stray-nul.txt',
      description: 'an article with a single NUL byte',
      bytes: Buffer.concat([
        utf8('stray-nul').subarray(0, 20),
        Buffer.from([0]),
        utf8('stray-nul').subarray(20),
      ]),
      expected: rejected('binary-content'),
    },
    {
      name: 'invalid-utf8-middle.txt',
      description: 'invalid UTF-8 sequence in the middle of UTF-8 text',
      bytes: invalidInMiddle,
      expected: rejected('invalid-utf8'),
    },
    {
      name: 'truncated-multibyte.txt',
      description: 'UTF-8 text whose last character is cut mid-sequence',
      bytes: (() => {
        const text = Buffer.from(`${article(`truncated ${runId}`)}Fin: é`, 'utf8');
        return text.subarray(0, text.length - 1);
      })(),
      expected: rejected('invalid-utf8'),
    },
    {
      name: 'windows-1252.txt',
      description: 'legacy Windows-1252 text (accepted, decoded as cp1252)',
      bytes: Buffer.from(article(`cp1252 ${runId}`), 'latin1'),
      expected: accepted('windows-1252'),
    },
    {
      name: 'utf8-bom.txt',
      description: 'UTF-8 with BOM (accepted, BOM stripped)',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('bom')]),
      expected: accepted('utf-8-bom'),
    },
    {
      name: 'utf16le.txt',
      description: 'UTF-16 LE with BOM',
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(article(`utf16le ${runId}`), 'utf16le'),
      ]),
      expected: accepted('utf-16le'),
    },
    {
      name: 'utf16be.txt',
      description: 'UTF-16 BE with BOM',
      bytes: Buffer.concat([
        Buffer.from([0xfe, 0xff]),
        Buffer.from(article(`utf16be ${runId}`), 'utf16le').swap16(),
      ]),
      expected: accepted('utf-16be'),
    },
    {
      name: 'page.txt',
      description: 'HTML page renamed .txt (read as its visible text)',
      bytes: Buffer.from(
        `<!DOCTYPE html><html><head><title>x</title><script>var t = "attentat terroriste";</script></head><body><p>${article(`page-txt ${runId}`)}</p></body></html>`,
      ),
      expected: accepted('utf-8', 'html'),
    },
    {
      name: 'page.html',
      description: 'HTML page under .html (read as its visible text)',
      bytes: Buffer.from(`<html><body><p>${article(`page-html ${runId}`)}</p></body></html>`),
      expected: accepted('utf-8', 'html'),
    },
    {
      name: 'fragment.txt',
      description: 'HTML fragment under .txt, hidden text and a script',
      bytes: Buffer.from(
        `<h1>Fragment ${runId}</h1><p>${article(`fragment ${runId}`)}</p><div hidden>cartel</div><script>x()</script>`,
      ),
      expected: accepted('utf-8', 'html'),
    },
    {
      name: 'feed.xml',
      description: 'RSS 2.0 feed (read as its items)',
      bytes: Buffer.from(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Fil ${runId}</title><item><title>Saisie</title><description>&lt;p&gt;${article(`feed ${runId}`)}&lt;/p&gt;</description></item></channel></rss>`,
      ),
      expected: accepted('utf-8', 'feed'),
    },
    {
      name: 'letter.txt',
      description: 'RTF document renamed .txt',
      bytes: Buffer.from(`{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} ${article(runId)}}`),
      expected: rejected('unsupported-type'),
    },
    {
      name: 'russian-cp1251.txt',
      description: 'Russian in Windows-1251 (decoded, not mojibake)',
      bytes: iconv.encode(russian(runId), 'windows-1251'),
      expected: accepted('windows-1251'),
    },
    {
      name: 'russian-koi8r.txt',
      description: 'Russian in KOI8-R',
      bytes: iconv.encode(russian(`koi8 ${runId}`), 'koi8-r'),
      expected: accepted('koi8-r'),
    },
    {
      name: 'polish-latin2.txt',
      description: 'Polish in ISO-8859-2',
      bytes: iconv.encode(polish(runId), 'iso-8859-2'),
      expected: accepted('iso-8859-2'),
    },
    {
      name: 'baltic-ambiguous.txt',
      description: 'short Lithuanian in Windows-1257, not told apart from ISO-8859-2',
      bytes: iconv.encode(
        'Policija sulaikė nusikalstamos grupuotės narius, kurie gabeno narkotikus per sieną.',
        'windows-1257',
      ),
      expected: rejected('undetected-encoding'),
    },
    {
      name: 'one-long-word.txt',
      description: 'one 200 kB word (linear time: not stemmed)',
      bytes: Buffer.from(`Mot ${runId}\n\n${'abcdefghij'.repeat(20_000)}`, 'utf8'),
      expected: accepted('utf-8'),
    },
    {
      name: 'persian-zwnj.txt',
      description: 'Persian with ZWNJ (kept)',
      bytes: Buffer.from(
        `گزارش ${runId}\n\nما می\u200cخواهیم که پلیس این شبکه را متلاشی کند.`,
        'utf8',
      ),
      expected: accepted('utf-8'),
    },
    {
      name: 'data.txt',
      description: 'JSON document renamed .txt',
      bytes: Buffer.from(JSON.stringify({ title: 'Rapport', body: article(runId), tags: [1, 2] })),
      expected: rejected('unsupported-type'),
    },
    {
      name: 'long-line.txt',
      description: 'one ~390 kB line (text goes to the text bucket)',
      bytes: Buffer.from(longLine, 'utf8'),
      expected: accepted('utf-8'),
    },
    {
      name: 'too-large.txt',
      description: '1.5 MiB text against the 1 MiB cap',
      bytes: Buffer.alloc(1_572_864, `${article(`large ${runId}`)}\n`, 'utf8'),
      expected: rejected('too-large'),
    },
  ];
};

export type { ExpectedOutcome, HostileFixture };
export { hostileFixtures };
