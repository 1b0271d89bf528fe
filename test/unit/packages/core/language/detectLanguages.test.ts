import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectLanguages,
  UNDETERMINED,
} from '../../../../../packages/core/src/language/detectLanguages.ts';

// Written for these tests.
const PARAGRAPHS = {
  fr: 'Les enquêteurs ont interpellé trois suspects mardi matin dans la banlieue de Marseille. Selon le parquet, ils préparaient le transport de marchandises volées vers l’Espagne.',
  en: 'Investigators arrested three suspects on Tuesday morning in the suburbs of Manchester. According to prosecutors, they were preparing to move stolen goods across the border.',
  es: 'Los investigadores detuvieron a tres sospechosos el martes por la mañana en las afueras de Sevilla. Según la fiscalía, preparaban el traslado de mercancía robada hacia Francia.',
  it: 'Gli investigatori hanno arrestato tre sospettati martedì mattina nella periferia di Napoli. Secondo la procura, stavano preparando il trasporto di merce rubata verso la Francia.',
  de: 'Die Ermittler haben am Dienstagmorgen drei Verdächtige in einem Vorort von Hamburg festgenommen. Nach Angaben der Staatsanwaltschaft wollten sie gestohlene Waren ins Ausland bringen.',
  pt: 'Os investigadores detiveram três suspeitos na manhã de terça-feira nos arredores de Lisboa. Segundo o Ministério Público, preparavam o transporte de mercadorias roubadas para Espanha.',
} as const;

// Written for these tests: the same kind of news in three languages of the Arabic script.
const ARABIC_SCRIPT_PARAGRAPHS = {
  ar: 'أعلنت الشرطة صباح الثلاثاء توقيف ثلاثة مشتبه بهم في ضواحي المدينة. وبحسب النيابة العامة، كانوا يستعدون لنقل بضائع مسروقة عبر الحدود.',
  fa: 'پلیس صبح سه‌شنبه سه مظنون را در حومه شهر دستگیر کرد. به گفته دادستانی، آنها قصد داشتند کالاهای دزدی را از مرز عبور دهند.',
  ur: 'پولیس نے منگل کی صبح شہر کے مضافات سے تین مشتبہ افراد کو گرفتار کر لیا۔ استغاثہ کے مطابق وہ چوری کا سامان سرحد پار لے جانے کی تیاری کر رہے تھے۔',
} as const;

const CAPTION_VI =
  'Đại diện lực lượng cảnh sát các nước chụp ảnh lưu niệm tại hội nghị ở Hà Nội. (Ảnh: tư liệu)';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..', '..');

/** Every labelled document of the fixture sets and every sample, decoded as UTF-8. */
const labelledTexts = (): [string, string][] => {
  const dirs = readdirSync(join(ROOT, 'test', 'fixtures'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(ROOT, 'test', 'fixtures', entry.name));
  return [...dirs, join(ROOT, 'samples')].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name): [string, string] => [
        name,
        new TextDecoder().decode(readFileSync(join(dir, name))),
      ]),
  );
};

// Written for these tests: a neighbour of the taxonomy's languages, left to trigrams.
const CATALAN =
  'Els Mossos van detenir dimarts tres homes a la rodalia de Girona. Segons la fiscalia, preparaven el trasllat de mercaderia robada cap a França amb els seus còmplices.';

