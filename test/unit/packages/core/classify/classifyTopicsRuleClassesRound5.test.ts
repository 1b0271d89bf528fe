import { describe } from 'vitest';
import { findsNoTopicIn, findsTopicIn } from '../../../../helpers/ruleClassCases.ts';

// Rule classes of taxonomy 2026.12.9 (issue 15, round 5), from the misses of the
// spent unseen sets K to P. Sentences written for these tests; every class has
// negative twins of the same shape that must stay below the threshold.
describe('Function: classifyTopics, rule classes of taxonomy 2026.12.9', () => {
  findsTopicIn('child_exploitation', 'children made to beg', [
    [
      'en',
      'Gang forced children to beg',
      'Police freed nine children whom the gang forced to beg at crossroads; the boys had to hand over what they collected.',
    ],
    [
      'fr',
      'Des enfants contraints à mendier',
      'La police a libéré neuf enfants qu’un clan obligeait à mendier aux carrefours ; les mineurs devaient remettre leurs gains.',
    ],
    [
      'es',
      'Niños obligados a la mendicidad',
      'La policía liberó a nueve niños que una familia obligaba a la mendicidad en los semáforos; los menores entregaban lo recaudado.',
    ],
    [
      'it',
      'Bambini costretti all’accattonaggio',
      'La polizia ha liberato nove bambini costretti all’accattonaggio agli incroci; i minori dovevano consegnare il denaro raccolto.',
    ],
    [
      'de',
      'Kinder zum Betteln gezwungen',
      'Die Polizei befreite neun Kinder, die eine Bande zum Betteln an Kreuzungen zwang; die Minderjährigen mussten das Geld abgeben.',
    ],
    [
      'pt',
      'Crianças obrigadas à mendicância',
      'A polícia libertou nove crianças que um grupo obrigava à mendicância nos semáforos; os menores entregavam o dinheiro.',
    ],
    [
      'ar',
      'ضبط شبكة تستغل الأطفال في التسول',
      'ألقت الشرطة القبض على أفراد شبكة أجبرت أطفالا على التسول في الشوارع وكانت تستولي على ما يجمعه الصغار.',
    ],
  ]);
  findsNoTopicIn('child_exploitation', 'begging without children', [
    [
      'en',
      'City bans begging near the station',
      'The council banned begging near the station; adults who beg there face a fine, the mayor said.',
    ],
    [
      'fr',
      'La ville interdit la mendicité',
      'Le conseil municipal interdit la mendicité près de la gare ; les adultes qui mendient risquent une amende.',
    ],
    [
      'ar',
      'البلدية تمنع التسول قرب المحطة',
      'قررت البلدية منع التسول قرب المحطة وفرض غرامة على من يتسول من البالغين.',
    ],
  ]);

  findsTopicIn('firearms', 'a weapons shipment smuggled', [
    [
      'en',
      'Weapons shipment bound for Lebanon seized',
      'Security forces foiled the smuggling of a shipment of weapons bound for Lebanon and seized rifles hidden in a truck.',
    ],
    [
      'ar',
      'إحباط تهريب شحنة أسلحة إلى لبنان',
      'أحبطت قوات الأمن محاولة تهريب شحنة أسلحة كانت مخبأة في شاحنة متجهة إلى لبنان.',
    ],
    [
      'fr',
      'Une cargaison d’armes saisie au port',
      'La douane a saisi au port une cargaison d’armes dissimulée dans un conteneur ; la contrebande d’armes visait les Balkans.',
    ],
  ]);
  findsNoTopicIn('firearms', 'a shipment of something else', [
    [
      'en',
      'Shipment of medicine reaches Lebanon',
      'A shipment of medicine reached Lebanon on Tuesday, and the ministry thanked the donors.',
    ],
    [
      'ar',
      'وصول شحنة أدوية إلى لبنان',
      'وصلت شحنة أدوية إلى لبنان يوم الثلاثاء وشكرت الوزارة الجهات المانحة.',
    ],
  ]);

  findsTopicIn('cultural_property', 'churches robbed of their art', [
    [
      'en',
      'Statues stolen from churches recovered',
      'Police recovered statues stolen from churches in the region; the thefts from churches had gone on for months.',
    ],
    [
      'de',
      'Gestohlene Heiligenfiguren aus Kirchen gefunden',
      'Die Polizei fand gestohlene Heiligenfiguren aus Kirchen in Niederbayern; die Serie von Kirchendiebstählen ist aufgeklärt.',
    ],
    [
      'it',
      'Furti nelle chiese, recuperate le statue',
      'I carabinieri hanno recuperato le statue rubate nelle chiese della valle; i furti nelle chiese duravano da mesi.',
    ],
    [
      'es',
      'Recuperadas las estatuas robadas en iglesias',
      'La Guardia Civil recuperó las estatuas robadas en iglesias de la comarca; los robos en iglesias duraban meses.',
    ],
  ]);
  findsNoTopicIn('cultural_property', 'churches in other news', [
    [
      'en',
      'Churches reopen after restoration',
      'The churches of the valley reopened after restoration; statues and paintings were cleaned by volunteers.',
    ],
    [
      'de',
      'Kirchen nach Renovierung wieder offen',
      'Die Kirchen im Tal sind nach der Renovierung wieder offen; die Figuren wurden von Freiwilligen gereinigt.',
    ],
  ]);

  findsTopicIn('cultural_property', 'antiquities dug up, held or sold (Arabic)', [
    [
      'ar',
      'ضبط شقيقين ينقبان عن الآثار',
      'ألقت شرطة السياحة والآثار القبض على شقيقين بحوزتهما قطع أثرية بعد التنقيب عن الآثار في منزلهما.',
    ],
    [
      'ar',
      'إحباط تهريب عملات أثرية عبر المطار',
      'أحبطت الجمارك محاولة تهريب 13 عملة أثرية ترجع للعصر الروماني في حقيبة راكب.',
    ],
  ]);
  findsNoTopicIn('cultural_property', 'antiquities in lawful news (Arabic)', [
    [
      'ar',
      'افتتاح معرض للقطع الأثرية',
      'افتتح وزير السياحة والآثار معرضا للقطع الأثرية في المتحف الكبير بحضور السفراء.',
    ],
  ]);

  findsTopicIn('environmental', 'animals smuggled (Arabic) and protected species (German)', [
    [
      'ar',
      'ضبط سلاحف مهربة في مطار القاهرة',
      'ضبطت الجمارك سلاحف مهربة في حقيبة راكب، وأحبطت محاولة تهريب طيور في الرحلة نفسها.',
    ],
    [
      'de',
      'Zoll stoppt Einfuhr artgeschützter Tiere',
      'Der Zoll stellte am Flughafen artgeschützte Tiere sicher; bei Verstößen gegen das Artenschutzrecht drohen hohe Geldstrafen.',
    ],
  ]);
  findsNoTopicIn('environmental', 'animals in lawful news (Arabic)', [
    [
      'ar',
      'حديقة الحيوان تستقبل سلاحف جديدة',
      'استقبلت حديقة الحيوان سلاحف وطيورا جديدة وسط إقبال كبير من الزوار.',
    ],
  ]);

  findsTopicIn('cybercrime', 'romance fraud and fake call centres', [
    [
      'en',
      'Romance fraudsters jailed',
      'Five romance fraudsters were jailed; the romance fraud cheated forty victims out of their savings.',
    ],
    [
      'fr',
      'Arnaque aux sentiments : trois arrestations',
      'Trois personnes ont été arrêtées pour une arnaque aux sentiments ; l’escroquerie sentimentale visait des retraités.',
    ],
    [
      'de',
      'Liebesbetrug: Rentnerin verliert Ersparnisse',
      'Eine Rentnerin verlor durch Liebesbetrug ihre Ersparnisse; die Polizei warnt vor Love-Scamming.',
    ],
  ]);
});
