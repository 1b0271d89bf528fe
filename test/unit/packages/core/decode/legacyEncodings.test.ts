import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../../packages/core/src/decode/decodeText.ts';
import { detectLegacyEncoding } from '../../../../../packages/core/src/decode/detectLegacyEncoding.ts';
import { looksWestern } from '../../../../../packages/core/src/decode/looksWestern.ts';

/*
 * Legacy single-byte texts, written for these tests and encoded with
 * iconv-lite (an encoder independent of the TextDecoder the core reads with).
 * The promise: decoded to exactly the written text, or rejected as
 * `undetected-encoding`; never accepted as other characters (mojibake).
 */
const SENTENCES = {
  ru: [
    'Полиция задержала группу контрабандистов, которые перевозили наркотики через границу.',
    'Следствие продолжается, сообщили в прокуратуре в понедельник.',
    'По данным следствия, участники группы отмывали деньги через подставные фирмы.',
    'Суд арестовал троих подозреваемых на два месяца.',
  ],
  pl: [
    'Policja zatrzymała członków grupy przestępczej, która przemycała narkotyki przez granicę.',
    'Śledztwo trwa, a prokuratura nie wyklucza kolejnych zatrzymań.',
    'Według śledczych pieniądze były prane przez fikcyjne spółki.',
    'Sąd zdecydował o tymczasowym aresztowaniu trzech podejrzanych.',
  ],
  cs: [
    'Policie zadržela členy zločinecké skupiny, která pašovala drogy přes hranice.',
    'Vyšetřování pokračuje a státní zástupce nevylučuje další zatčení.',
    'Podle vyšetřovatelů byly peníze prány přes fiktivní firmy.',
  ],
  el: [
    'Η αστυνομία συνέλαβε μέλη εγκληματικής οργάνωσης που διακινούσε ναρκωτικά μέσω των συνόρων.',
    'Η έρευνα συνεχίζεται και δεν αποκλείονται νέες συλλήψεις.',
    'Σύμφωνα με τους ανακριτές, τα χρήματα ξεπλένονταν μέσω εικονικών εταιρειών.',
  ],
  tr: [
    'Polis, sınır üzerinden uyuşturucu kaçakçılığı yapan bir suç örgütünün üyelerini gözaltına aldı.',
    'Soruşturma sürüyor ve yeni gözaltılar bekleniyor.',
    'Savcılığa göre paralar paravan şirketler aracılığıyla aklandı.',
  ],
  he: [
    'המשטרה עצרה חברים בארגון פשיעה שהבריח סמים דרך הגבול.',
    'החקירה נמשכת והפרקליטות אינה שוללת מעצרים נוספים.',
    'לדברי החוקרים הכסף הולבן דרך חברות קש.',
  ],
  ar: [
    'اعتقلت الشرطة أعضاء في منظمة إجرامية كانت تهرب المخدرات عبر الحدود.',
    'التحقيق مستمر ولا تستبعد النيابة اعتقالات أخرى.',
    'وبحسب المحققين، تم غسل الأموال عبر شركات وهمية.',
  ],
  fr: [
    'La police a démantelé un réseau de trafic de stupéfiants après une enquête de plusieurs mois.',
    'Le préfet a déclaré que la sécurité était assurée à la frontière.',
    'Selon les enquêteurs, l’argent était blanchi par des sociétés écrans.',
  ],
  es: [
    '¿Qué pasó? La policía desmanteló una red de narcotráfico tras una investigación.',
    'El fiscal señaló que la operación continúa en varias ciudades españolas.',
  ],
  de: [
    'Die Polizei hat einen Schmugglerring zerschlagen; die Ermittlungen dauerten über ein Jahr.',
    'Nach Angaben der Staatsanwaltschaft wurde das Geld über Scheinfirmen gewaschen.',
  ],
} as const;

type Language = keyof typeof SENTENCES;

/** Encodings of each language, as legacy systems saved them. */
const ENCODINGS: readonly (readonly [Language, string])[] = [
  ['ru', 'windows-1251'],
  ['ru', 'koi8-r'],
  ['ru', 'iso-8859-5'],
  ['pl', 'iso-8859-2'],
  ['pl', 'windows-1250'],
  ['cs', 'windows-1250'],
  ['cs', 'iso-8859-2'],
  ['el', 'iso-8859-7'],
  ['el', 'windows-1253'],
  ['tr', 'windows-1254'],
  ['tr', 'iso-8859-9'],
  ['he', 'windows-1255'],
  ['he', 'iso-8859-8'],
  ['ar', 'windows-1256'],
  ['ar', 'iso-8859-6'],
  ['fr', 'windows-1252'],
  ['es', 'windows-1252'],
  ['de', 'windows-1252'],
];

const paragraph = (language: Language): string => SENTENCES[language].join(' ');

