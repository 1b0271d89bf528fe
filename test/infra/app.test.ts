import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * infra/bin/app.ts run as `cdk synth` runs it: a child process with the
 * context in CDK_CONTEXT_JSON and the output folder in CDK_OUTDIR. Bundling
 * is skipped: these tests are about reading the settings.
 */
const APP = new URL('../../infra/bin/app.ts', import.meta.url).pathname;

const synth = (context: Record<string, unknown>) => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-app-'));
  const result = spawnSync(
    process.execPath,
    ['--conditions=doc-ingest-source', '--import', 'tsx', APP],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({
          'aws:cdk:bundling-stacks': [],
          'doc-ingest:stackName': 'AppTest',
          ...context,
        }),
      },
    },
  );
  const template = () =>
    JSON.parse(readFileSync(join(outdir, 'AppTest.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
    };
  return { ...result, template };
};

describe('App: infra/bin/app.ts', () => {
  it('subscribes doc-ingest:alarmEmail to the alarm topic', { timeout: 120_000 }, () => {
    // Act
    const { status, stderr, template } = synth({ 'doc-ingest:alarmEmail': 'ops@example.org' });

    // Assess
    expect(stderr).not.toMatch(/Error/);
    expect(status).toBe(0);
    const subscriptions = Object.values(template().Resources).filter(
      (resource) => resource.Type === 'AWS::SNS::Subscription',
    );
    expect(subscriptions.map((s) => s.Properties)).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@example.org' }),
    ]);
  });

  it('refuses a malformed doc-ingest:alarmTopicArn before synthesizing', {
    timeout: 120_000,
  }, () => {
    // Act
    const { status, stderr } = synth({ 'doc-ingest:alarmTopicArn': 'ops-alarms' });

    // Assess
    expect(status).not.toBe(0);
    expect(stderr).toContain('doc-ingest:alarmTopicArn: an SNS topic ARN (got "ops-alarms")');
  });
});
