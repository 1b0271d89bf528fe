import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createScratchProject,
  installInto,
  packWorkspace,
  REPO_ROOT,
  runNode,
} from '../helpers/scratchProject.ts';

// What a platform team does: install the packed construct (and the contract
// it depends on) into a CDK app of its own, outside this workspace, with
// aws-cdk-lib and constructs from the registry, and synthesize with plain
// `node`: one stack with the default props, one ingesting from a bucket it
// already has.
const APP = `
import { App, Stack } from 'aws-cdk-lib';
import { DocumentIngestionPipeline, pipelinePropsFromSettings } from '@doc-ingest/cdk';

const app = new App({ outdir: 'cdk.out' });
const env = { account: '123456789012', region: 'eu-west-1' };
new DocumentIngestionPipeline(new Stack(app, 'Defaults', { env }), 'Pipeline');
new DocumentIngestionPipeline(
  new Stack(app, 'ExistingBucket', { env }),
  'Pipeline',
  pipelinePropsFromSettings({ existingBucketName: 'team-uploads', removalPolicy: 'DESTROY' }),
);
app.synth();
`;

/** The version of a package this repository is built and tested with. */
const workspaceVersion = (name: string): string =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

type Resource = { Type: string; Properties?: Record<string, unknown> };
type CfnTemplate = { Resources: Record<string, Resource> };

