import { describe } from 'vitest';
import { findsNoTopicIn, findsTopicIn } from '../../../../helpers/ruleClassCases.ts';

// Rule classes of taxonomy 2026.12.10 (issue 15, round 6), from the misses of the
// spent unseen sets Q and R. Sentences written for these tests; every class has
// negative twins of the same shape that must stay below the threshold.
describe('Function: classifyTopics, rule classes of taxonomy 2026.12.10', () => {
  findsTopicIn('child_exploitation', 'a minor prostituted by a pimping ring', [
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
  findsNoTopicIn('child_exploitation', 'pimping of adults', [
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

  findsTopicIn('child_exploitation', 'a child harassed or abused (Arabic)', [
    [
      'ar',
      'القبض على متحرش بطفل',
      'أمر النائب العام بالقبض على متحرش بطفل عبر مواقع التواصل، وتوعدت النيابة كل من يتحرش بطفلة أو قاصر.',
    ],
  ]);
  findsNoTopicIn('child_exploitation', 'harassment of adults (Arabic)', [
    [
      'ar',
      'حملة ضد التحرش في العمل',
      'أطلقت الوزارة حملة ضد التحرش في أماكن العمل ودعت الموظفات إلى الإبلاغ.',
    ],
  ]);

  findsTopicIn('environmental', 'protected birds caught or held', [
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
  findsNoTopicIn('environmental', 'birds in lawful news', [
    [
      'it',
      'Tornano i cardellini nei parchi',
      'I cardellini tornano nei parchi cittadini: gli ornitologi contano più coppie rispetto all’anno scorso.',
    ],
  ]);

  findsTopicIn('cybercrime', 'bank staff impersonated (Arabic)', [
    [
      'ar',
      'متهمون انتحلوا صفة موظفي بنوك',
      'حققت النيابة مع متهمين انتحلوا صفة موظفي بنوك للاستيلاء على أموال من حسابات العملاء بعد الحصول على رموز التحقق.',
    ],
  ]);

  findsTopicIn('migrant_smuggling', 'a network bringing in irregular migrants (Spanish)', [
    [
      'es',
      'Cae una red que introdujo a 900 inmigrantes',
      'La policía detuvo a 26 personas de una red que introdujo en España a más de 900 inmigrantes irregulares en embarcaciones rápidas.',
    ],
  ]);
});
