import type { TaxonomyLanguage } from './taxonomy.ts';
import { foldText } from './tokenize.ts';

/**
 * What kind of text a document is, as far as crime topics are concerned:
 * - `fiction`: a review of, or a piece about, a film, a series, a novel... Crime
 *   words describe the plot, not an event.
 * - `commercial`: product or business news (a launch, a subscription, a funding
 *   round, quarterly results). Crime words describe what a product protects
 *   against or a market, not an event.
 * - `news`: anything else, and any text that reports enforcement events (arrests,
 *   charges, raids, seizures, court), whatever else it talks about.
 *
 * Not to be confused with `FRAME_TOPIC` of `classifyTopics` (the frame of
 * enumerations).
 */
type DocumentFrameKind = 'fiction' | 'commercial' | 'news';

type CueKind = 'fiction' | 'commercial' | 'enforcement';

/** Per language, words that signal a kind of document, as exact folded words. */
type FrameCues = Readonly<Record<CueKind, Readonly<Record<TaxonomyLanguage, readonly string[]>>>>;

/**
 * Cue words of the document frames, per language, listed with their inflections
 * (they are matched as exact folded words, like `CHARGE_CUES`, so that a cue never
 * matches by a stem collision). A frame needs several distinct cues (see
 * `FrameConstants`), so a single word used in news (`series` of attacks, a bank's
 * `clients`) cannot make one. Words that are common in crime news are left out
 * on purpose: `director` (of a police agency), `launched` (an investigation),
 * `plot` (a terror plot), `trailer` (es/en: a truck), `Tatort` (de: crime scene),
 * `Folge` (de: consequence), `reparto` (es: distribution), `investors` (the
 * victims of investment fraud), `chiffre d’affaires` (of a drug spot).
 *
 * `enforcement` cues are events of law enforcement (arrested, charged, raid,
 * seized, sentenced, court...): they make a text news whatever its other cues,
 * so that a story about a film producer arrested for fraud, or a software firm
 * raided by the police, is still classified.
 */