describe('Function: detectLanguages', () => {
  it('names the same main language with and without the function-word reading on every labelled document', () => {
    // Prepare
    const texts = labelledTexts();
    const mismatches: string[] = [];

    // Act
    for (const [name, text] of texts) {
      const fast = detectLanguages(text).language;
      const full = detectLanguages(text, { fast: false }).language;
      if (fast !== full) mismatches.push(`${name}: ${fast} instead of ${full}`);
    }

    // Assess
    expect(texts.length).toBeGreaterThan(200);
    expect(mismatches).toEqual([]);
  });

  it('leaves a text in a neighbouring language to the trigram ranking', () => {
    // Act
    const fast = detectLanguages(CATALAN);
    const full = detectLanguages(CATALAN, { fast: false });

    // Assess
    expect(fast).toEqual(full);
  });

  it('reports a line in another taxonomy language inside a French article', () => {
    // Prepare
    const text = [PARAGRAPHS.fr, PARAGRAPHS.en, PARAGRAPHS.fr, PARAGRAPHS.fr].join('\n');

    // Act
    const result = detectLanguages(text);

    // Assess
    expect(result.language).toBe('fr');
    expect(result.languages.map((share) => share.code)).toEqual(['fr', 'en']);
  });

  it.each(Object.entries(PARAGRAPHS))('detects %s as the only language', (code, text) => {
    // Act
    const result = detectLanguages(text);

    // Assess
    expect(result).toEqual({ language: code, languages: [{ code, share: 1 }] });
  });

  it('reports a Vietnamese caption inside a French article as a small share', () => {
    // Prepare
    const text = [
      'Une délégation vietnamienne en visite à Lyon',
      PARAGRAPHS.fr,
      CAPTION_VI,
      'La délégation a rencontré les responsables de la coopération policière et visité le centre de commandement. Les échanges ont porté sur la formation des enquêteurs.',
      'Les deux parties ont convenu de se revoir l’an prochain pour dresser un premier bilan des actions engagées ensemble, notamment contre les escroqueries en ligne.',
      'Le ministre a salué un partenariat ancien et souhaité que de nouveaux accords soient signés avant la fin de l’année, dans un contexte de menaces croissantes.',
    ].join('\n\n');

    // Act
    const result = detectLanguages(text);

    // Assess
    expect(result.language).toBe('fr');
    expect(result.languages.map((share) => share.code)).toEqual(['fr', 'vi']);
    expect(result.languages[0]?.share).toBeGreaterThan(0.85);
    expect(result.languages[1]?.share).toBeGreaterThan(0.05);
    expect(result.languages[1]?.share).toBeLessThan(0.15);
  });

  it('ignores lines with too few letters, such as dates', () => {
    // Prepare
    const text = `September 26, 2017 17:30\n\n${PARAGRAPHS.fr}`;

    // Act
    const result = detectLanguages(text);

    // Assess
    expect(result.languages).toEqual([{ code: 'fr', share: 1 }]);
  });

  it('falls back to the whole text when no line is long enough', () => {
    // Act
    const result = detectLanguages('Gracias por todo,\namigos míos');

    // Assess
    expect(result.language).toBe('es');
  });

  it.each(['', '   \n ', 'ok', '12 345 678', '!!!'])('returns und for %j', (text) => {
    // Act
    const result = detectLanguages(text);

    // Assess
    expect(result).toEqual({ language: UNDETERMINED, languages: [] });
  });

  it('samples lines over the whole document when it exceeds the character budget', () => {
    // Prepare
    const french = Array.from({ length: 40 }, () => PARAGRAPHS.fr);
    const english = Array.from({ length: 40 }, () => PARAGRAPHS.en);
    const text = [...french, ...english].join('\n');

    // Act
    const result = detectLanguages(text, { maxLines: 8 });

    // Assess
    expect(result.languages.map((share) => share.code).sort()).toEqual(['en', 'fr']);
    expect(result.languages[0]?.share).toBeGreaterThan(0.4);
  });

  it('reads at most maxLines lines, at an even stride', () => {
    // Prepare
    const text = [
      ...Array.from({ length: 30 }, () => PARAGRAPHS.it),
      ...Array.from({ length: 30 }, () => PARAGRAPHS.pt),
    ].join('\n');

    // Act
    const one = detectLanguages(text, { maxLines: 1 });
    const two = detectLanguages(text, { maxLines: 2 });

    // Assess
    expect(one.languages).toEqual([{ code: 'it', share: 1 }]);
    expect(two.languages.map((share) => share.code).sort()).toEqual(['it', 'pt']);
  });

  it('cuts long lines at maxLineChars', () => {
    // Prepare
    const text = `${PARAGRAPHS.de} ${PARAGRAPHS.fr.repeat(20)}`;

    // Act
    const result = detectLanguages(text, { maxLineChars: 150 });

    // Assess
    expect(result.language).toBe('de');
  });

  it('drops languages below minShare', () => {
    // Prepare
    const text = [PARAGRAPHS.fr, PARAGRAPHS.fr, PARAGRAPHS.fr, PARAGRAPHS.en].join('\n');

    // Act
    const result = detectLanguages(text, { minShare: 0.3 });

    // Assess
    expect(result.languages.map((share) => share.code)).toEqual(['fr']);
  });

  it.each(Object.entries(ARABIC_SCRIPT_PARAGRAPHS))(
    'tells %s from the other languages written in the Arabic script',
    (code, text) => {
      // Act
      const result = detectLanguages(text);

      // Assess
      expect(result).toEqual({ language: code, languages: [{ code, share: 1 }] });
    },
  );

  it('reports Arabic and English for one line mixing an Arabic report and an English quote', () => {
    // Prepare
    const text = `${ARABIC_SCRIPT_PARAGRAPHS.ar} "${PARAGRAPHS.en}" ${ARABIC_SCRIPT_PARAGRAPHS.ar}`;

    // Act
    const result = detectLanguages(text);

    // Assess
    expect(result.language).toBe('ar');
    expect(result.languages.map((share) => share.code)).toEqual(['ar', 'en']);
    expect(result.languages[1]?.share).toBeGreaterThan(0.2);
  });

  it('keeps Latin names inside an Arabic sentence as Arabic', () => {
    // Prepare
    const text =
      'أطلقت منظمة INTERPOL عملية HAECHI-IV ضد الاحتيال الإلكتروني بمشاركة 34 دولة، وأسفرت عن توقيف مئات الأشخاص.';

    // Act
    const result = detectLanguages(text);

    // Assess
    expect(result).toEqual({ language: 'ar', languages: [{ code: 'ar', share: 1 }] });
  });
});
