import { readFileSync } from 'node:fs';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import {
  IngestPipelineStack,
  type IngestPipelineStackProps,
} from '../../infra/stacks/IngestPipelineStack.ts';

/** The feature flags of cdk.json, so tests synthesize what `cdk synth` does. */
const CDK_CONTEXT = (
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

const TEST_ENV = { account: '123456789012', region: 'eu-west-1' };

/**
 * An App with the cdk.json context. Bundling is skipped (no esbuild run)
 * unless `bundle` is set: these tests check configuration, not bundles.
 */
function createApp(options: { bundle?: boolean } = {}): App {
  return new App({
    context: {
      ...CDK_CONTEXT,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
}

/** A fresh app holding one pipeline stack. */
function createPipelineStack(props: IngestPipelineStackProps = {}): {
  app: App;
  stack: IngestPipelineStack;
} {
  const app = createApp();
  const stack = new IngestPipelineStack(app, 'TestPipeline', {
    env: TEST_ENV,
    ...props,
  });
  return { app, stack };
}

/** Synthesizes a pipeline stack and returns its template. */
function synthPipeline(props: IngestPipelineStackProps = {}): Template {
  return Template.fromStack(createPipelineStack(props).stack);
}

/** Logical ID of an L2 construct's CloudFormation resource (or of an L1). */
function logicalIdOf(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}

/** A stack in an app with the cdk.json context, for construct tests. */
function createConstructStack(): Stack {
  return new Stack(createApp(), 'ConstructTest', { env: TEST_ENV });
}

export {
  CDK_CONTEXT,
  createApp,
  createConstructStack,
  createPipelineStack,
  logicalIdOf,
  synthPipeline,
  TEST_ENV,
};
