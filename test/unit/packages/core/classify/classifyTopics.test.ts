import { TOPIC_IDS, type TopicId } from '@doc-ingest/contracts';
import { describe, expect, it } from 'vitest';
import {
  adjustEvidence,
  DEFAULT_THRESHOLD,
  ScoringConstants,
} from '../../../../../packages/core/src/classify/classifyTopics.ts';
import {
  COMPILED_TAXONOMY,
  TAXONOMY_VERSION,
} from '../../../../../packages/core/src/classify/defaultTaxonomy.ts';
import { classifyWithRules } from '../../../../helpers/classifyWithRules.ts';

const SIBLING_TOPICS = COMPILED_TAXONOMY.siblings;

type Case = [TopicId, 'fr' | 'en' | 'es', string, string];

// Short news-like paragraphs, one topic each, written for these tests.
const POSITIVE_CASES: Case[] = [
  [
    'terrorism',
    'fr',
    'Attentat déjoué à Lyon',
    'Les services antiterroristes ont interpellé deux hommes soupçonnés de préparer un attentat contre une salle de concert. L’un d’eux avait prêté allégeance à un groupe djihadiste.',
  ],
  [
    'terrorism',
    'en',
    'Suicide bombing kills twelve at market',
    'A suicide bomber detonated an explosive vest in a crowded market on Friday. Islamic State claimed the attack, the third by terrorist cells in the province this year.',
  ],
  [
    'terrorism',
    'es',
    'Detenido un yihadista en Barcelona',
    'La policía detuvo a un presunto yihadista que planeaba un atentado en el centro de la ciudad. Había difundido propaganda del Estado Islámico en redes sociales.',
  ],
  [
    'cybercrime',
    'fr',
    'Un hôpital paralysé par un rançongiciel',
    'Les pirates informatiques ont chiffré les serveurs de l’établissement et réclament une rançon. Les enquêteurs spécialisés en cybercriminalité analysent le logiciel malveillant utilisé.',
  ],
  [
    'cybercrime',
    'en',
    'Ransomware gang hits city council',
    'The council’s systems were encrypted by ransomware after staff opened a phishing email. The criminals threatened to leak stolen files on the dark web.',
  ],
  [
    'cybercrime',
    'es',
    'Ciberataque contra una empresa eléctrica',
    'Un grupo de ciberdelincuentes lanzó un ataque con ransomware que dejó sin servicio a miles de clientes. La compañía denunció además una campaña de phishing contra sus empleados.',
  ],
  [
    'human_trafficking',
    'fr',
    'Démantèlement d’un réseau de traite des êtres humains',
    'Quinze femmes, recrutées avec de fausses promesses d’emploi, étaient soumises à la prostitution forcée. Les victimes de la traite ont été prises en charge par une association.',
  ],
  [
    'human_trafficking',
    'en',
    'Forced labour ring uncovered on farms',
    'Police say dozens of workers were victims of human trafficking, held in debt bondage and made to work without pay. Investigators called it a case of modern slavery.',
  ],
  [
    'human_trafficking',
    'es',
    'Liberadas veinte víctimas de trata',
    'La operación desarticuló una red de trata de personas que obligaba a mujeres a la prostitución forzada en clubes de carretera. Los tratantes retenían sus pasaportes.',
  ],
  [
    'migrant_smuggling',
    'fr',
    'Démantèlement d’un réseau de passeurs',
    'Les passeurs faisaient payer 3 000 euros la traversée de la Manche à bord de canots pneumatiques surchargés. Les migrants attendaient le départ dans des camps.',
  ],
  [
    'migrant_smuggling',
    'en',
    'People smugglers jailed after deaths at sea',
    'The gang charged migrants thousands of pounds for places in unseaworthy boats. Prosecutors said the smugglers ignored weather warnings before the crossing.',
  ],
  [
    'migrant_smuggling',
    'es',
    'Detenidos los patrones de una patera',
    'Los agentes detuvieron a dos hombres acusados de tráfico de migrantes tras la llegada de una patera con cuarenta personas. Cada uno había pagado a la red de inmigración ilegal.',
  ],
  [
    'drug_trafficking',
    'fr',
    'Saisie record de cocaïne au Havre',
    'Les douaniers ont découvert deux tonnes de cocaïne dissimulées dans un conteneur de bananes. La cargaison était destinée à un réseau de trafic de stupéfiants.',
  ],
  [
    'drug_trafficking',
    'en',
    'Drug cartel lieutenant arrested',
    'Officers seized 300 kilograms of cocaine and a quantity of fentanyl during the raid. The suspect is accused of running drug trafficking routes through the port.',
  ],
  [
    'drug_trafficking',
    'es',
    'Interceptada una narcolancha en el Guadalquivir',
    'Los agentes intervinieron dos toneladas de hachís y detuvieron a cuatro narcotraficantes. La investigación apunta al tráfico de drogas entre las dos orillas.',
  ],
  [
    'firearms',
    'fr',
    'Trafic d’armes : un arsenal découvert dans un garage',
    'Les gendarmes ont saisi une trentaine d’armes à feu, dont des fusils d’assaut, et des milliers de munitions. Le suspect revendait ces armes illégales sur une messagerie chiffrée.',
  ],
  [
    'firearms',
    'en',
    'Gun trafficking network dismantled',
    'Investigators traced dozens of illegal firearms, including assault rifles, bought in one state and sold in another. Several ghost guns assembled from kits were also recovered.',
  ],
  [
    'firearms',
    'es',
    'Desarticulada una red de tráfico de armas',
    'La policía intervino fusiles de asalto y armas de fuego sin numeración que la banda vendía a otros delincuentes. También halló miles de municiones en un almacén.',
  ],
  [
    'organized_crime',
    'fr',
    'Coup de filet contre la mafia calabraise',
    'Plus de cent membres présumés de la ’Ndrangheta ont été arrêtés. L’organisation criminelle est accusée d’extorsion auprès des commerçants et de plusieurs règlements de comptes.',
  ],
  [
    'organized_crime',
    'en',
    'Mafia boss convicted of racketeering',
    'The jury found that the crime family ran an extortion scheme targeting builders. Prosecutors described a criminal organization with members in three cities.',
  ],
  [
    'organized_crime',
    'es',
    'Golpe al crimen organizado en el puerto',
    'Las autoridades detuvieron a doce sicarios de una organización criminal dedicada a la extorsión de comerciantes y transportistas.',
  ],
  [
    'corruption_financial',
    'fr',
    'Un maire mis en examen pour corruption',
    'L’élu est soupçonné d’avoir perçu des pots-de-vin en échange de marchés publics. Les enquêteurs s’intéressent aussi à des faits de blanchiment d’argent via des sociétés écrans.',
  ],
  [
    'corruption_financial',
    'en',
    'Minister charged with bribery',
    'Prosecutors allege the minister accepted bribes from a construction company and hid the money through shell companies. A second case concerns money laundering.',
  ],
  [
    'corruption_financial',
    'es',
    'Imputado un alcalde por cohecho',
    'El regidor habría cobrado sobornos de varias constructoras y ocultado el dinero mediante sociedades pantalla. La fiscalía le atribuye también blanqueo de capitales.',
  ],
  [
    'environmental',
    'fr',
    'Braconnage : des cornes de rhinocéros saisies à l’aéroport',
    'Les douaniers ont découvert douze cornes de rhinocéros et des écailles de pangolin dans des valises. Ce trafic d’espèces sauvages alimente des réseaux de braconniers.',
  ],
  [
    'environmental',
    'en',
    'Crackdown on illegal logging in the Amazon',
    'Rangers seized timber cut from protected forest and arrested men involved in illegal mining. Officials say environmental crime is now among the most profitable illicit businesses.',
  ],
  [
    'environmental',
    'es',
    'Detenidos por caza furtiva en un parque natural',
    'Los agentes investigaban la caza furtiva de especies protegidas en el parque. Los furtivos también practicaban la pesca ilegal en el embalse.',
  ],
  [
    'cultural_property',
    'fr',
    'Des antiquités pillées saisies chez un galeriste',
    'Les objets archéologiques, issus de fouilles clandestines, avaient été vendus par une galerie. Ce trafic de biens culturels finance parfois des milices.',
  ],
  [
    'cultural_property',
    'en',
    'Looted antiquities seized before an auction',
    'Customs officers recovered statues taken from archaeological sites during the unrest. The dealer had forged export papers to sell the cultural property at auction.',
  ],
  [
    'cultural_property',
    'es',
    'Recuperadas piezas arqueológicas expoliadas',
    'Los agentes recuperaron 500 piezas arqueológicas procedentes del expolio de yacimientos arqueológicos. Los detenidos vendían los bienes culturales por internet.',
  ],
  [
    'child_exploitation',
    'fr',
    'Un réseau pédocriminel démantelé',
    'Les enquêteurs ont identifié quarante suspects qui échangeaient des contenus pédopornographiques sur une plateforme chiffrée. Plusieurs victimes d’abus sexuels sur mineurs ont été identifiées.',
  ],
  [
    'child_exploitation',
    'en',
    'Man jailed for online grooming',
    'The court heard he had contacted children on social media and possessed images of child sexual abuse. Police found more child abuse material on his laptop.',
  ],
  [
    'child_exploitation',
    'es',
    'Detenido por distribuir pornografía infantil',
    'El hombre compartía archivos de pornografía infantil en una red de intercambio. Los agentes especializados en explotación sexual infantil rastrearon su conexión.',
  ],
  [
    'cooperation',
    'fr',
    'Extradition d’un fugitif localisé grâce à une notice rouge',
    'Recherché par la justice italienne, l’homme a été localisé en Espagne grâce à une notice rouge d’INTERPOL. Au titre de l’entraide judiciaire, il sera remis aux autorités italiennes.',
  ],
  [
    'cooperation',
    'en',
    'Joint investigation team leads to arrests in five countries',
    'Europol and Eurojust coordinated the operation, which relied on mutual legal assistance requests and a European arrest warrant.',
  ],
  [
    'cooperation',
    'es',
    'Extraditado a Estados Unidos',
    'El sospechoso fue extraditado tras su detención en Madrid en virtud de una orden de captura internacional difundida por Interpol. Fuentes de la cooperación policial destacaron la rapidez del proceso.',
  ],
];

