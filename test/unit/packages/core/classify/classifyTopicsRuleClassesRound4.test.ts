import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../../../../packages/core/src/classify/classifyTopics.ts';
import { classifyWithRules } from '../../../../helpers/classifyWithRules.ts';

// Rule class of taxonomy 2026.12.6 (issue 15, round 4): a state handing stolen or
// smuggled heritage back to another is cooperation. Sentences written for these
// tests; each positive case has a negative twin of the same shape.
const scoreOf = (language: string, title: string, body: string) =>
  classifyWithRules({ title, body, language }).scores.cooperation ?? 0;

describe('Function: classifyTopics, rule classes of taxonomy 2026.12.6', () => {
  it.each([
    [
      'en',
      'Looted antiquities repatriated to Iraq',
      'The United States repatriated 40 looted antiquities to Iraq on Tuesday; the tablets had been smuggled out during the war and were seized by investigators.',
    ],
    [
      'fr',
      'La France restitue à l’Égypte des antiquités volées',
      'Paris a restitué à l’Égypte une centaine de pièces archéologiques volées, saisies lors d’une enquête sur un trafic d’antiquités.',
    ],
    [
      'it',
      'Gli Stati Uniti restituiscono all’Italia reperti trafugati',
      'Gli Stati Uniti restituiscono all’Italia duecento reperti archeologici trafugati, recuperati dai carabinieri del nucleo tutela patrimonio culturale.',
    ],
    [
      'es',
      'España devuelve a Perú piezas arqueológicas robadas',
      'España devuelve a Perú trescientas piezas arqueológicas robadas que la policía había incautado a un coleccionista.',
    ],
    [
      'de',
      'Rückgabe geraubter Antiken an Griechenland',
      'Deutschland hat geraubte Antiken an Griechenland zurückgegeben; die Statuen waren aus einer Grabung gestohlen worden.',
    ],
    [
      'ar',
      'مصر تسترد قطعا أثرية مهربة من بلجيكا',
      'تسلمت وزارة الآثار 56 قطعة أثرية مستردة من بلجيكا بعد ضبطها في قضية تهريب آثار.',
    ],
  ])(
    'finds cooperation in a state returning stolen heritage to another (%s)',
    (language, title, body) => {
      // Assess
      expect(scoreOf(language, title, body)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    },
  );

  it.each([
    [
      'fr',
      'Des antiquités pillées restituées à l’Irak',
      'Les objets archéologiques, issus de fouilles clandestines, avaient été vendus par une galerie. Ce trafic de biens culturels finance parfois des milices.',
    ],
    [
      'en',
      'Looted antiquities returned to Egypt',
      'Customs officers recovered statues taken from archaeological sites during the unrest. The dealer had forged export papers to sell the cultural property at auction.',
    ],
  ])(
    'keeps cultural_property next to cooperation in a return headline (%s)',
    (language, title, body) => {
      // Act
      const { scores } = classifyWithRules({ title, body, language });

      // Assess
      expect(scores.cultural_property).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(scores.cooperation).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    },
  );

  it.each([
    [
      'en',
      'Paintings returned to the museum',
      'After the summer exhibition, the paintings and statues returned to the city museum, where visitors can see the treasures again.',
    ],
    [
      'fr',
      'Les œuvres rendues au musée',
      'Après l’exposition, les œuvres et les statues ont été rendues au musée de la ville, où le public peut de nouveau les voir.',
    ],
    [
      'ar',
      'عودة القطع الأثرية إلى المتحف',
      'أعاد المتحف الوطني القطع الأثرية إلى قاعاته بعد انتهاء أعمال الترميم، ويمكن للزوار مشاهدة التماثيل من جديد.',
    ],
  ])('finds no cooperation in heritage returned at home (%s)', (language, title, body) => {
    // Assess
    expect(scoreOf(language, title, body)).toBeLessThan(DEFAULT_THRESHOLD);
  });
});
