import { describe, expect, it } from 'vitest';
import { BoilerplateScope } from '../../../../../packages/core/src/normalize/boilerplatePatterns.ts';
import { normalizeText } from '../../../../../packages/core/src/normalize/normalizeText.ts';

const NBSP = '\u00a0';

const textOf = (input: string, options = {}): string => {
  const result = normalizeText(input, options);
  if (!result.ok) throw new Error(`rejected: ${result.rejection.reason}`);
  return result.value.text;
};

describe('Function: normalizeText', () => {
  describe('layout', () => {
    it('normalizes spaces, lines and paragraphs', () => {
      // Prepare
      const input = [
        `  Le Bénin signe l’accord de Lomé${NBSP}  `,
        '',
        NBSP,
        '',
        `Le ministre a salué «${NBSP}une étape\u202Fdécisive${NBSP}»\t, selon\u2003l’AFP.   `,
        `   • Lutte contre la fraude${NBSP};`,
        '\t• Échange d’informations.',
        '',
        '',
        '',
        'Fin.',
        '',
      ].join('\r\n');

      // Act
      const result = normalizeText(input);

      // Assess
      expect(result).toEqual({
        ok: true,
        value: {
          text: [
            'Le Bénin signe l’accord de Lomé',
            '',
            'Le ministre a salué « une étape décisive » , selon l’AFP.',
            '• Lutte contre la fraude ;',
            '• Échange d’informations.',
            '',
            'Fin.',
          ].join('\n'),
          title: 'Le Bénin signe l’accord de Lomé',
          body: [
            'Le ministre a salué « une étape décisive » , selon l’AFP.',
            '• Lutte contre la fraude ;',
            '• Échange d’informations.',
            '',
            'Fin.',
          ].join('\n'),
          notes: [],
        },
      });
    });

    it.each([
      ['CRLF', 'Titre\r\n\r\nUn.\r\nDeux.'],
      ['lone CR', 'Titre\r\rUn.\rDeux.'],
      ['LF', 'Titre\n\nUn.\nDeux.'],
      ['Unicode separators', 'Titre\u2029Un.\u2028Deux.'],
      ['NEL', 'Titre\u0085\u0085Un.\u0085Deux.'],
    ])('turns %s into LF', (_, input) => {
      // Act
      const text = textOf(input);

      // Assess
      expect(text).toBe('Titre\n\nUn.\nDeux.');
    });

    it('composes NFD into NFC', () => {
      // Prepare
      const input = 'Sécurité à Hà Nội'.normalize('NFD');

      // Act
      const text = textOf(input);

      // Assess
      expect(text).toBe('Sécurité à Hà Nội'.normalize('NFC'));
      expect(text.length).toBeLessThan(input.length);
    });

    it('keeps a single-line document', () => {
      // Act
      const result = normalizeText('  Un seul paragraphe.  ');

      // Assess
      expect(result).toEqual({
        ok: true,
        value: { text: 'Un seul paragraphe.', title: 'Un seul paragraphe.', body: '', notes: [] },
      });
    });

    it.each([
      ['empty', ''],
      ['spaces and line breaks', ` \t\r\n\r${NBSP}\u2003\u3000  \n\t\n`],
      ['boilerplate only', 'Publicité\n\nAdvertisement'],
    ])('rejects %s as empty-after-normalization', (_, input) => {
      // Act
      const result = normalizeText(input);

      // Assess
      expect(result.ok || result.rejection.reason).toBe('empty-after-normalization');
    });

    it('normalizes a 300 KB single line', () => {
      // Prepare
      const sentence = `Le Sénégal a battu l’Ouganda${NBSP}:  « match très physique${NBSP}». `;
      const input = sentence.repeat(Math.ceil(300_000 / sentence.length));

      // Act
      const text = textOf(input);

      // Assess
      expect(text).not.toContain('\n');
      expect(text).not.toMatch(/ {2}|\u00a0/);
      expect(text.startsWith('Le Sénégal a battu l’Ouganda : « match très physique ». Le')).toBe(
        true,
      );
    });
  });

  describe('boilerplate', () => {
    const BODY = [
      'Sécurité : l’ONU plaide pour une coopération renforcée',
      '',
      '12 mars 2023',
      '',
      'Le Secrétaire général a appelé mardi les États membres à mieux partager les informations sur les réseaux criminels transnationaux, lors d’une réunion à Genève.',
      '',
      '« Aucun pays ne peut faire face seul à ces menaces », a-t-il déclaré devant les délégués, avant de présenter un plan d’action en cinq points.',
      '',
      'Le plan prévoit notamment la création d’un centre d’analyse commun et des formations pour les enquêteurs des pays les moins équipés.',
    ];

    it.each([
      [
        'a UN-style newsletter, app and related-articles tail',
        [
          '',
          NBSP,
          '',
          '♦ Recevez nos actualités chaque matin dans votre boîte mail - Inscrivez-vous ici.',
          '♦ Téléchargez l’application ONU Info pour iOS ou Android.',
          '',
          'Suivre l’actualité : précédents articles sur le sujet',
          '',
          'Drogue : un rapport alarmant sur les nouvelles routes du trafic',
          '',
          'Le rapport annuel publié jeudi décrit l’essor des routes maritimes utilisées par les trafiquants.',
        ],
        5,
      ],
      [
        'a Vietnamese-portal tail with a repeated title and a CMS credit',
        [
          '',
          'Selon VNA',
          '',
          'NOUVELLES CONNEXES',
          '',
          'Journal Hanoi Matin en vedette',
          '',
          'Dernier',
          '',
          'Sécurité : l’ONU plaide pour une coopération renforcée',
          'ALIMENTÉ PARMONCMS- UN PRODUIT DEACME',
        ],
        6,
      ],
      ['a comments heading', ['', 'Commentaires'], 1],
      [
        'an English tail',
        [
          '',
          'Related news',
          '',
          'Police seize 2 tonnes of cocaine',
          '',
          'Share this article',
          '',
          'Powered by WordPress',
        ],
        4,
      ],
      [
        'a Spanish tail',
        [
          '',
          'Noticias relacionadas',
          '',
          'La policía desarticula una red de tráfico',
          '',
          'Síguenos en Twitter',
        ],
        3,
      ],
      ['a copyright line', ['', '© 2023 Agence Exemple. Tous droits réservés.'], 1],
    ])('removes %s', (_, tail, removed) => {
      // Act
      const result = normalizeText([...BODY, ...tail].join('\n'));

      // Assess
      expect(result).toEqual({
        ok: true,
        value: expect.objectContaining({
          text: BODY.join('\n'),
          notes: [`boilerplate-removed:${removed}`],
        }),
      });
    });

    it('removes a title repeated right below itself', () => {
      // Prepare
      const input = [BODY[0], '', BODY[0], ...BODY.slice(1)].join('\n');

      // Act
      const result = normalizeText(input);

      // Assess
      expect(result.ok && result.value).toMatchObject({
        text: BODY.join('\n'),
        notes: ['boilerplate-removed:1'],
      });
    });

    it('removes never-content lines in the body', () => {
      // Prepare
      const input = [...BODY.slice(0, 5), '', 'Publicité', '', ...BODY.slice(6)].join('\n');

      // Act
      const result = normalizeText(input);

      // Assess
      expect(result.ok && result.value.text).toBe(BODY.join('\n'));
    });

    it.each([
      'Les commentaires du ministre ont été publiés, selon la presse locale.',
      'Lire aussi le rapport complet publié par l’agence, qui détaille les saisies.',
      'Selon Interpol, les saisies ont doublé en un an dans la région.',
      'Recevez-vous des menaces ? Le ministère a ouvert une ligne pour les victimes.',
      'Alimenté par la corruption, le trafic a prospéré pendant des années dans le port.',
    ])('keeps the body sentence %j at the end', (sentence) => {
      // Prepare
      const input = [...BODY, '', sentence].join('\n');

      // Act
      const result = normalizeText(input);

      // Assess
      expect(result.ok && result.value).toMatchObject({ text: input, notes: [] });
    });

    it('keeps a marked block that is too large to be a tail', () => {
      // Prepare
      const input = [BODY[0], '', 'À lire aussi', '', ...BODY.slice(2)].join('\n');

      // Act
      const result = normalizeText(input);

      // Assess
      expect(result.ok && result.value.text).toBe(input);
    });

    it('keeps boilerplate when stripBoilerplate is false', () => {
      // Prepare
      const input = [...BODY, '', 'Commentaires'].join('\n');

      // Act
      const result = normalizeText(input, { stripBoilerplate: false });

      // Assess
      expect(result.ok && result.value).toMatchObject({ text: input, notes: [] });
    });

    it('applies extra patterns', () => {
      // Prepare
      const input = [...BODY, '', 'Le Journal du Port, votre quotidien'].join('\n');
      const extra = [
        {
          id: 'site-footer',
          scope: BoilerplateScope.TAIL_LINE,
          pattern: /^le journal du port, votre quotidien$/iu,
        },
      ];

      // Act
      const result = normalizeText(input, { extraBoilerplatePatterns: extra });

      // Assess
      expect(result.ok && result.value.text).toBe(BODY.join('\n'));
    });
  });
});