const ids = (title: string, body: string, language: string): TopicId[] =>
  classifyWithRules({ title, body, language }).topics.map((topic) => topic.id);

describe('Function: classifyTopics, the rules alone (no learned layer)', () => {
  it.each(POSITIVE_CASES)(
    'finds exactly %s in a %s paragraph: %s',
    (topic, language, title, body) => {
      // Act
      const result = ids(title, body, language);

      // Assess
      expect(result).toEqual([topic]);
    },
  );

  it('returns every topic score, the taxonomy version and the explaining terms, strongest first', () => {
    // Act
    const result = classifyWithRules({
      title: 'Saisie record de cocaïne au Havre',
      body: 'Les douaniers ont découvert deux tonnes de cocaïne. La cargaison était destinée à un réseau de trafic de stupéfiants.',
      language: 'fr',
    });

    // Assess
    expect(result.taxonomyVersion).toBe(TAXONOMY_VERSION);
    expect(Object.keys(result.scores)).toEqual([...TOPIC_IDS]);
    expect(result.topics).toEqual([
      {
        id: 'drug_trafficking',
        score: 0.933,
        terms: ['cocaïne', 'saisie', 'trafic de stupéfiants'],
      },
    ]);
    expect(result.scores.terrorism).toBe(0);
  });

  it.each([
    [
      'tir sportif',
      'fr',
      'Le club de tir sportif accueille le championnat régional',
      'Les tireurs licenciés ont concouru à la carabine et au pistolet. Le stand rénové permet de ranger les armes des adhérents. La fédération rappelle que les munitions sont réservées aux licenciés.',
      'firearms',
    ],
    [
      'arme as a metaphor',
      'fr',
      'L’humour, arme redoutable du candidat',
      'Face à ses adversaires, le candidat a fait de l’ironie son arme favorite pendant le débat.',
      'firearms',
    ],
    [
      'road tráfico',
      'es',
      'Atascos en la M-30 por un accidente',
      'El tráfico en la M-30 fue muy denso durante la mañana por un accidente de tráfico. La Dirección General de Tráfico recomienda evitar la zona.',
      'drug_trafficking',
    ],
    [
      'passeur décisif',
      'fr',
      'Mbappé buteur et passeur décisif',
      'L’attaquant a inscrit un doublé et s’est montré passeur décisif sur le troisième but. Ses passeurs habituels étaient blessés.',
      'migrant_smuggling',
    ],
    [
      'a bank’s results',
      'fr',
      'La banque publie un bénéfice en hausse de 8 %',
      'Le groupe bancaire a publié des résultats trimestriels supérieurs aux attentes. Le produit net bancaire progresse et le ratio de fonds propres reste solide, selon la direction financière.',
      'corruption_financial',
    ],
    [
      'Côte d’Ivoire',
      'fr',
      'La Côte d’Ivoire investit dans le solaire',
      'Une centrale photovoltaïque sera construite dans le nord de la Côte d’Ivoire.',
      'environmental',
    ],
    [
      'traite as a verb',
      'fr',
      'Le tribunal traite les dossiers en retard',
      'La juridiction traite désormais les affaires civiles en priorité.',
      'human_trafficking',
    ],
  ])('finds no topic in a text with the trap “%s”', (_trap, language, title, body, trapTopic) => {
    // Act
    const result = classifyWithRules({ title, body, language });

    // Assess
    expect(result.topics).toEqual([]);
    expect(result.scores[trapTopic as TopicId]).toBeLessThan(0.3);
  });

  it.each([
    [
      'fr',
      'Les réseaux de passeurs ont fait traverser la frontière à des centaines de migrants.',
      'migrant_smuggling',
    ],
    ['fr', 'Le trafic d’armes alimente les groupes rebelles.', 'firearms'],
    ['fr', 'Le trafic de cocaïne explose dans les ports.', 'drug_trafficking'],
    ['fr', 'La traite des êtres humains touche des milliers de personnes.', 'human_trafficking'],
    ['es', 'El tráfico de cocaína por el puerto preocupa a la fiscalía.', 'drug_trafficking'],
  ])('reads the ambiguous word in context (%s): %s', (language, sentence, topic) => {
    // Act
    const result = classifyWithRules({ title: '', body: sentence, language });

    // Assess
    expect(result.scores[topic as TopicId]).toBeGreaterThan(0.3);
  });

  it('does not read `trafic` of `trafic de migrants` as drug trafficking because drugs are near', () => {
    // Act
    const result = classifyWithRules({
      title: '',
      body: 'Ils sont accusés de trafic de migrants et de détention de drogue.',
      language: 'fr',
    });

    // Assess
    expect(result.scores.drug_trafficking).toBe(0.125);
  });

  it('weighs topics only listed in a bulleted enumeration far below the real subject', () => {
    // Prepare
    const input = {
      title: 'INTERPOL et Europol renforcent leur coopération',
      body: [
        'Les deux organisations ont signé un accord de coopération policière qui facilitera l’échange d’informations entre leurs analystes.',
        'Les officiers de liaison pourront consulter les bases de données de l’autre agence.',
        'L’accord prévoit des opérations conjointes dans plusieurs domaines :',
        '• le terrorisme ;',
        '• la cybercriminalité ;',
        '• le trafic de stupéfiants ;',
        '• la traite des êtres humains.',
        'Un premier bilan sera présenté l’an prochain.',
      ].join('\n'),
      language: 'fr',
    };

    // Act
    const result = classifyWithRules(input);

    // Assess
    expect(result.topics.map((topic) => topic.id)).toEqual(['cooperation']);
    expect(result.scores.terrorism).toBeLessThan(DEFAULT_THRESHOLD);
    expect(result.scores.cybercrime).toBeLessThan(DEFAULT_THRESHOLD);
    expect(result.scores.terrorism).toBeLessThan(result.scores.cooperation ?? 0);
    expect(result.scores.cybercrime).toBe(0.154);
  });

  it('weighs topics named in one enumerating sentence less than the same terms in their own sentences', () => {
    // Prepare
    const enumeration =
      'La coopération policière couvre le terrorisme, la cybercriminalité, le trafic de stupéfiants et la traite des êtres humains.';
    const separate =
      'La coopération policière couvre le terrorisme. Elle vise aussi la cybercriminalité.';

    // Act
    const listed = classifyWithRules({ title: '', body: enumeration, language: 'fr' });
    const stated = classifyWithRules({ title: '', body: separate, language: 'fr' });

    // Assess
    expect(listed.scores.terrorism).toBe(0.154);
    expect(stated.scores.terrorism).toBe(0.487);
  });

  it('never lets weak terms alone reach the threshold, however often they occur', () => {
    // Prepare
    const input = {
      title: 'Prévention : la drogue recule au lycée',
      body: [
        'La consommation de drogue et de cannabis baisse chez les lycéens, selon une enquête.',
        'Les médecins alertent sur les drogues de synthèse et les stupéfiants vendus en ligne.',
        'Les associations de prévention parlent de drogue dans les classes.',
      ].join('\n'),
      language: 'fr',
    };

    // Act
    const result = classifyWithRules(input);

    // Assess
    expect(result.topics).toEqual([]);
    expect(result.scores.drug_trafficking).toBe(0.393);
  });

  it('weighs a term in the title double', () => {
    // Prepare
    const body = 'Les enquêteurs ont présenté le bilan de la cybercriminalité pour l’année.';

    // Act
    const withoutTitle = classifyWithRules({ title: 'Bilan annuel', body, language: 'fr' });
    const withTitle = classifyWithRules({
      title: 'La cybercriminalité en hausse',
      body,
      language: 'fr',
    });

    // Assess
    expect(withoutTitle.scores.cybercrime).toBe(0.487);
    expect(withoutTitle.topics.map((topic) => topic.id)).toEqual(['cybercrime']);
    expect(withTitle.scores.cybercrime).toBe(0.875);
    expect(withTitle.topics.map((topic) => topic.id)).toEqual(['cybercrime']);
  });

  it('counts hits spread over several paragraphs more than the same hits in one', () => {
    // Prepare
    const one = 'Un attentat a visé la gare. Le terrorisme frappe encore.';
    const two = 'Un attentat a visé la gare.\nLe terrorisme frappe encore.';

    // Act
    const together = classifyWithRules({ title: '', body: one, language: 'fr' });
    const spread = classifyWithRules({ title: '', body: two, language: 'fr' });

    // Assess
    expect(together.scores.terrorism).toBe(0.736);
    expect(spread.scores.terrorism).toBe(0.811);
  });

  it('adds ever less for a repeated word', () => {
    // Act
    const once = classifyWithRules({ title: '', body: 'Un attentat.', language: 'fr' });
    const thrice = classifyWithRules({
      title: '',
      body: 'Un attentat, un attentat, un attentat.',
      language: 'fr',
    });

    // Assess
    expect(once.scores.terrorism).toBe(0.487);
    expect(thrice.scores.terrorism).toBe(0.705);
  });

  it('matches phrases and strong words of another language, not its weak words', () => {
    // Act
    const phrase = classifyWithRules({
      title: '',
      body: 'Le financier est poursuivi pour money laundering et corruption.',
      language: 'fr',
    });
    const weak = classifyWithRules({
      title: '',
      body: 'Le rappeur chante les drugs et les guns.',
      language: 'fr',
    });

    // Assess
    expect(phrase.topics.map((topic) => [topic.id, topic.terms])).toEqual([
      ['corruption_financial', ['money laundering', 'corruption']],
    ]);
    expect(weak.scores.drug_trafficking).toBe(0);
    expect(weak.scores.firearms).toBe(0);
  });

  it('uses every language fully when the document language is undetermined', () => {
    // Act
    const result = classifyWithRules({ title: '', body: 'drugs drugs drugs', language: 'und' });

    // Assess
    expect(result.scores.drug_trafficking).toBeGreaterThan(0);
  });

  it('lets the threshold option decide which topics are listed', () => {
    // Prepare
    const input = { title: '', body: 'Un attentat a eu lieu.', language: 'fr' };

    // Act
    const low = classifyWithRules(input, { threshold: 0.2 });
    const high = classifyWithRules(input, { threshold: 0.9 });

    // Assess
    expect(low.topics.map((topic) => topic.id)).toEqual(['terrorism']);
    expect(high.topics).toEqual([]);
  });

  it('sorts topics by score and is deterministic', () => {
    // Prepare
    const input = {
      title: 'Extradition d’un baron du narcotrafic',
      body: 'Arrêté grâce à une notice rouge d’INTERPOL, le narcotrafiquant était recherché pour trafic de cocaïne.\nIl sera extradé vers la Colombie dans le cadre de l’entraide judiciaire.',
      language: 'fr',
    };

    // Act
    const first = classifyWithRules(input);
    const second = classifyWithRules(input);

    // Assess
    expect(first).toEqual(second);
    expect(first.topics.map((topic) => topic.id)).toEqual(['cooperation', 'drug_trafficking']);
    expect(first.topics[0]?.score).toBeGreaterThanOrEqual(first.topics[1]?.score ?? 1);
  });

  it('lists a topic named once by a strong term in the body, never by weak hints alone', () => {
    // Act
    const strong = classifyWithRules({
      title: 'Un élu devant le tribunal',
      body: 'Le conseiller municipal est jugé pour corruption.',
      language: 'fr',
    });
    const hints = classifyWithRules({
      title: 'Fraude, fraude, fraude',
      body: 'La fraude et l’escroquerie.\nUne fraude.\nEncore une escroquerie.',
      language: 'fr',
    });

    // Assess
    expect(DEFAULT_THRESHOLD).toBe(0.45);
    expect(strong.topics.map((topic) => topic.id)).toEqual(['corruption_financial']);
    expect(hints.topics).toEqual([]);
    expect(hints.scores.corruption_financial).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('keeps the full weight of charges that the article also names elsewhere', () => {
    // Prepare
    const charges = {
      title: 'Desmantelada uma rede de passadores na fronteira',
      body: [
        'A polícia deteve sete homens que cobravam milhares de euros aos imigrantes.',
        'Os detidos estão indiciados por auxílio à imigração ilegal, tráfico de armas, lavagem de dinheiro e falsificação de documentos.',
      ].join('\n'),
      language: 'pt',
    };
    const priorities = {
      title: 'Ministros debatem segurança',
      body: [
        'O encontro anual de ministros decorreu em Lisboa.',
        'As prioridades são o auxílio à imigração ilegal, o tráfico de armas e a lavagem de dinheiro.',
      ].join('\n'),
      language: 'pt',
    };

    // Act
    const charged = classifyWithRules(charges);
    const listed = classifyWithRules(priorities);

    // Assess
    expect(charged.topics.map((topic) => topic.id)).toEqual(['migrant_smuggling']);
    expect(charged.scores.migrant_smuggling).toBeGreaterThan(0.8);
    expect(charged.scores.firearms).toBe(0.154);
    expect(listed.topics).toEqual([]);
    expect(listed.scores.migrant_smuggling).toBe(0.154);
  });

  it('does not match a foreign stem that is only a prefix of a foreign word', () => {
    // Act
    const english = classifyWithRules({
      title: 'Wild horses return to the valley',
      body: 'Wild horses and wild goats graze the slopes again.',
      language: 'en',
    });
    const german = classifyWithRules({
      title: 'Wild aus der Region',
      body: 'Das Restaurant serviert Wild aus heimischen Wäldern.',
      language: 'de',
    });
    const poacher = classifyWithRules({
      title: 'Wilderer im Nationalpark gefasst',
      body: 'Die Polizei nahm zwei Wilderer fest.',
      language: 'de',
    });

    // Assess
    expect(english.scores.environmental).toBe(0);
    expect(german.scores.environmental).toBe(0);
    expect(poacher.topics.map((topic) => topic.id)).toEqual(['environmental']);
  });

  it.each([
    [
      'es',
      'Detenidos por estafas a través de WhatsApp',
      'Los estafadores enviaban mensajes haciéndose pasar por familiares y pedían transferencias urgentes.',
    ],
    [
      'pt',
      'Golpe pelo WhatsApp lesa idosos',
      'Os golpistas enviavam mensagens pelo aplicativo e pediam transferências via Pix às vítimas.',
    ],
    [
      'pt',
      'Homem responde por estelionato eletrônico',
      'O suspeito também é acusado de invasão de dispositivo informático para roubar senhas.',
    ],
    [
      'it',
      'Truffe online ai danni di anziani',
      'I truffatori inviavano sms con link falsi per rubare le credenziali bancarie.',
    ],
    [
      'de',
      'Betrug per SMS: Polizei warnt',
      'Betrüger verschicken Nachrichten mit gefälschten Links und erbeuten so Zugangsdaten.',
    ],
    [
      'fr',
      'Arnaque en ligne : vingt victimes',
      'Les escrocs envoyaient des SMS imitant la banque pour récupérer les codes des clients.',
    ],
    [
      'en',
      'Scammers target pensioners by text',
      'The fraudsters sent text messages posing as the bank and emptied dozens of accounts.',
    ],
  ])('reads online fraud as cybercrime (%s): %s', (language, title, body) => {
    // Act
    const result = classifyWithRules({ title, body, language });

    // Assess
    expect(result.topics.map((topic) => topic.id)).toContain('cybercrime');
  });

  it('does not read a Portuguese coup (`golpe de Estado`) or a rescue (`resgate`) as cybercrime', () => {
    // Act
    const result = classifyWithRules({
      title: 'Trinta anos depois do golpe de Estado',
      body: 'Historiadores recordam o golpe de Estado e o resgate dos presos políticos pelas redes de apoio.',
      language: 'pt',
    });

    // Assess
    expect(result.scores.cybercrime).toBe(0);
  });

  it.each([
    [
      'fr',
      'Des déchets enfouis illégalement près de la rivière',
      'Une entreprise est poursuivie pour des dépôts sauvages de gravats et d’amiante.',
    ],
    [
      'en',
      'Firm fined for illegal waste shipments',
      'Investigators found that the company had dumped waste illegally on farmland.',
    ],
    [
      'es',
      'Investigados por vertidos ilegales de residuos',
      'El Seprona halló residuos peligrosos enterrados de forma ilegal en una finca.',
    ],
    [
      'it',
      'Sequestrata una discarica abusiva',
      'I rifiuti venivano sversati illegalmente nei campi e poi bruciati.',
    ],
    [
      'de',
      'Razzia wegen illegaler Abfallentsorgung',
      'Die Firma soll Abfälle illegal ins Ausland verschoben haben.',
    ],
    [
      'pt',
      'Empresa multada por descarte ilegal de resíduos',
      'Os resíduos eram despejados ilegalmente num terreno junto ao rio.',
    ],
    [
      'fr',
      'Trafic d’espèces protégées démantelé',
      'Des oiseaux protégés étaient capturés puis vendus à l’étranger.',
    ],
    [
      'es',
      'Detenidos por tráfico ilegal de especies',
      'Vendían fauna protegida sin permisos CITES.',
    ],
    [
      'it',
      'Bracconieri arrestati nel parco',
      'Cacciavano specie protette per venderle all’estero.',
    ],
    [
      'de',
      'Wildtierhandel am Flughafen aufgedeckt',
      'Der Zoll fand geschützte Tierarten im Gepäck.',
    ],
    [
      'pt',
      'Presos por crimes contra a fauna',
      'Os caçadores furtivos vendiam aves silvestres capturadas no parque.',
    ],
  ])('finds waste or wildlife crime (%s): %s', (language, title, body) => {
    // Act
    const result = classifyWithRules({ title, body, language });

    // Assess
    expect(result.topics.map((topic) => topic.id)).toEqual(['environmental']);
  });

  it.each([
    [
      'en',
      'A wildlife film crowns the season',
      'The wildlife series follows wolves and bears through the seasons.',
    ],
    [
      'es',
      'Campaña de vacunación',
      'Las citas para la vacuna se piden por teléfono; hay citas libres esta semana.',
    ],
    [
      'it',
      'Il museo apre una mostra di reperti',
      'Al museo archeologico sono esposti 300 reperti provenienti dagli scavi ufficiali e dai musei della regione.',
    ],
    [
      'fr',
      'Le musée expose des antiquités grecques',
      'Les antiquités et objets archéologiques prêtés par trois musées sont présentés au public.',
    ],
  ])('finds no topic in ordinary %s news: %s', (language, title, body) => {
    // Act
    const result = classifyWithRules({ title, body, language });

    // Assess
    expect(result.topics).toEqual([]);
  });

  it.each([
    [
      'pt',
      'Recuperadas imagens de arte sacra furtadas',
      'As peças de arte sacra furtadas de capelas estavam na casa de um antiquário, acusado de recetação.',
    ],
    [
      'it',
      'Restituiti reperti archeologici trafugati',
      'I reperti archeologici rubati da tombaroli erano finiti all’estero.',
    ],
    [
      'es',
      'Recuperadas piezas arqueológicas robadas',
      'Las piezas arqueológicas robadas de un yacimiento se vendían por internet.',
    ],
  ])('finds cultural property crime with a theft context (%s): %s', (language, title, body) => {
    // Act
    const result = classifyWithRules({ title, body, language });

    // Assess
    expect(result.topics.map((topic) => topic.id)).toEqual(['cultural_property']);
  });

  it('reads sexual exploitation of children as child exploitation, not human trafficking', () => {
    // Act
    const result = classifyWithRules({
      title: 'Preso homem que aliciava crianças na internet',
      body: 'Ele é suspeito de exploração sexual de crianças e guardava material de abuso sexual infantil.',
      language: 'pt',
    });

    // Assess
    expect(result.topics.map((topic) => topic.id)).toEqual(['child_exploitation']);
    expect(result.scores.human_trafficking).toBe(0);
  });

  it.each([
    [
      'it',
      'Arrestato grazie alla collaborazione con investigatori francesi',
      'La collaborazione con gli investigatori francesi ha permesso di localizzare il latitante, che sarà estradato.',
    ],
    [
      'fr',
      'Un fugitif arrêté en Espagne',
      'La collaboration avec les enquêteurs espagnols a permis son arrestation ; la justice demande à l’extrader.',
    ],
    [
      'es',
      'Comisión rogatoria a Francia',
      'El juez envió una comisión rogatoria y creó un equipo conjunto de investigación con Francia.',
    ],
    [
      'pt',
      'Carta rogatória enviada ao Brasil',
      'A colaboração com as autoridades brasileiras permitiu o pedido de extradição do suspeito.',
    ],
    [
      'de',
      'Verdächtiger an Deutschland ausgeliefert',
      'Der Mann wurde nach einem Rechtshilfeersuchen der Staatsanwaltschaft ausgeliefert.',
    ],
    [
      'en',
      'Letters rogatory sent to Spain',
      'Prosecutors said the collaboration with Spanish police led to a request to extradite the suspect.',
    ],
  ])('finds international cooperation (%s): %s', (language, title, body) => {
    // Act
    const result = classifyWithRules({ title, body, language });

    // Assess
    expect(result.topics.map((topic) => topic.id)).toContain('cooperation');
  });

  it('needs a policing word as well as a foreign partner to read a collaboration as cooperation', () => {
    // Act
    const fashion = classifyWithRules({
      title: 'Sfilata a Milano',
      body: 'La collaborazione con stilisti francesi ha dato vita a una collezione di abiti.',
      language: 'it',
    });
    const aid = classifyWithRules({
      title: 'Aiuti allo sviluppo',
      body: 'La cooperazione internazionale finanzia scuole e pozzi in Africa.',
      language: 'it',
    });

    // Assess
    expect(fashion.scores.cooperation).toBe(0);
    expect(aid.scores.cooperation).toBe(0);
  });

  it('does not read the terrorism charge `association de malfaiteurs terroriste` as organized crime', () => {
    // Act
    const result = classifyWithRules({
      title: 'Deux jeunes mis en examen',
      body: 'Ils sont poursuivis pour association de malfaiteurs terroriste.',
      language: 'fr',
    });

    // Assess
    expect(result.scores.organized_crime).toBe(0);
  });

  it.each([
    [
      'es',
      'Carta de un lector',
      'Le saluda atentamente, un vecino muy atento a los problemas del barrio.',
      'terrorism',
    ],
    [
      'pt',
      'Motoristas devem estar atentos',
      'A polícia pede que os condutores estejam atentos ao trânsito.',
      'terrorism',
    ],
    [
      'it',
      'Ladri in azione, paura in paese',
      'I ladri seminano il terrore; i residenti ascoltano attentamente i consigli.',
      'terrorism',
    ],
    [
      'it',
      'Sagra della pizza in piazza',
      'La pizza e le pizze fritte sono protagoniste della festa.',
      'organized_crime',
    ],
    [
      'it',
      'Un elogio ai carabinieri',
      'Il sindaco loda il lavoro delle forze dell’ordine.',
      'human_trafficking',
    ],
    [
      'en',
      'Radical plans for the city centre',
      'The mayor unveiled a radical plan; critics called it a reign of terror for drivers.',
      'terrorism',
    ],
  ])(
    'does not read an everyday word sharing a stem with a crime term (%s): %s',
    (language, title, body, topic) => {
      // Act
      const result = classifyWithRules({ title, body, language });

      // Assess
      expect(result.scores[topic as TopicId]).toBe(0);
    },
  );

  it('weighs a lead paragraph taken for a title like body text', () => {
    // Prepare
    const lead =
      'MODENA. I carabinieri hanno arrestato due giovani che avevano rubato una bicicletta in centro e che nel corso della perquisizione sono stati trovati con una piccola quantità di stupefacenti per uso personale, poi sequestrata dagli agenti.';

    // Act
    const asLead = classifyWithRules({
      title: lead,
      body: 'Il giudice ha convalidato.',
      language: 'it',
    });
    const asTitle = classifyWithRules({
      title: 'Trovati con stupefacenti',
      body: 'Il giudice ha convalidato.',
      language: 'it',
    });

    // Assess
    expect(asLead.scores.drug_trafficking).toBe(0.283);
    expect(asTitle.scores.drug_trafficking).toBe(0.487);
  });

  it('does not list crime topics of a review of a crime series, however often it names them', () => {
    // Prepare
    const review = {
      title: 'Recensione: la mafia raccontata dalla parte delle donne',
      body: [
        'La serie, dieci episodi in streaming da giovedì, segue una famiglia della camorra napoletana.',
        'Il regista mostra la criminalità organizzata senza glorificarla; il cast è eccellente.',
        'Il clan, le estorsioni, il pizzo: la sceneggiatura non risparmia nulla. Voto: 7 su 10.',
      ].join('\n'),
      language: 'it',
    };

    // Act
    const result = classifyWithRules(review);

    // Assess
    expect(result.topics).toEqual([]);
    expect(result.scores.organized_crime).toBeGreaterThan(0);
    expect(result.scores.organized_crime).toBeLessThanOrEqual(0.393);
  });

  it('lists the crime of a review-like text that reports arrests and charges', () => {
    // Prepare: the same vocabulary, plus enforcement events.
    const news = {
      title: 'Arrestato il produttore della serie sulla camorra',
      body: [
        'La serie, dieci episodi in streaming, era girata a Napoli; il regista e il cast non sono coinvolti.',
        'Secondo la procura il produttore pagava il pizzo al clan: è indagato per estorsione aggravata dal metodo mafioso.',
      ].join('\n'),
      language: 'it',
    };

    // Act
    const result = classifyWithRules(news);

    // Assess
    expect(result.topics.map((topic) => topic.id)).toContain('organized_crime');
  });

  it('does not list cybercrime for a security product launch, but does for a phishing gang arrested', () => {
    // Prepare
    const launch = {
      title: 'Startup unveils phishing filter for small firms',
      body: [
        'The new product detects phishing and ransomware in email attachments, the vendor said.',
        'It is sold as a subscription to customers, with pricing per mailbox, after a funding round.',
      ].join('\n'),
      language: 'en',
    };
    const arrest = {
      title: 'Phishing gang arrested',
      body: [
        'Police arrested five people who sent phishing emails and deployed ransomware against small firms.',
        'They were charged with fraud; prosecutors said the customers of three banks lost money.',
      ].join('\n'),
      language: 'en',
    };

    // Act
    const launched = classifyWithRules(launch);
    const arrested = classifyWithRules(arrest);

    // Assess
    expect(launched.topics).toEqual([]);
    expect(launched.scores.cybercrime).toBeGreaterThan(0);
    expect(arrested.topics.map((topic) => topic.id)).toEqual(['cybercrime']);
  });

  it('reads migrants smuggled in a truck as smuggling, not also trafficking (sibling topics)', () => {
    // Prepare
    const input = {
      title: 'Hallan a 90 migrantes en la caja de un camión',
      body: [
        'Los migrantes pagaron a los polleros para cruzar la frontera hacia Estados Unidos.',
        'La fiscalía investiga un delito de tráfico de personas y busca al conductor, que huyó.',
        'Las redes de coyotes cobran miles de dólares a cada migrante por el viaje.',
      ].join('\n'),
      language: 'es',
    };

    // Act
    const result = classifyWithRules(input);

    // Assess
    expect(result.topics.map((topic) => topic.id)).toEqual(['migrant_smuggling']);
    expect(result.scores.human_trafficking).toBeGreaterThan(0);
  });

  it('finds weapons caches and weapons-law offences written as German compounds', () => {
    // Act
    const result = classifyWithRules({
      title: 'Waffenlager in Kärnten entdeckt',
      body: 'Die Polizei fand zwei Maschinenpistolen und mehrere Faustfeuerwaffen. Ermittelt wird wegen Verstößen gegen das Waffengesetz.',
      language: 'de',
    });

    // Assess
    expect(result.topics.map((topic) => topic.id)).toEqual(['firearms']);
  });

  it('finds online investment fraud run from a call centre, and the Swiss word for laundering', () => {
    // Act
    const result = classifyWithRules({
      title: 'Anklage wegen Anlagebetrug',
      body: [
        'Die Opfer wurden über Onlinewerbung auf falsche Trading-Plattformen gelockt.',
        'Ein Callcenter drängte die Opfer zu immer höheren Einzahlungen.',
        'Die Staatsanwaltschaft wirft den Beschuldigten zudem Geldwäscherei vor.',
      ].join('\n'),
      language: 'de',
    });

    // Assess
    expect(result.topics.map((topic) => topic.id).sort()).toEqual([
      'corruption_financial',
      'cybercrime',
    ]);
  });

  it('reads French drug-gang vocabulary as organized crime', () => {
    // Act
    const result = classifyWithRules({
      title: 'Narcobanditisme : deux morts dans une cité',
      body: 'Les enquêteurs évoquent une guerre de territoire entre bandes rivales pour le contrôle d’un point de deal tenu par un réseau de trafiquants de cannabis.',
      language: 'fr',
    });

    // Assess
    expect(result.topics.map((topic) => topic.id).sort()).toEqual([
      'drug_trafficking',
      'organized_crime',
    ]);
  });

  it('does not read an `arsenal` without weapons as firearms', () => {
    // Act
    const result = classifyWithRules({
      title: 'Le gouvernement présente un arsenal de mesures contre la vie chère',
      body: 'Arsenal a battu Chelsea dimanche.',
      language: 'fr',
    });

    // Assess
    expect(result.scores.firearms).toBe(0);
  });

  it('lists a Spanish `tráfico de personas` alone as trafficking only with more evidence', () => {
    // Act
    const once = classifyWithRules({
      title: 'Investigación abierta',
      body: 'La fiscalía abrió una causa por tráfico de personas.',
      language: 'es',
    });

    // Assess: medium weight, not enough alone.
    expect(once.topics).toEqual([]);
    expect(once.scores.human_trafficking).toBe(0.283);
  });

  it('returns only zero scores for an empty document', () => {
    // Act
    const result = classifyWithRules({ title: '', body: '', language: 'und' });

    // Assess
    expect(result.topics).toEqual([]);
    expect(Object.values(result.scores).every((score) => score === 0)).toBe(true);
  });
});

describe('Function: adjustEvidence', () => {
  const zero = Object.fromEntries(TOPIC_IDS.map((id) => [id, 0])) as Record<TopicId, number>;

  it('leaves the evidence of a news text unchanged when no sibling dominates', () => {
    // Prepare
    const evidence = { ...zero, terrorism: 4, firearms: 1 };

    // Act & Assess
    expect(adjustEvidence(evidence, 'news', SIBLING_TOPICS)).toEqual(evidence);
  });

  it('damps every topic of a fiction, commercial or lawful-use text and caps it below the threshold', () => {
    // Prepare
    const evidence = { ...zero, organized_crime: 12, drug_trafficking: 2 };

    // Act
    for (const frame of ['fiction', 'commercial', 'lawful'] as const) {
      const adjusted = adjustEvidence(evidence, frame, SIBLING_TOPICS);

      // Assess
      expect(adjusted.organized_crime).toBe(ScoringConstants.WEAK_EVIDENCE_CAP);
      expect(adjusted.drug_trafficking).toBeCloseTo(2 * ScoringConstants.FRAME_DAMPING);
      expect(
        1 - Math.exp(-(adjusted.organized_crime ?? 0) / ScoringConstants.SATURATION),
      ).toBeLessThan(DEFAULT_THRESHOLD);
    }
  });

  it('halves a weak topic whose sibling has at least twice its evidence, in both directions', () => {
    // Prepare
    expect(SIBLING_TOPICS).toContainEqual(['human_trafficking', 'migrant_smuggling']);
    const smuggling = { ...zero, migrant_smuggling: 4, human_trafficking: 2 };
    const trafficking = { ...zero, migrant_smuggling: 1, human_trafficking: 5 };

    // Act
    const a = adjustEvidence(smuggling, 'news', SIBLING_TOPICS);
    const b = adjustEvidence(trafficking, 'news', SIBLING_TOPICS);

    // Assess
    expect(a.human_trafficking).toBe(2 * ScoringConstants.SIBLING_DAMPING);
    expect(a.migrant_smuggling).toBe(4);
    expect(b.migrant_smuggling).toBe(ScoringConstants.SIBLING_DAMPING);
    expect(b.human_trafficking).toBe(5);
  });

  it('leaves a sibling alone when it has evidence of its own or is not dominated', () => {
    // Prepare
    const strong = { ...zero, migrant_smuggling: 9, human_trafficking: 3 };
    const close = { ...zero, migrant_smuggling: 3, human_trafficking: 2 };

    // Act & Assess
    expect(adjustEvidence(strong, 'news', SIBLING_TOPICS).human_trafficking).toBe(3);
    expect(adjustEvidence(close, 'news', SIBLING_TOPICS).human_trafficking).toBe(2);
  });
});

// Arabic paragraphs written for these tests (issue 15).
describe('Function: classifyTopics on Arabic text', () => {
  const topicsOf = (title: string, body: string, language = 'ar') =>
    classifyWithRules({ title, body, language }).topics.map((topic) => topic.id);

  it.each([
    [
      'terrorism',
      'خلية إرهابية',
      'أوقفت الشرطة ثلاثة أشخاص خططوا لتفجير عبوة ناسفة وبايعوا تنظيم داعش.',
    ],
    [
      'drug_trafficking',
      'ضبط شحنة',
      'أحبطت الجمارك تهريب المخدرات وضبطت ملايين حبوب الكبتاغون في ميناء المدينة.',
    ],
    [
      'corruption_financial',
      'محاكمة',
      'بدأت محاكمة موظفين متهمين بتلقي الرشوة وغسل الأموال عبر شركات وهمية.',
    ],
    [
      'human_trafficking',
      'إنقاذ ضحايا',
      'فككت الشرطة شبكة للاتجار بالبشر أجبرت نساء على العمل القسري.',
    ],
    [
      'cultural_property',
      'إحباط تهريب',
      'أحبطت السلطات تهريب الآثار وضبطت قطعا أثرية مسروقة في حقيبة مسافر.',
    ],
  ] as const)('finds %s', (topic, title, body) => {
    // Act
    const topics = topicsOf(title, body);

    // Assess
    expect(topics).toContain(topic);
  });

  it('reads words whatever their clitics, vowel marks, tatweel and letter variants', () => {
    // Prepare
    const plain = 'أحبطت الشرطة تهريب المخدرات وضبطت كميات من الكوكايين.';
    const written = 'وأَحبَطت الشرطةُ لتهريـــب المُخدِّرات، وضبطت كميات من الكوكايين.';

    // Act
    const a = classifyWithRules({ title: '', body: plain, language: 'ar' });
    const b = classifyWithRules({ title: '', body: written, language: 'ar' });

    // Assess
    expect(a.scores.drug_trafficking).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(b.scores.drug_trafficking).toBe(a.scores.drug_trafficking);
  });

  it('counts INTERPOL written in Latin letters inside Arabic text', () => {
    // Act
    const topics = topicsOf(
      'عملية دولية',
      'أعلنت منظمة INTERPOL توقيف عشرات المطلوبين بموجب النشرات الحمراء في عملية شاركت فيها عشرون دولة.',
    );

    // Assess
    expect(topics).toContain('cooperation');
  });

  it('gives no topic to a museum exhibition of antiquities or a shooting championship', () => {
    // Act
    const museum = topicsOf(
      'معرض جديد',
      'افتتح المتحف الوطني معرضا يضم قطعا أثرية فرعونية وتماثيل ذهبية تعرض للمرة الأولى أمام الزوار.',
    );
    const shooting = topicsOf(
      'ميدالية ذهبية',
      'فاز بطل المنتخب بذهبية البطولة العربية في الرماية بالبندقية الهوائية، وقال رئيس الاتحاد إن الأسلحة النارية الرياضية تخضع لترخيص.',
    );

    // Assess
    expect(museum).toEqual([]);
    expect(shooting).toEqual([]);
  });

  it('tells wildlife smuggling told by the animal from a bird-watching story', () => {
    // Act
    const smuggling = topicsOf(
      'إحباط تهريب',
      'أحبطت الجمارك تهريب صقور نادرة مهددة بالانقراض في حقائب مسافر متجه إلى الخارج.\nوقال المسؤولون إن المهربين يبيعون الصقور النادرة بمبالغ كبيرة.',
    );
    const watching = topicsOf(
      'موسم الهجرة',
      'يتوافد هواة مراقبة الطيور إلى المحمية لمشاهدة أسراب الطيور المهاجرة في فصل الربيع.',
    );

    // Assess
    expect(smuggling).toContain('environmental');
    expect(watching).toEqual([]);
  });
});

describe('Function: classifyTopics, rules of taxonomy 2026.12.1', () => {
  it('gives organized_crime to a group described by its leaders, not to a passing network', () => {
    // Act
    const group = classifyWithRules({
      title: 'Golpe al narcotráfico',
      body: 'La Guardia Civil ha desarticulado una organización criminal cuyos cabecillas dirigían el transporte de hachís.',
      language: 'es',
    });
    const passing = classifyWithRules({
      title: 'Rescatados en el mar',
      body: 'Los migrantes pagaron a una organización criminal por el viaje en patera hasta la costa.',
      language: 'es',
    });

    // Assess
    expect(group.scores.organized_crime).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(passing.scores.organized_crime).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('matches the plural of a Spanish -ción term (organizaciones criminales)', () => {
    // Act
    const result = classifyWithRules({
      title: 'Desarticuladas dos organizaciones criminales',
      body: 'Los líderes de las organizaciones criminales fueron detenidos en Málaga.',
      language: 'es',
    });

    // Assess
    expect(result.scores.organized_crime).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('finds cooperation in counterparts working jointly across a border', () => {
    // Act
    const result = classifyWithRules({
      title: 'Cocaine ship seized',
      body: 'Irish detectives worked with their Spanish counterparts for months.\nThe ship was boarded jointly by British and Irish police officers.',
      language: 'en',
    });

    // Assess
    expect(result.scores.cooperation).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('leaves an online scam to cybercrime, without a financial-crime hint', () => {
    // Act
    const result = classifyWithRules({
      title: 'WhatsApp scam',
      body: 'Police warned of a scam on WhatsApp: fraud messages ask victims for their bank codes online.',
      language: 'en',
    });

    // Assess
    expect(result.scores.corruption_financial).toBe(0);
  });
});

describe('Function: classifyTopics, rules of taxonomy 2026.12.2', () => {
  it.each([
    [
      'es',
      'La Policía Nacional, en colaboración con la policía de Perú, ha detenido a once personas.',
    ],
    [
      'en',
      'Spanish investigators worked with the authorities of Morocco, and the police of Morocco arrested nine suspects.',
    ],
    [
      'it',
      'Gli investigatori hanno lavorato con le autorità dell’Albania; la polizia dell’Albania ha eseguito cinque arresti.',
    ],
  ])('finds cooperation with a partner named by its country (%s)', (language, body) => {
    // Act
    const result = classifyWithRules({ title: 'Operación', body, language });

    // Assess
    expect(result.scores.cooperation).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('does not take a named country without police or justice for cooperation', () => {
    // Act
    const result = classifyWithRules({
      title: 'Amistoso en Sevilla',
      body: 'El partido se organiza en colaboración con las autoridades de Perú y con la federación de Perú.',
      language: 'es',
    });

    // Assess
    expect(result.scores.cooperation).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('finds cooperation in a wanted man surrendered by a named country', () => {
    // Act
    const result = classifyWithRules({
      title: 'Latitante consegnato',
      body: 'Un tribunale della Spagna ha autorizzato la consegna del latitante.\nLa polizia della Spagna lo aveva seguito per settimane.',
      language: 'it',
    });

    // Assess
    expect(result.scores.cooperation).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('does not read the Italian "si tratta di persone" (these are people) as trafficking', () => {
    // Act
    const idiom = classifyWithRules({
      title: 'Arresti in Comune',
      body: 'Si tratta di persone che lavorano negli uffici tecnici.',
      language: 'it',
    });
    const offence = classifyWithRules({
      title: 'Arresti',
      body: 'Sono accusati di tratta di persone.',
      language: 'it',
    });

    // Assess
    expect(idiom.scores.human_trafficking).toBe(0);
    expect(offence.scores.human_trafficking).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it('weighs a criminal network named by its smuggling trade as a hint of organized crime', () => {
    // Act
    const crew = classifyWithRules({
      title: 'Smugglers jailed',
      body: 'They ran a criminal network smuggling migrants.\nA second criminal network smuggling migrants was found.',
      language: 'en',
    });
    const plain = classifyWithRules({
      title: 'Arrests',
      body: 'They ran a criminal network from a flat.\nA second criminal network was found.',
      language: 'en',
    });

    // Assess
    expect(crew.scores.organized_crime).toBeLessThan(DEFAULT_THRESHOLD);
    expect(plain.scores.organized_crime).toBeGreaterThan(crew.scores.organized_crime ?? 0);
  });
});