describe('Package: @doc-ingest/cdk from its npm pack tarball', () => {
  const project = createScratchProject('cdk-app');
  const tarballDir = createScratchProject('cdk-tarballs');
  let tarballFiles: string[] = [];
  const templates: Record<string, CfnTemplate> = {};
  const outDir = join(project.dir, 'cdk.out');

  const resourcesOf = (stack: string, type: string): Resource[] =>
    Object.values(templates[stack]?.Resources ?? {}).filter((r) => r.Type === type);

  /** Every function the package ships pre-bundled. */
  const FUNCTIONS = ['ingest', 'publish-events', 'backfill-batch', 'reclassify-segment'];

  /** The pipeline's own functions (Powertools-configured), not CDK's custom-resource handlers. */
  const pipelineFunctions = (stack: string): Resource[] =>
    resourcesOf(stack, 'AWS::Lambda::Function').filter((fn) => {
      const environment = fn.Properties?.Environment as
        | { Variables?: Record<string, unknown> }
        | undefined;
      return environment?.Variables?.POWERTOOLS_SERVICE_NAME !== undefined;
    });

  beforeAll(() => {
    // Packing runs each package's prepack build (tsc, JSON Schemas, esbuild bundles).
    const contracts = packWorkspace('packages/contracts', tarballDir.dir);
    const cdkDir = join(tarballDir.dir, 'cdk');
    execFileSync('mkdir', ['-p', cdkDir]);
    const cdk = packWorkspace('packages/cdk', cdkDir);
    tarballFiles = execFileSync('tar', ['-tzf', cdk], { encoding: 'utf8' }).split('\n');
    installInto(project.dir, [
      contracts,
      cdk,
      `aws-cdk-lib@${workspaceVersion('aws-cdk-lib')}`,
      `constructs@${workspaceVersion('constructs')}`,
    ]);
    writeFileSync(join(project.dir, 'app.mjs'), APP);
    runNode(project.dir, 'app.mjs');
    for (const stack of ['Defaults', 'ExistingBucket']) {
      templates[stack] = JSON.parse(
        readFileSync(join(outDir, `${stack}.template.json`), 'utf8'),
      ) as CfnTemplate;
    }
  }, 300_000);

  afterAll(() => {
    project.remove();
    tarballDir.remove();
  });

  it('ships built JavaScript, declarations and every function pre-bundled, no TypeScript sources', () => {
    // Assess
    expect(tarballFiles).toContain('package/dist/index.js');
    expect(tarballFiles).toContain('package/dist/index.d.ts');
    expect(tarballFiles).toContain('package/dist/DocumentIngestionPipeline.d.ts');
    for (const name of FUNCTIONS) {
      expect(tarballFiles).toContain(`package/dist/lambda/${name}/index.mjs`);
    }
    // The functions' bundles carry no taxonomy: the built-in one ships as a file.
    expect(tarballFiles).toContain('package/dist/taxonomies/crime-and-security.json');
    // What BundledFunction aliases node:http to when it bundles a function from source.
    expect(tarballFiles).toContain('package/bundling/nodeHttp.cjs');
    expect(tarballFiles.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual(
      [],
    );
  });

  it('deploys the pre-bundled code of the installed package as the function assets', () => {
    // Prepare
    const installed = join(project.dir, 'node_modules', '@doc-ingest', 'cdk', 'dist', 'lambda');
    const shipped = FUNCTIONS.map((name) =>
      readFileSync(join(installed, name, 'index.mjs'), 'utf8'),
    );

    // Act
    const deployed = pipelineFunctions('Defaults').map((fn) => {
      const code = fn.Properties?.Code as { S3Key: string };
      const assetDir = `asset.${code.S3Key.replace(/\.zip$/, '')}`;
      return readFileSync(join(outDir, assetDir, 'index.mjs'), 'utf8');
    });

    // Assess
    expect(pipelineFunctions('Defaults').map((fn) => fn.Properties?.Handler)).toEqual(
      FUNCTIONS.map(() => 'index.handler'),
    );
    expect(deployed).toHaveLength(FUNCTIONS.length);
    expect(deployed.sort()).toEqual(shipped.sort());
  });

  it('bundles as BundledFunction does: ESM with require defined, the AWS SDK inside', () => {
    // Prepare
    const installed = join(project.dir, 'node_modules', '@doc-ingest', 'cdk', 'dist', 'lambda');

    // Act
    const bundles = FUNCTIONS.map((name) =>
      readFileSync(join(installed, name, 'index.mjs'), 'utf8'),
    );

    // Assess: booleans, not toMatch, so a failure does not print a whole bundle.
    for (const code of bundles) {
      expect(
        code.startsWith("import { createRequire as __cdkCreateRequire } from 'node:module';"),
      ).toBe(true);
      expect(/export\s*\{[^}]*as handler/.test(code)).toBe(true);
      expect(/from\s*["']@aws-sdk\//.test(code)).toBe(false);
      expect(/import\(["']@aws-sdk\//.test(code)).toBe(false);
    }
  });

  it('synthesizes the whole pipeline with the default props', () => {
    // Assess
    // The document table and the near-duplicate index.
    expect(resourcesOf('Defaults', 'AWS::DynamoDB::Table')).toHaveLength(2);
    expect(resourcesOf('Defaults', 'AWS::SQS::Queue')).toHaveLength(3);
    expect(resourcesOf('Defaults', 'AWS::Events::EventBus')).toHaveLength(1);
    expect(resourcesOf('Defaults', 'AWS::Lambda::EventSourceMapping')).toHaveLength(2);
    expect(resourcesOf('Defaults', 'AWS::CloudWatch::Dashboard')).toHaveLength(1);
    expect(resourcesOf('Defaults', 'AWS::SNS::Topic')).toHaveLength(1);
    // Ingest bucket, its access-log bucket, the text bucket and the jobs' results bucket.
    expect(resourcesOf('Defaults', 'AWS::S3::Bucket')).toHaveLength(4);
    expect(resourcesOf('Defaults', 'AWS::StepFunctions::StateMachine')).toHaveLength(2);
    expect(resourcesOf('Defaults', 'Custom::S3BucketNotifications')).toHaveLength(1);
  });

  it('ingests from an existing bucket without creating one', () => {
    // Prepare
    const [notifications] = resourcesOf('ExistingBucket', 'Custom::S3BucketNotifications');

    // Assess
    expect(pipelineFunctions('ExistingBucket')).toHaveLength(FUNCTIONS.length);
    expect(resourcesOf('ExistingBucket', 'AWS::DynamoDB::Table')).toHaveLength(2);
    // Only the text bucket and its access-log bucket are created.
    expect(
      resourcesOf('ExistingBucket', 'AWS::S3::Bucket').map((b) => b.Properties?.BucketName),
    ).not.toContain('team-uploads');
    expect(notifications?.Properties?.BucketName).toBe('team-uploads');
  });

  it('reaches nothing in this repository at synth', () => {
    // Act
    const written = readdirSync(outDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => readFileSync(join(outDir, file), 'utf8'));

    // Assess
    expect(written.some((text) => text.includes(REPO_ROOT))).toBe(false);
  });
});