describe('Function: decodeText on legacy single-byte encodings', () => {
  it.each(ENCODINGS)('decodes %s written in %s to the very same text', (language, encoding) => {
    // Prepare
    const text = `${paragraph(language)}\n\n${paragraph(language)}`;
    const input = iconv.encode(text, encoding);

    // Act
    const result = decodeText(input, { key: 'legacy.txt' });

    // Assess
    expect(result.ok && result.value.text).toBe(text);
  });

  it.each([
    ['Russian in Windows-1251', 'ru', 'windows-1251', 'windows-1251'],
    ['Russian in KOI8-R', 'ru', 'koi8-r', 'koi8-r'],
    ['Polish in ISO-8859-2', 'pl', 'iso-8859-2', 'iso-8859-2'],
    ['Czech in Windows-1250', 'cs', 'windows-1250', 'windows-1250'],
    ['Turkish in ISO-8859-9', 'tr', 'iso-8859-9', 'windows-1254'],
    ['Arabic in Windows-1256', 'ar', 'windows-1256', 'windows-1256'],
  ] as const)('records %s as %s', (_, language, encoding, recorded) => {
    // Act
    const result = decodeText(iconv.encode(paragraph(language), encoding), { key: 'a.txt' });

    // Assess
    expect(result.ok && result.value.encoding).toBe(recorded);
  });

  it('rejects a short Baltic text whose encoding cannot be told apart, rather than guess', () => {
    // Prepare
    const input = iconv.encode(
      'Policija sulaikė nusikalstamos grupuotės narius, kurie gabeno narkotikus per sieną.',
      'windows-1257',
    );

    // Act
    const result = decodeText(input, { key: 'lt.txt' });

    // Assess
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'undetected-encoding' } });
  });

  it.each([
    ['Shift_JIS', 'shift_jis'],
    ['GB18030', 'gb18030'],
  ])('rejects multi-byte legacy %s text, which is not read', (_, encoding) => {
    // Prepare
    const input = iconv.encode(
      '警察は国境を越えて麻薬を密輸していた犯罪組織のメンバーを逮捕した。',
      encoding,
    );

    // Act
    const result = decodeText(input, { key: 'ja.txt' });

    // Assess
    expect(result.ok).toBe(false);
  });

  it('never stores a legacy text as other characters than the written ones', () => {
    const languages = Object.keys(SENTENCES) as Language[];
    fc.assert(
      fc.property(
        fc.constantFrom(...ENCODINGS),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(' ', '\n', '\n\n'),
        ([language, encoding], picks, separator) => {
          // Prepare: sentences of one language, in any order and number.
          const sentences = SENTENCES[language];
          const text = picks.map((pick) => sentences[pick % sentences.length]).join(separator);

          // Act
          const result = decodeText(iconv.encode(text, encoding), { key: 'legacy.txt' });

          // Assess
          if (result.ok) expect(result.value.text).toBe(text);
          else expect(result.rejection.reason).toBe('undetected-encoding');
        },
      ),
      { numRuns: 300 },
    );
    expect(languages.length).toBeGreaterThan(5);
  });
});

describe('Function: detectLegacyEncoding', () => {
  it('names a confident single-byte encoding with chardet', () => {
    // Act
    const result = detectLegacyEncoding(iconv.encode(paragraph('ru'), 'koi8-r'));

    // Assess
    expect(result).toMatchObject({ ok: true, encoding: 'koi8-r' });
  });

  it('gives no single-byte encoding for multi-byte CJK text', () => {
    // Act
    const result = detectLegacyEncoding(
      iconv.encode('警察は国境を越えて麻薬を密輸していた犯罪組織のメンバーを逮捕した。', 'gb18030'),
    );

    // Assess
    expect(result.ok).toBe(false);
  });

  it('refuses to choose between ISO-8859-2 and Windows-1250 when both read letters', () => {
    // Prepare: Czech with š and ž only, which the two code pages place apart (š is ą in the other).
    const input = iconv.encode('Policie zadržela šest členů skupiny.', 'iso-8859-2');

    // Act
    const result = detectLegacyEncoding(input);

    // Assess
    expect(result.ok ? result.encoding : 'refused').not.toBe('windows-1250');
  });
});

describe('Function: looksWestern', () => {
  it.each([
    ['French', 'La sécurité est assurée à la frontière, a déclaré le préfet.'],
    ['Spanish with ¿ and ¡', '¿Qué pasó? ¡Señor año! La policía desmanteló una red.'],
    ['German', 'Die Größe der Lieferung überraschte die Ermittler.'],
    ['Portuguese', 'As ações da polícia começaram após a investigação.'],
  ])('accepts %s', (_, text) => {
    // Act
    const result = looksWestern(text);

    // Assess
    expect(result).toBe(true);
  });

  it.each([
    [
      'Russian read as Windows-1251',
      iconv.decode(iconv.encode(paragraph('ru'), 'windows-1251'), 'windows-1252'),
    ],
    [
      'Polish read as ISO-8859-2',
      iconv.decode(iconv.encode(paragraph('pl'), 'iso-8859-2'), 'windows-1252'),
    ],
    [
      'Greek read as ISO-8859-7',
      iconv.decode(iconv.encode(paragraph('el'), 'iso-8859-7'), 'windows-1252'),
    ],
    [
      'Hebrew read as Windows-1255',
      iconv.decode(iconv.encode(paragraph('he'), 'windows-1255'), 'windows-1252'),
    ],
  ])('refuses %s as Windows-1252', (_, text) => {
    // Act
    const result = looksWestern(text);

    // Assess
    expect(result).toBe(false);
  });
});
