import type { TestProject } from 'vitest/node';
import {
  bootstrapLocal,
  deployLocal,
  destroyLocal,
  type StackOutputs,
} from '../../scripts/lib/cdkLocal.ts';
import { ensureUp, stop } from '../../scripts/localstack/lib.mjs';
import { survivorsOfDestroy } from './verifyTeardown.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    deployment: { stackName: string; outputs: StackOutputs };
  }
}

/*
 * Brings LocalStack up (installing it on first use), deploys the real CDK app
 * as a stack of its own for this run, and tears both down afterwards unless
 * DISABLE_TEARDOWN is set (handy for poking at a failed run).
 */
export default async function setup(project: TestProject) {
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  const started = Date.now();
  const localstack = await ensureUp();
  log(`LocalStack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const stackName = `DocIngestE2e${Date.now().toString(36)}`;
  let outputs: StackOutputs | undefined;
  try {
    await bootstrapLocal();
    const deployStarted = Date.now();
    outputs = await deployLocal(stackName);
    log(`deployed ${stackName} in ${((Date.now() - deployStarted) / 1000).toFixed(1)} s`);
    project.provide('deployment', { stackName, outputs });
  } catch (error) {
    // Vitest runs no teardown when setup throws: do not leave a LocalStack behind.
    if (!localstack.alreadyRunning) await stop();
    throw error;
  }

  return async () => {
    if (process.env.DISABLE_TEARDOWN) {
      log(`DISABLE_TEARDOWN: leaving ${stackName} and LocalStack running`);
      return;
    }
    // The teardown path is itself under test: a stack deployed with
    // removalPolicy=destroy must go away with its table and buckets.
    let problem: string | undefined;
    try {
      await destroyLocal(stackName);
      const survivors = outputs === undefined ? [] : await survivorsOfDestroy(outputs);
      if (survivors.length > 0) problem = `cdk destroy left ${survivors.join(', ')}`;
      else log(`destroyed ${stackName}: table and buckets removed`);
    } catch (error) {
      problem = `cdk destroy of ${stackName} failed: ${String(error)}`;
    }
    if (!localstack.alreadyRunning) await stop();
    if (problem !== undefined) throw new Error(problem);
  };
}