const FRAME_CUES: FrameCues = {
  fiction: {
    fr: [
      'film',
      'films',
      'série',
      'séries',
      'épisode',
      'épisodes',
      'saison',
      'saisons',
      'roman',
      'romans',
      'romancier',
      'romancière',
      'réalisateur',
      'réalisatrice',
      'scénariste',
      'scénaristes',
      'casting',
      'streaming',
      'cinéma',
      'métrage',
      'téléfilm',
      'acteur',
      'acteurs',
      'actrice',
      'comédien',
      'comédienne',
      'polar',
      'thriller',
      'spectateurs',
      'netflix',
    ],
    en: [
      'film',
      'films',
      'movie',
      'movies',
      'series',
      'episode',
      'episodes',
      'season',
      'novel',
      'novels',
      'novelist',
      'screenplay',
      'screenwriter',
      'filmmaker',
      'cast',
      'starring',
      'streaming',
      'premiere',
      'premiered',
      'cinema',
      'cinemas',
      'actor',
      'actors',
      'actress',
      'thriller',
      'sequel',
      'showrunner',
      'netflix',
    ],
    es: [
      'película',
      'películas',
      'serie',
      'series',
      'episodio',
      'episodios',
      'temporada',
      'novela',
      'novelas',
      'novelista',
      'guion',
      'guionista',
      'elenco',
      'streaming',
      'estreno',
      'estrena',
      'estrenó',
      'cine',
      'largometraje',
      'actor',
      'actriz',
      'actores',
      'cineasta',
      'thriller',
      'taquilla',
      'netflix',
    ],
    it: [
      'film',
      'serie',
      'episodio',
      'episodi',
      'stagione',
      'romanzo',
      'romanzi',
      'regista',
      'sceneggiatura',
      'sceneggiatore',
      'cast',
      'streaming',
      'anteprima',
      'cinema',
      'lungometraggio',
      'attore',
      'attrice',
      'attori',
      'fiction',
      'puntata',
      'puntate',
      'thriller',
      'recensione',
      'netflix',
    ],
    de: [
      'Film',
      'Filme',
      'Kinofilm',
      'Fernsehfilm',
      'Serie',
      'Serien',
      'Episode',
      'Episoden',
      'Staffel',
      'Roman',
      'Romane',
      'Regisseur',
      'Regisseurin',
      'Drehbuch',
      'Drehbuchautor',
      'Streaming',
      'Premiere',
      'Kino',
      'Schauspieler',
      'Schauspielerin',
      'Krimi',
      'Fernsehkrimi',
      'Thriller',
      'Netflix',
    ],
    pt: [
      'filme',
      'filmes',
      'série',
      'séries',
      'episódio',
      'episódios',
      'temporada',
      'romance',
      'romancista',
      'realizador',
      'cineasta',
      'roteirista',
      'argumentista',
      'elenco',
      'streaming',
      'estreia',
      'estreou',
      'cinema',
      'metragem',
      'ator',
      'atriz',
      'atores',
      'novela',
      'thriller',
      'netflix',
    ],
    // Arabic cues are exact words: the forms with the article are listed too.
    ar: [
      'فيلم',
      'الفيلم',
      'أفلام',
      'مسلسل',
      'المسلسل',
      'مسلسلات',
      'حلقة',
      'الحلقة',
      'حلقات',
      'الموسم',
      'رواية',
      'الرواية',
      'الروائي',
      'المخرج',
      'المخرجة',
      'مخرج',
      'السيناريو',
      'الممثل',
      'الممثلة',
      'ممثلين',
      'بطولة',
      'السينما',
      'سينمائي',
      'العرض',
      'نتفليكس',
      'المشاهدين',
    ],
  },
  commercial: {
    fr: [
      'produit',
      'produits',
      'clients',
      'abonnement',
      'abonnements',
      'tarif',
      'tarifs',
      'éditeur',
      'fournisseur',
      'fournisseurs',
      'trimestriel',
      'trimestriels',
      'trimestrielle',
      'trimestre',
      'lancement',
      'commercialisation',
    ],
    en: [
      'product',
      'products',
      'customers',
      'subscription',
      'subscriptions',
      'pricing',
      'vendor',
      'vendors',
      'startup',
      'funding',
      'venture',
      'quarterly',
      'earnings',
      'revenue',
      'launch',
      'unveils',
      'unveiled',
    ],
    es: [
      'producto',
      'productos',
      'clientes',
      'suscripción',
      'suscripciones',
      'tarifas',
      'proveedor',
      'proveedores',
      'startup',
      'financiación',
      'trimestral',
      'trimestre',
      'facturación',
      'lanzamiento',
    ],
    it: [
      'prodotto',
      'prodotti',
      'clienti',
      'abbonamento',
      'abbonamenti',
      'fornitore',
      'fornitori',
      'startup',
      'finanziamento',
      'trimestrale',
      'trimestre',
      'fatturato',
      'lancio',
    ],
    de: [
      'Produkt',
      'Produkte',
      'Kunden',
      'Abonnement',
      'Abo',
      'Anbieter',
      'Startup',
      'Finanzierungsrunde',
      'Quartal',
      'Quartalszahlen',
      'Umsatz',
      'Markteinführung',
    ],
    pt: [
      'produto',
      'produtos',
      'clientes',
      'subscrição',
      'fornecedor',
      'fornecedores',
      'startup',
      'financiamento',
      'trimestral',
      'trimestre',
      'faturamento',
      'faturação',
      'lançamento',
    ],
    ar: [
      'منتج',
      'المنتج',
      'منتجات',
      'العملاء',
      'عملاء',
      'الاشتراك',
      'اشتراك',
      'الشركة',
      'شركة',
      'إطلاق',
      'أطلقت',
      'تطلق',
      'الإصدار',
      'تمويل',
      'الأرباح',
      'أرباح',
      'الإيرادات',
      'الفصلية',
      'الربع',
      'المستثمرين',
      'السوق',
      'الأسعار',
      'الحل',
      'المنصة',
    ],
  },
  enforcement: {
    fr: [
      'interpellé',
      'interpellés',
      'interpellée',
      'interpellées',
      'interpellation',
      'interpellations',
      'garde',
      'écroué',
      'écroués',
      'inculpé',
      'inculpés',
      'condamné',
      'condamnés',
      'condamnée',
      'perquisition',
      'perquisitions',
      'saisi',
      'saisis',
      'saisie',
      'saisies',
      'démantelé',
      'démantèlement',
      'amende',
      'tribunal',
      'procès',
      'déféré',
      'déférés',
      'parquet',
    ],
    en: [
      'arrest',
      'arrests',
      'arrested',
      'detained',
      'charged',
      'indicted',
      'raid',
      'raids',
      'raided',
      'seized',
      'seizure',
      'seizures',
      'sentenced',
      'convicted',
      'jailed',
      'court',
      'trial',
      'prosecutors',
      'extradited',
      'dismantled',
      'fined',
    ],
    es: [
      'detenido',
      'detenidos',
      'detenida',
      'detenidas',
      'detención',
      'detenciones',
      'arrestado',
      'arrestados',
      'imputado',
      'imputados',
      'condenado',
      'condenados',
      'incautado',
      'incautados',
      'incautada',
      'incautadas',
      'incautación',
      'decomiso',
      'allanamiento',
      'allanamientos',
      'desarticulada',
      'desarticulado',
      'juicio',
      'juzgado',
      'tribunal',
      'fiscalía',
      'extraditado',
      'multa',
      'multada',
    ],
    it: [
      'arrestato',
      'arrestati',
      'arrestata',
      'arresto',
      'arresti',
      'indagato',
      'indagati',
      'imputato',
      'imputati',
      'condannato',
      'condannati',
      'sequestro',
      'sequestrati',
      'sequestrato',
      'sequestrata',
      'perquisizione',
      'perquisizioni',
      'tribunale',
      'procura',
      'blitz',
      'ordinanza',
      'estradato',
      'multa',
    ],
    de: [
      'festgenommen',
      'verhaftet',
      'Festnahme',
      'Festnahmen',
      'Razzia',
      'Razzien',
      'Durchsuchung',
      'Durchsuchungen',
      'Hausdurchsuchungen',
      'sichergestellt',
      'beschlagnahmt',
      'angeklagt',
      'Anklage',
      'verurteilt',
      'Haftbefehl',
      'Untersuchungshaft',
      'Landgericht',
      'Staatsanwaltschaft',
      'ausgeliefert',
      'Bussgeld',
      'Geldstrafe',
    ],
    pt: [
      'preso',
      'presos',
      'presa',
      'detido',
      'detidos',
      'detida',
      'detenção',
      'indiciado',
      'indiciados',
      'condenado',
      'condenados',
      'apreendido',
      'apreendidos',
      'apreendida',
      'apreendidas',
      'apreensão',
      'mandados',
      'julgamento',
      'tribunal',
      'extraditado',
      'desarticulada',
      'desarticulado',
      'multa',
      'multado',
    ],
    ar: [
      'القبض',
      'اعتقال',
      'اعتقلت',
      'توقيف',
      'أوقفت',
      'ضبط',
      'ضبطت',
      'حجز',
      'مداهمة',
      'مداهمات',
      'المتهم',
      'المتهمين',
      'المحكمة',
      'محكمة',
      'النيابة',
      'بالسجن',
      'السجن',
      'إدانة',
      'أدانت',
      'مصادرة',
      'تفكيك',
      'الموقوفين',
      'تسليمه',
    ],
  },
};

