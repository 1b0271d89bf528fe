import { describe, expect, it } from 'vitest';
import { detectMarkup } from '../../../../../packages/core/src/decode/detectMarkup.ts';

describe('Function: detectMarkup', () => {
  it.each([
    ['<!DOCTYPE html>\n<html><body>x</body></html>', 'html'],
    ['  \n<!doctype HTML><p>x', 'html'],
    ['<html lang="fr">\n<head>', 'html'],
    ['<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 'html'],
    ['<!-- saved from url=(0032)https://x.test/ -->\n<HTML>', 'html'],
    ['<body>\n<p>x</p>', 'html'],
    ['{"title": "x", "body": "y"}', 'json'],
    ['\n[{"a": 1}, 2]\n', 'json'],
  ])('recognises %j', (text, kind) => {
    // Act
    const result = detectMarkup(text);

    // Assess
    expect(result).toBe(kind);
  });

  it.each([
    'La balise <html> ouvre une page.',
    '<htmlish> n’est pas une balise HTML',
    '{ici} une accolade, pas du JSON}',
    '[1] Référence citée.',
    '{"title": "cut',
    '"une chaîne JSON seule"',
    '42',
    '',
  ])('takes %j for prose', (text) => {
    // Act
    const result = detectMarkup(text);

    // Assess
    expect(result).toBeUndefined();
  });
});
