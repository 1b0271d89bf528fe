import { describe, expect, it } from 'vitest';
import {
  BOILERPLATE_PATTERNS,
  BoilerplateScope,
} from '../../../../../packages/core/src/normalize/boilerplatePatterns.ts';

const matching = (line: string): string[] =>
  BOILERPLATE_PATTERNS.filter((entry) => entry.pattern.test(line)).map((entry) => entry.id);

describe('Constant: BOILERPLATE_PATTERNS', () => {
  it('has unique ids, known scopes and anchored case-insensitive patterns', () => {
    // Prepare
    const scopes: string[] = Object.values(BoilerplateScope);

    // Act
    const ids = BOILERPLATE_PATTERNS.map((entry) => entry.id);

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of BOILERPLATE_PATTERNS) {
      expect(scopes).toContain(entry.scope);
      expect(entry.pattern.source.startsWith('^(?:')).toBe(true);
      expect(entry.pattern.source.endsWith('$')).toBe(true);
      expect(entry.pattern.flags).toContain('i');
    }
  });

  it.each([
    ['NOUVELLES CONNEXES', 'related-fr'],
    ['À lire aussi :', 'related-fr'],
    ['Sur le même sujet', 'related-fr'],
    ['Suivre l’actualité : précédents articles sur le sujet', 'related-fr'],
    ['Related articles', 'related-en'],
    ['You may also like', 'related-en'],
    ['Noticias relacionadas', 'related-es'],
    ['También te puede interesar', 'related-es'],
    ['Dernier', 'latest'],
    ['Most read', 'latest'],
    ['Últimas noticias', 'latest'],
    ['Commentaires', 'comments'],
    ['12 comments', 'comments'],
    ['Deja tu comentario', 'comments'],
    [
      'Recevez des mises à jour quotidiennes directement dans votre boîte mail - Inscrivez-vous ici.',
      'newsletter-fr',
    ],
    ['Sign up for our daily newsletter', 'newsletter-en'],
    ['Suscríbete a nuestro boletín', 'newsletter-es'],
    ['Téléchargez l’application Info Monde pour vos appareils iOS ou Android.', 'app-fr'],
    ['Download the News Daily app for iPhone and Android', 'app-en'],
    ['Descarga la app de Noticias', 'app-es'],
    ['ALIMENTÉ PARUNCMS- UN PRODUIT DENEKO', 'powered-by-fr'],
    ['Propulsé par WordPress', 'powered-by-fr'],
    ['Powered by WordPress.com', 'powered-by-en'],
    ['Desarrollado por Acme Medios', 'powered-by-es'],
    ['Un produit de Acme', 'product-of'],
    ['Journal Nghe An en vedette', 'featured'],
    ['Partager sur Facebook', 'share-follow'],
    ['Follow us on Instagram', 'share-follow'],
    ['Síguenos en X', 'share-follow'],
    ['Selon Vietnamplus', 'attribution'],
    ['Source : AFP', 'attribution'],
    ['© 2024 Exemple Médias', 'copyright'],
    ['Mots-clés : Interpol, ONU', 'tags'],
    ['Publicité', 'advertisement'],
    ['ADVERTISEMENT', 'advertisement'],
    ['Lire la suite', 'share-inline'],
  ])('matches %j as %s', (line, id) => {
    // Act
    const ids = matching(line);

    // Assess
    expect(ids).toContain(id);
  });

  it.each([
    'Les commentaires de la ministre ont été publiés mardi.',
    'Selon lui, les criminels utilisent des moyens technologiques avancés.',
    'Selon Interpol, les saisies ont doublé.',
    'Alimenté par la corruption, le trafic a prospéré.',
    'Recevez-vous des menaces ? Appelez le 17.',
    'Les réseaux partagent des informations sur Facebook et Twitter.',
    'Le Vietnam participe à la 86e Assemblée générale d’Interpol',
    'Deux.',
    'Xi Jinping a prononcé un discours.',
    '• Réduire les marchés illicites;',
    'Interpol a publié un rapport sur la publicité en ligne frauduleuse.',
    'Source de tensions, la frontière reste fermée aux camions de marchandises.',
  ])('matches no pattern on the body line %j', (line) => {
    // Act
    const ids = matching(line);

    // Assess
    expect(ids).toEqual([]);
  });
});
