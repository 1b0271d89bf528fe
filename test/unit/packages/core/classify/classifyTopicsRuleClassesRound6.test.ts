import type { TopicId } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../../../../packages/core/src/classify/classifyTopics.ts';
import { classifyWithRules } from '../../../../helpers/classifyWithRules.ts';

// Rule classes of taxonomy 2026.12.10 (issue 15, round 6), from the misses of the
// spent unseen sets Q and R. Sentences written for these tests; every class has
// negative twins of the same shape that must stay below the threshold.
const scoreOf = (topic: TopicId, language: string, title: string, body: string) =>
  classifyWithRules({ title, body, language }).scores[topic] ?? 0;

type Case = [language: string, title: string, body: string];

const found = (topic: TopicId, what: string, cases: Case[]) =>
  it.each(cases)(`finds ${topic} in ${what} (%s)`, (language, title, body) => {
    // Assess
    expect(scoreOf(topic, language, title, body)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

const notFound = (topic: TopicId, what: string, cases: Case[]) =>
  it.each(cases)(`finds no ${topic} in ${what} (%s)`, (language, title, body) => {
    // Assess
    expect(scoreOf(topic, language, title, body)).toBeLessThan(DEFAULT_THRESHOLD);
  });

describe('Function: classifyTopics, rule classes of taxonomy 2026.12.10', () => {
  found('child_exploitation', 'a minor prostituted by a pimping ring', [
    [
      'fr',
      'Une adolescente prostituée par un réseau',
      'Les proxénètes exploitaient une adolescente de 14 ans en fugue ; le réseau de proxénétisme prostituait aussi une autre mineure.',
    ],
    [
      'en',
      'Ring prostituted underage girls',
      'Police say the ring prostituted underage girls in hotels; the pimping of minors went on for a year.',
    ],
    [
      'es',
      'Una red prostituía a menores',
      'La policía liberó a dos adolescentes; la red de proxenetismo las obligaba a la prostitución siendo menores.',
    ],
  ]);
  notFound('child_exploitation', 'pimping of adults', [
    [
      'fr',
      'Un réseau de proxénétisme démantelé',
      'Les proxénètes exploitaient des femmes venues de l’étranger ; le réseau de proxénétisme louait des appartements.',
    ],
    [
      'en',
      'Pimping ring dismantled',
      'Police dismantled a pimping ring that exploited women in rented flats.',
    ],
  ]);

  found('child_exploitation', 'a child harassed or abused (Arabic)', [
    [
      'ar',
      'القبض على متحرش بطفل',
      'أمر النائب العام بالقبض على متحرش بطفل عبر مواقع التواصل، وتوعدت النيابة كل من يتحرش بطفلة أو قاصر.',
    ],
  ]);
  notFound('child_exploitation', 'harassment of adults (Arabic)', [
    [
      'ar',
      'حملة ضد التحرش في العمل',
      'أطلقت الوزارة حملة ضد التحرش في أماكن العمل ودعت الموظفات إلى الإبلاغ.',
    ],
  ]);

  found('environmental', 'protected birds caught or held', [
    [
      'ar',
      'تحرير صقور نادرة محرم صيدها',
      'حرر رجال المحمية 142 صقرا نادرا من النوع المحرم صيدها بعد ضبطها مع شخصين.',
    ],
    [
      'it',
      'Catturava cardellini con le reti, denunciato',
      'Le guardie del servizio antibracconaggio hanno sorpreso un uomo che catturava cardellini con le reti; gli uccelli protetti sono stati liberati.',
    ],
  ]);
  notFound('environmental', 'birds in lawful news', [
    [
      'it',
      'Tornano i cardellini nei parchi',
      'I cardellini tornano nei parchi cittadini: gli ornitologi contano più coppie rispetto all’anno scorso.',
    ],
  ]);

  found('cybercrime', 'bank staff impersonated (Arabic)', [
    [
      'ar',
      'متهمون انتحلوا صفة موظفي بنوك',
      'حققت النيابة مع متهمين انتحلوا صفة موظفي بنوك للاستيلاء على أموال من حسابات العملاء بعد الحصول على رموز التحقق.',
    ],
  ]);

  found('migrant_smuggling', 'a network bringing in irregular migrants (Spanish)', [
    [
      'es',
      'Cae una red que introdujo a 900 inmigrantes',
      'La policía detuvo a 26 personas de una red que introdujo en España a más de 900 inmigrantes irregulares en embarcaciones rápidas.',
    ],
  ]);
});
