import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BundledFunction,
  DocumentIngestionPipeline,
  PipelineSettingsError,
  pipelinePropsFromSettings,
} from '@doc-ingest/cdk';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestPipelineStack } from '../../infra/stacks/IngestPipelineStack.ts';
import { createApp, createConstructStack, logicalIdOf } from './testApp.ts';

const PROBE_ENTRY = fileURLToPath(new URL('./fixtures/probe-handler.ts', import.meta.url));

/** The app's entries: a plain stack cannot rely on the package having been built. */
const SOURCES = {
  ingest: { entry: PROBE_ENTRY },
  publishEvents: { entry: PROBE_ENTRY },
  backfillBatch: { entry: PROBE_ENTRY },
  reclassifySegment: { entry: PROBE_ENTRY },
};

describe('Construct: DocumentIngestionPipeline', () => {
  it('keeps the logical IDs of the stack it came from when its id is Default', () => {
    // Prepare
    const stack = createConstructStack();
    const pipeline = new DocumentIngestionPipeline(stack, 'Default', { functionSources: SOURCES });
    const appStack = new IngestPipelineStack(createApp(), 'App');

    // Act
    const ids = [pipeline.documentTable.table, pipeline.ingestQueue.queue].map(logicalIdOf);
    const appIds = [appStack.documentTable.table, appStack.ingestQueue.queue].map(logicalIdOf);

    // Assess
    expect(ids).toEqual(appIds);
    expect(ids[0]).toMatch(/^DocumentTable/);
  });

  it('refuses a bucket key without its bucket before creating anything', () => {
    // Prepare
    const stack = createConstructStack();

    // Act
    const create = () =>
      new DocumentIngestionPipeline(stack, 'Pipeline', {
        functionSources: SOURCES,
        existingBucketKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/abc',
      });

    // Assess
    expect(create).toThrow(/existingBucketKeyArn is the key of existingBucketName/);
    expect(stack.node.findChild('Pipeline').node.children).toEqual([]);
  });

  it('refuses overlapping suffixes before creating anything', () => {
    // Prepare
    const stack = createConstructStack();

    // Act
    const create = () =>
      new DocumentIngestionPipeline(stack, 'Pipeline', {
        functionSources: SOURCES,
        ingestSuffixes: ['.txt', 'notes.txt'],
      });

    // Assess
    expect(create).toThrow(/overlap/);
    expect(stack.node.findChild('Pipeline').node.children).toEqual([]);
  });
});

describe('Settings as construct props: pipelinePropsFromSettings', () => {
  it('maps the settings onto the props, converting strings as -c gives them', () => {
    // Act
    const props = pipelinePropsFromSettings({
      objectKeyPrefix: 'incoming/',
      objectKeySuffixes: '.txt,.html',
      removalPolicy: 'DESTROY',
      ingestTimeoutSeconds: '90',
      batchSize: 5,
    });

    // Assess
    expect(props.ingestPrefix).toBe('incoming/');
    expect(props.ingestSuffixes).toEqual(['.txt', '.html']);
    expect(props.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(props.ingestTimeout?.toSeconds()).toBe(Duration.seconds(90).toSeconds());
    expect(props.ingestBatchSize).toBe(5);
  });

  it('throws a PipelineSettingsError naming each wrong setting', () => {
    // Act
    const map = () =>
      pipelinePropsFromSettings({ batchSize: 11, bucketName: 'x' } as unknown as {
        batchSize: number;
      });

    // Assess
    expect(map).toThrow(PipelineSettingsError);
    expect(map).toThrow(/batchSize/);
    expect(map).toThrow(/bucketName/);
  });
});

describe('Construct: BundledFunction with a pre-built bundle', () => {
  const bundleDir = mkdtempSync(join(tmpdir(), 'doc-ingest-bundle-'));
  writeFileSync(join(bundleDir, 'index.mjs'), 'export const handler = async () => 1;\n');
  afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

  it('deploys the folder as is, with the index.mjs handler', () => {
    // Prepare
    const stack = createConstructStack();

    // Act
    new BundledFunction(stack, 'Prebuilt', { bundleDir, serviceName: 'probe' });

    // Assess
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
    });
  });

  it('takes exactly one of entry and bundleDir, and a bundleDir with a bundle in it', () => {
    // Prepare
    const stack = createConstructStack();
    const empty = mkdtempSync(join(tmpdir(), 'doc-ingest-empty-'));

    // Act
    const both = () =>
      new BundledFunction(stack, 'Both', { bundleDir, entry: PROBE_ENTRY, serviceName: 'probe' });
    const neither = () => new BundledFunction(stack, 'Neither', { serviceName: 'probe' });
    const noBundle = () =>
      new BundledFunction(stack, 'Empty', { bundleDir: empty, serviceName: 'probe' });

    // Assess
    expect(both).toThrow(/exactly one of entry/);
    expect(neither).toThrow(/exactly one of entry/);
    expect(noBundle).toThrow(/holds no index.mjs/);
    rmSync(empty, { recursive: true, force: true });
  });
});
