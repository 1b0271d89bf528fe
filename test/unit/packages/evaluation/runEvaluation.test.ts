import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvaluationInputError, runEvaluation } from '@doc-ingest/evaluation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const TERROR = [
  'Attentat terroriste déjoué : un suspect arrêté par la DGSI',
  '',
  'Un homme soupçonné de préparer un attentat terroriste a été arrêté par la DGSI.',
  'Le parquet national antiterroriste a ouvert une enquête pour association de malfaiteurs terroriste.',
].join('\n');

const WEATHER = [
  'Météo : un week-end ensoleillé sur la Bretagne',
  '',
  'Le soleil sera au rendez-vous samedi et dimanche sur toute la région, avec des températures douces.',
].join('\n');

describe('Function: runEvaluation', () => {
  let dir: string;

  const write = (name: string, content: string | Uint8Array) =>
    writeFileSync(join(dir, name), content);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-run-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores labelled files and warns about unlabelled and missing ones', async () => {
    // Prepare
    write('fr_01_attentat.txt', TERROR);
    write('fr_02_meteo.txt', WEATHER);
    write('fr_03_extra.txt', WEATHER);
    write(
      'labels.json',
      JSON.stringify({
        'fr_01_attentat.txt': { topics: ['terrorism'] },
        'fr_02_meteo.txt': { topics: [] },
        'fr_04_absent.txt': { topics: ['firearms'] },
      }),
    );

    // Act
    const report = await runEvaluation({ dir });

    // Assess
    expect(report.documents.map((doc) => doc.name)).toEqual([
      'fr_01_attentat.txt',
      'fr_02_meteo.txt',
    ]);
    expect(report.topics?.perTopic.terrorism).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.topics?.noTopic).toEqual({ documents: 1, withPrediction: 0, rate: 0 });
    expect(Object.keys(report.byLanguage)).toEqual(['fr']);
    expect(report.documents[0]?.expectedLanguage).toBe('fr');
    expect(report.documents[0]?.scores.terrorism).toBeGreaterThan(0.5);
    expect(report.warnings).toEqual([
      'fr_03_extra.txt: present but unlabelled',
      'fr_04_absent.txt: labelled but missing',
    ]);
    expect(report.pairs).toBeUndefined();
  });

  it('re-thresholds the predictions with the threshold option', async () => {
    // Prepare
    write('fr_01_attentat.txt', TERROR);
    write('labels.json', JSON.stringify({ 'fr_01_attentat.txt': { topics: ['terrorism'] } }));

    // Act
    const report = await runEvaluation({ dir, threshold: 1 });

    // Assess
    expect(report.threshold).toBe(1);
    expect(report.documents[0]?.predicted).toEqual([]);
    expect(report.topics?.perTopic.terrorism).toMatchObject({ tp: 0, fn: 1 });
  });

  it('counts a rejected labelled file as predicting nothing', async () => {
    // Prepare
    write('empty.txt', '');
    write('labels.json', JSON.stringify({ 'empty.txt': { topics: ['cybercrime'] } }));

    // Act
    const report = await runEvaluation({ dir });

    // Assess
    expect(report.documents[0]).toMatchObject({ predicted: [], rejection: 'empty' });
    expect(report.topics?.perTopic.cybercrime?.fn).toBe(1);
    expect(report.warnings).toEqual(['empty.txt: rejected (empty)']);
  });

  it('runs on a folder with only pairs.json', async () => {
    // Prepare
    write('a.txt', WEATHER);
    write('b.txt', WEATHER.replaceAll('\n', '\r\n'));
    write('c.txt', TERROR);
    write(
      'pairs.json',
      JSON.stringify([
        { a: 'a.txt', b: 'b.txt', kind: 'exact-after-normalization' },
        { a: 'a.txt', b: 'c.txt', kind: 'distinct' },
      ]),
    );

    // Act
    const report = await runEvaluation({ dir });

    // Assess
    expect(report.topics).toBeUndefined();
    expect(report.pairs?.exact).toEqual({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(report.warnings).toEqual([]);
  });

  it('judges pairs with the given pair judge', async () => {
    // Prepare
    write('a.txt', WEATHER);
    write('b.txt', `${WEATHER} Bonne fin de semaine.`);
    write('pairs.json', JSON.stringify([{ a: 'a.txt', b: 'b.txt', kind: 'near-duplicate' }]));

    // Act
    const report = await runEvaluation({ dir, pairJudge: () => 'near-duplicate' });

    // Assess
    expect(report.pairs?.judge).toBe('custom');
    expect(report.pairs?.duplicate).toMatchObject({ tp: 1, fn: 0 });
  });

  it('refuses a folder with neither labels nor pairs', async () => {
    // Prepare
    write('a.txt', WEATHER);

    // Act
    const run = runEvaluation({ dir });

    // Assess
    await expect(run).rejects.toThrow(EvaluationInputError);
    await expect(run).rejects.toThrow('has neither labels.json nor pairs.json');
  });

  it('refuses a folder that does not exist', async () => {
    // Act
    const run = runEvaluation({ dir: join(dir, 'nowhere') });

    // Assess
    await expect(run).rejects.toThrow(EvaluationInputError);
  });
});
