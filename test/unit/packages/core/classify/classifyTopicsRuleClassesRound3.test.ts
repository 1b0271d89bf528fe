import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../../../../packages/core/src/classify/classifyTopics.ts';
import { classifyWithRules } from '../../../../helpers/classifyWithRules.ts';

// Rule classes of taxonomy 2026.12.4 (issue 15, round 3). Sentences written for
// these tests; each positive case has a negative twin of the same shape.
const scoreOf = (language: string, body: string, topic: string, title = 'Nachricht') =>
  classifyWithRules({ title, body, language }).scores[topic] ?? 0;

describe('Function: classifyTopics, rule classes of taxonomy 2026.12.4', () => {
  it.each([
    [
      'en',
      'firearms',
      'Hunters return to the woods for the deer season. Archery permits and licences are on sale, and firearms must be unloaded in vehicles; firearms safety courses are free.',
    ],
    [
      'es',
      'drug_trafficking',
      'Sanidad lleva a los institutos una campaña de prevención de las drogodependencias. Los alumnos hablarán del consumo de cocaína y de estupefacientes con psicólogos, y los padres recibirán consejos.',
    ],
    [
      'ar',
      'drug_trafficking',
      'أطلقت وزارة الصحة حملة للتوعية بمخاطر المخدرات في المدارس، مع نصائح لأولياء الأمور حول الإدمان وسبل العلاج والوقاية من المخدرات.',
    ],
  ])(
    'gives no topic to a lawful or preventive use of crime words (%s, %s)',
    (language, topic, body) => {
      // Assess
      expect(scoreOf(language, body, topic, 'News')).toBeLessThan(DEFAULT_THRESHOLD);
    },
  );

  it('classifies the same vocabulary once an offence is reported', () => {
    // Act
    const score = scoreOf(
      'en',
      'On the first day of the deer season, wardens arrested two hunters without licences who were carrying illegal firearms; the firearms were seized.',
      'firearms',
      'News',
    );

    // Assess
    expect(score).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it.each([
    [
      'en',
      'Eight gang members were charged with supplying heroin. The gang was run by a leader who paid younger members, and its cells sold in three towns.',
    ],
    [
      'fr',
      "Les membres du réseau étaient répartis en cellules sous l'autorité d'un chef. Le réseau revendait de la cocaïne dans trois villes.",
    ],
    [
      'ar',
      'ألقت الشرطة القبض على أعضاء عصابة يديرها زعيم من داخل السجن، ووزعت العصابة المهام على أفرادها لترويج الحشيش.',
    ],
  ])('finds organised crime told by a group and its structure (%s)', (language, body) => {
    // Assess
    expect(scoreOf(language, body, 'organized_crime')).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it.each([
    [
      'en',
      'A network of smugglers was dismantled and two drivers were jailed for moving migrants.',
    ],
    ['fr', 'Une filière de passeurs a été démantelée, deux chauffeurs ont été condamnés.'],
  ])('does not make a dismantled crew organised crime by itself (%s)', (language, body) => {
    // Assess
    expect(scoreOf(language, body, 'organized_crime')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('finds cooperation in an international operation with parallel arrests in named countries', () => {
    // Act
    const score = scoreOf(
      'ar',
      'أعلنت الشرطة البرازيلية أن عملية دولية أسفرت عن توقيف 60 مشتبهاً، فيما جرت اعتقالات موازية في الأرجنتين والبرتغال.',
      'cooperation',
    );

    // Assess
    expect(score).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('finds cooperation in a memorandum between prosecutors of two countries, not in a town twinning', () => {
    // Act
    const memorandum = scoreOf(
      'es',
      'La Fiscalía y la fiscalía de Marruecos firmaron un memorando de entendimiento contra el narcotráfico; habrá comisiones rogatorias más rápidas entre los dos países.',
      'cooperation',
    );
    const twinning = scoreOf(
      'es',
      'El ayuntamiento celebra el hermanamiento con una ciudad de Marruecos: conciertos y un mercado entre los dos países.',
      'cooperation',
    );

    // Assess
    expect(memorandum).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(twinning).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('finds Arabic phishing told by fake bank pages and verification codes, not a bank app launch', () => {
    // Act
    const phishing = scoreOf(
      'ar',
      'القبض على متهم أنشأ صفحات وهمية تنتحل اسم بنك، وطلب من الضحايا رمز التحقق لسحب أموالهم.',
      'cybercrime',
    );
    const launch = scoreOf(
      'ar',
      'أطلق البنك تطبيقاً جديداً لعملائه يتيح تحويل الأموال ودفع الفواتير بأمان.',
      'cybercrime',
    );

    // Assess
    expect(phishing).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(launch).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('does not read an Algerian province police or a municipality as a foreign partner', () => {
    // Act
    const province = scoreOf(
      'ar',
      'تمكنت مصالح أمن ولاية سطيف بالتنسيق مع الشرطة القضائية من توقيف متهمين بالسرقة.',
      'cooperation',
    );
    const municipality = scoreOf(
      'ar',
      'بالتعاون مع البلدية والشرطة تم ضبط محل يبيع سلعاً مهربة.',
      'cooperation',
    );

    // Assess: not even the 0.283 of one medium cooperation term
    expect(province).toBeLessThan(0.2);
    expect(municipality).toBeLessThan(0.2);
  });

  it('finds Arabic online extortion as cybercrime, not organised crime', () => {
    // Act
    const body = 'القبض على شاب ابتز فتاة بنشر صور خاصة لها على مواقع التواصل ما لم تدفع له.';

    // Assess
    expect(scoreOf('ar', body, 'cybercrime')).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(scoreOf('ar', body, 'organized_crime')).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('keeps an attack on a school classified although it is told with school words', () => {
    // Act
    const score = scoreOf(
      'ar',
      'أسفر هجوم على الجامعة عن مقتل طلاب، وتبنى تنظيم إرهابي الهجوم، ونقل الجرحى لتلقي العلاج بينما توافدت الأسر.',
      'terrorism',
    );

    // Assess
    expect(score).toBeGreaterThan(DEFAULT_THRESHOLD);
  });
});
