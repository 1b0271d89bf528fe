import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BundledFunction } from '@doc-ingest/cdk';
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, createConstructStack, TEST_ENV } from './testApp.ts';

const PROBE_ENTRY = fileURLToPath(new URL('./fixtures/probe-handler.ts', import.meta.url));

describe('Construct: BundledFunction', () => {
  let template: Template;
  let bundleDir: string;

  beforeAll(() => {
    // Prepare: the only test that runs esbuild, on a small probe handler.
    const app = createApp({ bundle: true });
    const stack = new Stack(app, 'BundleProbe', { env: TEST_ENV });
    new BundledFunction(stack, 'Probe', {
      entry: PROBE_ENTRY,
      serviceName: 'probe',
      memorySize: 512,
      timeout: Duration.seconds(10),
    });

    // Act
    const assembly = app.synth();
    template = Template.fromStack(stack);
    const assetDirs = readdirSync(assembly.directory).filter((name) =>
      existsSync(join(assembly.directory, name, 'index.mjs')),
    );
    expect(assetDirs).toHaveLength(1);
    bundleDir = join(assembly.directory, assetDirs[0] as string);
  }, 120_000);

  it('emits a minified ESM bundle that defines require via createRequire', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(
      code.startsWith("import { createRequire as __cdkCreateRequire } from 'node:module';"),
    ).toBe(true);
    expect(code).toContain('const require = __cdkCreateRequire(import.meta.url);');
    expect(/export\s*\{[^}]*as handler/.test(code)).toBe(true);
    // Minified: no indentation-driven line structure, few lines per KB.
    expect(code.split('\n').length).toBeLessThan(code.length / 5_000);
  });

  it('bundles the AWS SDK v3 instead of importing it from the runtime', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    // Booleans, not toMatch: a failure message would print the whole bundle.
    expect(/from\s*["']@aws-sdk\//.test(code)).toBe(false);
    expect(/import\(["']@aws-sdk\//.test(code)).toBe(false);
    expect(code.includes('AWSEvents')).toBe(true);
  });

  it('resolves packages to their ES modules and imports node:http without its ES module facade', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    const map = JSON.parse(readFileSync(join(bundleDir, 'index.mjs.map'), 'utf8'));
    // The `module` condition: @smithy/core's ES modules, not its CommonJS build.
    expect(map.sources.some((s: string) => s.includes('@smithy/core/dist-es/'))).toBe(true);
    expect(map.sources.some((s: string) => s.includes('@smithy/core/dist-cjs/'))).toBe(false);
    // The SDK's `node:http` imports go through the CommonJS shim.
    expect(/from\s*["'](node:)?http["']/.test(code)).toBe(false);
    expect(code.includes('getBuiltinModule("node:http")')).toBe(true);
  });

  it('writes an external source map without sources content', () => {
    const map = JSON.parse(readFileSync(join(bundleDir, 'index.mjs.map'), 'utf8'));
    expect(map.sources.some((s: string) => s.endsWith('probe-handler.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
  });

  it('configures runtime, architecture, role and log group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: 10,
    });
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
          },
        ],
      },
    });
  });
});

describe('Construct: BundledFunction (validation)', () => {
  it.each([
    [{ memorySize: 100 }, /memorySize/],
    [{ memorySize: 20_000 }, /memorySize/],
    [{ timeout: Duration.minutes(20) }, /timeout/],
    [{ logLevel: 'LOUD' }, /logLevel/],
  ])('throws on %o', (props, message) => {
    const stack = createConstructStack();
    expect(
      () => new BundledFunction(stack, 'Bad', { entry: PROBE_ENTRY, serviceName: 'x', ...props }),
    ).toThrow(message);
  });
});