/**
 * Thresholds of the document frames. A frame needs `MIN_CUES` distinct cue words
 * of its kind (a rating such as `8/10` or `Voto: 8 su 10` counts as one fiction
 * cue): a crime story mentioning a `series` of thefts or a bank's `clients` has
 * one or two, a film review or a product launch many more (5 to 9 on the
 * reviews and launches of the development sets). `ENFORCEMENT_EXEMPTION`
 * distinct enforcement cues make the text news whatever its other cues; a
 * review may tell of one arrest in a plot, a real case has several.
 */
const FrameConstants = {
  MIN_CUES: 3,
  ENFORCEMENT_EXEMPTION: 2,
} as const;

/** Cue words of one language (or of all, for other languages), folded, with their kind. */
type CompiledFrameCues = ReadonlyMap<string, ReadonlyMap<string, CueKind>>;

/** Key of the cues of all languages, for documents in another language. */
const ANY_LANGUAGE = '*';

/**
 * Folds the cue words, per language and for all languages together. Throws if a
 * word is a cue of two kinds in one language, or is not a single word (the
 * tokenizer splits hyphenated words: list their telling part, `métrage`).
 */
const compileCues = (cues: FrameCues): CompiledFrameCues => {
  const compiled = new Map<string, Map<string, CueKind>>([[ANY_LANGUAGE, new Map()]]);
  const add = (language: string, word: string, kind: CueKind) => {
    let byWord = compiled.get(language);
    if (byWord === undefined) {
      byWord = new Map();
      compiled.set(language, byWord);
    }
    const known = byWord.get(word);
    if (known !== undefined && known !== kind) {
      throw new Error(`frame cue "${word}" (${language}) is both ${known} and ${kind}`);
    }
    byWord.set(word, kind);
  };
  for (const kind of ['fiction', 'commercial', 'enforcement'] as const) {
    for (const [language, words] of Object.entries(cues[kind])) {
      for (const word of words) {
        const folded = foldText(word);
        if (!/^\p{L}+$/u.test(folded)) throw new Error(`frame cue "${word}" is not one word`);
        add(language, folded, kind);
        // Across languages, an enforcement cue wins: it can only keep a text news.
        const all = compiled.get(ANY_LANGUAGE) as Map<string, CueKind>;
        if (!all.has(folded) || kind === 'enforcement') all.set(folded, kind);
      }
    }
  }
  return compiled;
};

