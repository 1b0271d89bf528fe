/**
 * Where a boilerplate pattern may remove a line. Body sentences are never
 * touched: every pattern must match a whole line.
 */
const BoilerplateScope = {
  /** A marker that opens a trailing block ("Related news", "Commentaires"): it and every line after it go. */
  TAIL_SECTION: 'tail-section',
  /** One line removed only while peeling the end of the document (newsletter, app, "powered by"). */
  TAIL_LINE: 'tail-line',
  /** A line that is never content, removed wherever it stands ("Publicité", "Advertisement"). */
  ANY_LINE: 'any-line',
} as const;

type BoilerplateScopeName = (typeof BoilerplateScope)[keyof typeof BoilerplateScope];

/** One site-boilerplate line shape. */
interface BoilerplatePattern {
  /** Stable name, for tests and for reviewing the list. */
  readonly id: string;
  readonly scope: BoilerplateScopeName;
  /**
   * Tested against a whole normalized line (single spaces, trimmed) whose
   * leading decoration (bullets, ♦, ►, dashes) is stripped. Anchor it with
   * `^…$`, use the `iu` flags, and keep it free of nested quantifiers.
   */
  readonly pattern: RegExp;
}

// A short name (site, network, CMS): words without clause punctuation, not ending a sentence.
// Words and spaces never overlap, so the repetition cannot backtrack.
const WORDS = (max: number): string => `[^\\s,;!?]+(?:\\s+[^\\s,;!?]+){0,${max - 1}}(?<![.!?…])`;
const line = (source: string): RegExp => new RegExp(`^(?:${source})$`, 'iu');

const section = (id: string, source: string): BoilerplatePattern => ({
  id,
  scope: BoilerplateScope.TAIL_SECTION,
  pattern: line(`(?:${source})\\s*:?`),
});
const tail = (id: string, source: string): BoilerplatePattern => ({
  id,
  scope: BoilerplateScope.TAIL_LINE,
  pattern: line(source),
});
const anywhere = (id: string, source: string): BoilerplatePattern => ({
  id,
  scope: BoilerplateScope.ANY_LINE,
  pattern: line(`(?:${source})\\s*:?`),
});

/**
 * The built-in boilerplate list (French, English, Spanish). Extend it with
 * `NormalizeOptions.extraBoilerplatePatterns` rather than by loosening these.
 */
const BOILERPLATE_PATTERNS: readonly BoilerplatePattern[] = [
  // Related-article tails with their teasers.
  section(
    'related-fr',
    "(?:nouvelles|articles?|actualités|infos?|sujets) (?:connexes|liée?s|similaires|associée?s|en rapport)|(?:à|a) lire (?:aussi|également|encore)|lire aussi|voir aussi|sur le même sujet|dans la même rubrique|vous (?:aimerez|pourriez aimer|aimerez aussi)(?: aussi| également)?|(?:précédents|autres) articles sur le sujet|suivre l['’]actualité(?: : .{0,80})?",
  ),
  section(
    'related-en',
    '(?:related|more) (?:news|articles?|stories|coverage|content)|read (?:also|more|next)|see also|you (?:may|might) also (?:like|be interested in)|more on this (?:story|topic)|recommended(?: for you)?',
  ),
  section(
    'related-es',
    '(?:noticias|artículos|notas) relacionad[oa]s|(?:también )?(?:te|le) puede interesar|le[ae] también|(?:ver|leer) también|más noticias',
  ),
  section(
    'latest',
    'dernier|derniers articles|dernières? (?:nouvelles|infos|actualités)|(?:les )?plus lus|latest(?: news| stories)?|most (?:read|popular)|últimas noticias|lo más (?:leído|visto)',
  ),
  section(
    'comments',
    '(?:\\d+ )?(?:commentaires?|comments?|comentarios?)|(?:laisser|ajouter|écrire) un commentaire|(?:leave a (?:comment|reply)|add a comment)|(?:deja|dejar|escribe|añadir) (?:un|tu) comentario',
  ),
  // Single trailing lines.
  tail(
    'newsletter-fr',
    "(?:recevez|abonnez-vous|inscrivez-vous)\\b.{0,160}\\b(?:inscrivez-vous|abonnez-vous|newsletter|lettre d['’]information)\\b.{0,40}",
  ),
  tail(
    'newsletter-en',
    '(?:get|sign up|subscribe|receive)\\b.{0,160}\\b(?:sign up|subscribe|newsletter)\\b.{0,40}',
  ),
  tail(
    'newsletter-es',
    '(?:recibe|suscríbete|suscribete|regístrate)\\b.{0,160}\\b(?:suscríbete|suscribete|regístrate|boletín|newsletter)\\b.{0,40}',
  ),
  tail('app-fr', "téléchargez (?:l['’]application|l['’]appli|notre application)\\b.{0,160}"),
  tail('app-en', 'download (?:the|our) .{0,60}\\bapp\\b.{0,120}'),
  tail('app-es', 'descarga(?:r)? (?:la|nuestra) (?:app|aplicación)\\b.{0,160}'),
  tail(
    'powered-by-fr',
    `(?:alimenté|propulsé|réalisé) par\\s*${WORDS(8)}|(?:alimenté|propulsé) par`,
  ),
  tail('powered-by-en', `powered by ${WORDS(6)}`),
  tail(
    'powered-by-es',
    `(?:desarrollado|impulsado) por ${WORDS(6)}|con la tecnología de ${WORDS(6)}`,
  ),
  tail(
    'product-of',
    `un produit de ${WORDS(4)}|a product of ${WORDS(4)}|un producto de ${WORDS(4)}`,
  ),
  tail(
    'featured',
    `(?:${WORDS(5)} )?en vedette|featured(?: stories| articles| news)?|destacad[oa]s?`,
  ),
  tail(
    'share-follow',
    `(?:partager|partagez|share|compartir|comparte)(?: (?:cet article|this (?:article|story|page)|esta noticia|este artículo|(?:sur|on|en) ${WORDS(3)}))?|(?:suivez-nous|follow us|síguenos)(?: (?:sur|on|en) ${WORDS(6)})?|facebook|twitter|x|whatsapp|linkedin|telegram|e-?mail|imprimer|print|imprimir`,
  ),
  tail(
    'attribution',
    `(?:selon|source|sources|d['’]après|according to|fuente|fuentes|según|via)\\s*:?\\s*${WORDS(4)}`,
  ),
  tail(
    'copyright',
    '(?:©|\\(c\\)|copyright)\\s*.{0,160}|tous droits réservés\\.?|all rights reserved\\.?|todos los derechos reservados\\.?',
  ),
  tail('tags', '(?:tags|mots-clés|étiquettes|etiquetas|palabras clave)\\s*:.{0,200}'),
  // Lines that are never content.
  anywhere(
    'advertisement',
    'publicité|contenu sponsorisé|sponsorisé|advertisement|sponsored(?: content)?|publicidad|contenido patrocinado',
  ),
  anywhere(
    'share-inline',
    'partager cet article|share this (?:article|story)|comparte esta noticia|lire la suite|read more|leer más|cliquez ici pour (?:lire|voir) la suite',
  ),
];

export type { BoilerplatePattern, BoilerplateScopeName };
export { BOILERPLATE_PATTERNS, BoilerplateScope };
