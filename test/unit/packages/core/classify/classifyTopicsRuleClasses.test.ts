import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../../../../packages/core/src/classify/classifyTopics.ts';
import { classifyWithRules } from '../../../../helpers/classifyWithRules.ts';

// Rule classes of taxonomy 2026.12.3 (issue 15, round 2). Sentences written for
// these tests; each positive case has a negative twin of the same shape.
const scoreOf = (language: string, body: string, topic: string, title = 'Nachricht') =>
  classifyWithRules({ title, body, language }).scores[topic] ?? 0;

describe('Function: classifyTopics, rule classes of taxonomy 2026.12.3', () => {
  it.each([
    ['ar', 'ضبط شاب نشر مواد إباحية تستهدف الأطفال على حسابه.'],
    ['ar', 'اعتقال منتج أفلام الخلاعة التي تستغل القاصرين.'],
    ['ar', 'حكم على رجل بتهمة ابتزاز جنسي لقاصرين عبر الإنترنت.'],
  ])(
    'finds Arabic child sexual abuse material told without the fixed phrases (%s: %s)',
    (language, body) => {
      // Assess
      expect(scoreOf(language, body, 'child_exploitation')).toBeGreaterThan(DEFAULT_THRESHOLD);
    },
  );

  it('does not take a child online-safety campaign for child exploitation', () => {
    // Act
    const score = scoreOf(
      'ar',
      'حملة توعية للأطفال حول الخصوصية على الإنترنت ووقت الشاشة والرسائل من الغرباء.',
      'child_exploitation',
    );

    // Assess
    expect(score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('finds an Arabic hunting offence in a reserve, and not a nature documentary', () => {
    // Act
    const offence = scoreOf(
      'ar',
      'القبض على مواطنين بعد مخالفة الصيد في محمية طبيعية.',
      'environmental',
    );
    const documentary = scoreOf(
      'ar',
      'فيلم وثائقي عن هجرة الطيور والكائنات الفطرية في المحميات.',
      'environmental',
    );

    // Assess
    expect(offence).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(documentary).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it.each([
    ['ar', 'ضبط مسافر ابتلع كبسولات الكوكايين وآخر يحمل حبوب الكبتاجون في المطار.'],
    ['en', 'The drug mule had swallowed 60 pellets of cocaine before the flight.'],
    ['fr', 'La mule avait ingéré 70 ovules de cocaïne avant le vol.'],
  ])('finds a drug courier who swallowed capsules (%s)', (language, body) => {
    // Assess
    expect(scoreOf(language, body, 'drug_trafficking')).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it.each([
    [
      'fr',
      'Le trafic d’ivoire est l’une des activités les plus lucratives, derrière le trafic de drogue.',
    ],
    ['en', 'Wildlife crime is as lucrative as drug trafficking, the report says.'],
  ])(
    'does not count a drug trade named as the benchmark of another crime (%s)',
    (language, body) => {
      // Assess
      expect(scoreOf(language, body, 'drug_trafficking')).toBeLessThan(DEFAULT_THRESHOLD);
    },
  );

  it.each([
    [
      'en',
      'The leader of the drug trafficking group was sentenced. Two lieutenants ran the shipments for the kingpin.',
    ],
    [
      'de',
      'Drei Mitglieder einer Schleuserbande wurden festgenommen. Die Bande arbeitete mit klarer Arbeitsteilung.',
    ],
    [
      'fr',
      'Ils sont mis en examen pour traite en bande organisée ; la répartition des rôles était stricte.',
    ],
    ['es', 'Los compradores eran grupos que se disputan el control del hachís.'],
  ])('finds organised crime told by leaders, members, roles or rivalry (%s)', (language, body) => {
    // Assess
    expect(scoreOf(language, body, 'organized_crime')).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('does not take a ransomware charge "en bande organisée" for organised crime', () => {
    // Act
    const score = scoreOf(
      'fr',
      'Une enquête est ouverte pour atteinte à un système de traitement automatisé de données et extorsion en bande organisée.',
      'organized_crime',
    );

    // Assess
    expect(score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('finds a ring of fraudsters, not a lone doorstep trick, as financial crime', () => {
    // Act
    const ring = scoreOf(
      'es',
      'Detenidos cuatro grupos de estafadores que engañaban a personas mayores.',
      'corruption_financial',
    );
    const trick = scoreOf(
      'es',
      'Detenidos dos jóvenes por estafar a ancianos con el timo del revisor del gas.',
      'corruption_financial',
    );

    // Assess
    expect(ring).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(trick).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('does not take INTERPOL cited for a definition for cooperation, but counts it in an operation', () => {
    // Act
    const cited = scoreOf(
      'ar',
      'غسل الأموال هو إخفاء مصدر الأموال كما يعرفه موقع الإنتربول.',
      'cooperation',
    );
    const operation = scoreOf('ar', 'شاركت الإنتربول في عملية ضد غسل الأموال.', 'cooperation');

    // Assess
    expect(cited).toBeLessThan(DEFAULT_THRESHOLD);
    expect(operation).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it.each([
    [
      'en',
      'It was the first joint cybercrime investigation between Egyptian and U.S. authorities.',
    ],
    [
      'it',
      'Trentasette arresti tra Italia e Germania nel blitz contro il clan. La polizia tedesca ha eseguito due arresti.',
    ],
  ])(
    'finds cooperation in a joint investigation or operation with a named country (%s)',
    (language, body) => {
      // Assess
      expect(scoreOf(language, body, 'cooperation')).toBeGreaterThan(DEFAULT_THRESHOLD);
    },
  );

  it('finds trafficking in workers made to pay a debt from their wages', () => {
    // Act
    const score = scoreOf(
      'pt',
      'A rede trazia imigrantes para os explorar nas estufas; eram obrigados a entregar o salário para pagar a dívida.',
      'human_trafficking',
    );

    // Assess
    expect(score).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('does not take a police officer’s abusive access to police databases for cybercrime', () => {
    // Act
    const insider = scoreOf(
      'it',
      'Accusa di accesso abusivo alle banche dati delle forze dell’ordine.',
      'cybercrime',
    );
    const intrusion = scoreOf(
      'it',
      'Accusa di accesso abusivo ai server di un ospedale.',
      'cybercrime',
    );

    // Assess
    expect(insider).toBeLessThan(DEFAULT_THRESHOLD);
    expect(intrusion).toBeGreaterThan(DEFAULT_THRESHOLD);
  });
});
