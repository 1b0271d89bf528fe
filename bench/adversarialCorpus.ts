/*
 * Worst-case inputs for the core, each a function of a target size in
 * characters, so that a class can be timed next to an article of the same
 * size (bench/adversarial.ts). Deterministic: the same size always yields the
 * same text.
 */

/** One hostile class: a name, what it attacks, and a text of about `size` characters. */
interface AdversarialClass {
  name: string;
  attacks: string;
  make: (size: number) => string;
}

/** `unit` repeated until the text holds `size` characters (cut to exactly `size`). */
const fill = (unit: string, size: number): string =>
  unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Deterministic pseudo-random letters (no spaces) from a small alphabet. */
const letters = (alphabet: string, size: number): string => {
  let state = 0x9e3779b9;
  let out = '';
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
};

const ADVERSARIAL_CLASSES: readonly AdversarialClass[] = [
  {
    name: 'one-long-token',
    attacks: 'stemmers and folding: one run of Latin letters, no space',
    make: (size) => letters('abcdefghijklmnopqrstuvwxyz', size),
  },
  {
    name: 'long-token-suffixes',
    attacks: 'stemmer suffix rules: one word made of French/English suffixes',
    make: (size) => fill('ementsationnellesiveness', size),
  },
  {
    name: 'long-token-accented',
    attacks: 'NFD folding and stemming of one accented word',
    make: (size) => letters('éèàôûçñüöäß', size),
  },
  {
    name: 'long-token-cyrillic',
    attacks: 'one word in a script without a stemmer',
    make: (size) => letters('абвгдежзийклмнопрстуфхцчшщыэюя', size),
  },
  {
    name: 'one-long-line',
    attacks: 'line-based stages (language sample, boilerplate, title)',
    make: (size) =>
      fill('La police a démantelé un réseau de trafic de cocaïne avec Europol. ', size),
  },
  {
    name: 'many-tiny-lines',
    attacks: 'per-line work: splitting, boilerplate, segments',
    make: (size) => fill('a\n', size),
  },
  {
    name: 'many-blank-lines',
    attacks: 'blank-line collapsing and paragraph splitting',
    make: (size) => `Titre${fill('\r\n \u00a0\t', size - 10)}Fin.`,
  },
  {
    name: 'whitespace-run',
    attacks: 'space folding: one run of mixed Unicode spaces',
    make: (size) => `Titre ${fill(' \u00a0\u2003\t\u3000', size - 12)} fin.`,
  },
  {
    name: 'only-punctuation',
    attacks: 'tokenizer and sentence splitting with no word',
    make: (size) => fill('.,;:!?-–—«»"\'()…/', size),
  },
  {
    name: 'only-digits',
    attacks: 'tokenizer and rating patterns with digits only',
    make: (size) => fill('0123456789', size),
  },
  {
    name: 'digits-and-ratings',
    attacks: 'the rating pattern (`8/10`, `note : 3 sur 5`)',
    make: (size) => fill('note : 8/10 voto 3 su 5 ', size),
  },
  {
    name: 'repeated-boilerplate',
    attacks: 'boilerplate lines everywhere (removed one by one)',
    make: (size) => `Titre de l'article\n\n${fill('Publicité\n\nCommentaires\n\n', size - 20)}`,
  },
  {
    name: 'repeated-tail-sections',
    attacks: 'trailing-section markers on every line (peeled from the end)',
    make: (size) =>
      `Titre de l'article\n\n${fill('Related news\nRead more\nPartager\n©\n', size - 20)}`,
  },
  {
    name: 'long-boilerplate-like-lines',
    attacks: 'newsletter/app patterns with bounded gaps on near-miss lines',
    make: (size) => fill(`${'subscribe '.repeat(29)}x\n`, size),
  },
  {
    name: 'deep-nesting-brackets',
    attacks: 'nested brackets and quotes',
    make: (size) => `${fill('([{«“‘', size / 2)}${fill('’”»}])', size / 2)}`,
  },
  {
    name: 'deep-nesting-tags',
    attacks: 'markup detection and conversion: deeply nested tags',
    make: (size) => `<div>${fill('<b><i><span>', size / 2)}x${fill('</span></i></b>', size / 2)}`,
  },
  {
    name: 'unclosed-comments',
    attacks: 'markup prolog scan: `<!--` and `<?` never closed',
    make: (size) => fill('<!--<?', size),
  },
  {
    name: 'html-tag-soup',
    attacks: 'HTML reading: unclosed and misnested tags, attributes, entities',
    make: (size) =>
      `<p>${fill('<b class="x"><i>mot &amp; &eacute;</b></i><span hidden>caché</span><br>', size - 3)}`,
  },
  {
    name: 'html-many-closing-tags',
    attacks: 'the HTML parser’s search of its open elements at every closing tag',
    make: (size) => `<div>${'<span>'.repeat(200)}${fill('</b>', size - 1_205)}`,
  },
  {
    name: 'html-hidden-everything',
    attacks: 'hidden content: everything inside scripts, styles and hidden elements',
    make: (size) =>
      `<p>Titre</p>${fill('<script>x()</script><div hidden>trafic</div><style>p{}</style>', size - 12)}`,
  },
  {
    name: 'rss-many-items',
    attacks: 'feed reading: many items with escaped HTML descriptions',
    make: (size) =>
      `<rss><channel><title>Fil</title>${fill('<item><title>Saisie</title><description>&lt;p&gt;La police.&lt;/p&gt;</description></item>', size - 40)}</channel></rss>`,
  },
  {
    name: 'combining-marks',
    attacks: 'normalization (NFC/NFD reordering) of long runs of combining marks',
    make: (size) => `Zalgo a${fill('\u0301\u0316\u0327\u0351', size - 10)} b.`,
  },
  {
    name: 'mojibake-lookalike',
    attacks: 'the mojibake repair scan',
    make: (size) => fill('Ã©Ã¢â€™Ã', size),
  },
  {
    name: 'escape-sequences',
    attacks: 'control-character and terminal-escape removal',
    make: (size) => `Titre\n${fill('\u001b[1;31mrouge\u001b[0m ', size - 6)}`,
  },
  {
    name: 'many-short-words',
    attacks: 'per-token work: one-letter words',
    make: (size) => fill('a b c d e f ', size),
  },
];

export type { AdversarialClass };
export { ADVERSARIAL_CLASSES, fill };