const COMPILED_FRAME_CUES = compileCues(FRAME_CUES);

// A rating given by a critic: `8/10`, `Voto: 8 su 10`, `note : 3 sur 5`,
// `★★★★`. Only looked for once a document already has a fiction cue.
const RATING =
  /\b\d{1,2}(?:[.,]\d)?\s?\/\s?(?:10|20)\b|\b(?:voto|note|nota|rating|verdict|wertung|bewertung|puntuaci[oó]n|calificaci[oó]n|valutazione|avalia[cç][aã]o)\s*:?\s*\d{1,2}(?:[.,]\d)?\s*(?:su|sur|de|von|of|out of|em|sobre)\s*(?:10|5|20)\b|[★☆]{3}/iu;

interface DocumentFrame {
  kind: DocumentFrameKind;
  /**
   * Distinct cue words found per kind. A rating counts as a fiction cue, and is
   * only looked for when it can decide (one cue short of a fiction frame).
   */
  cues: Readonly<Record<CueKind, number>>;
}

/** The cue words to look for in a document of `language` (ISO 639-1 or `und`). */
const frameCuesFor = (
  language: string,
  compiled: CompiledFrameCues = COMPILED_FRAME_CUES,
): ReadonlyMap<string, CueKind> =>
  compiled.get(language) ?? (compiled.get(ANY_LANGUAGE) as ReadonlyMap<string, CueKind>);

/**
 * The frame of a document from the distinct cue words found in it (`found`, see
 * `frameCuesFor`) and, for ratings, its raw text (`text` is called only when a
 * rating can decide).
 */
const decideFrame = (
  found: ReadonlyMap<string, CueKind> | undefined,
  text: () => string,
): DocumentFrame => {
  const counts = { fiction: 0, commercial: 0, enforcement: 0 };
  for (const kind of found?.values() ?? []) counts[kind] += 1;
  const { MIN_CUES, ENFORCEMENT_EXEMPTION } = FrameConstants;
  if (counts.enforcement >= ENFORCEMENT_EXEMPTION) return { kind: 'news', cues: counts };
  if (counts.fiction === MIN_CUES - 1 && RATING.test(text())) counts.fiction += 1;
  let kind: DocumentFrameKind = 'news';
  if (counts.fiction >= MIN_CUES && counts.fiction >= counts.commercial) kind = 'fiction';
  else if (counts.commercial >= MIN_CUES) kind = 'commercial';
  return { kind, cues: counts };
};

/**
 * Reads the frame of a document from its words (`norm`: folded; function words
 * included or not), with the cues of its `language` (ISO 639-1; all languages'
 * cues for another one) and, for ratings, its raw text. Linear in the number of
 * words. (`classifyTopics` finds the cues while matching terms, then calls
 * `decideFrame`.)
 *
 * @example
 * const words = ['serie', 'otto', 'episodi', 'streaming'].map((norm) => ({ norm }));
 * detectDocumentFrame(words, () => '', 'it').kind; // 'fiction'
 */
const detectDocumentFrame = (
  words: readonly { readonly norm: string }[],
  text: () => string,
  language: string,
  compiled: CompiledFrameCues = COMPILED_FRAME_CUES,
): DocumentFrame => {
  const cues = frameCuesFor(language, compiled);
  const found = new Map<string, CueKind>();
  for (const word of words) {
    const kind = cues.get(word.norm);
    if (kind !== undefined) found.set(word.norm, kind);
  }
  return decideFrame(found, text);
};

export type { CompiledFrameCues, CueKind, DocumentFrame, DocumentFrameKind, FrameCues };
export {
  COMPILED_FRAME_CUES,
  compileCues,
  decideFrame,
  detectDocumentFrame,
  FRAME_CUES,
  FrameConstants,
  frameCuesFor,
};
