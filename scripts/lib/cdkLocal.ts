import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { localAwsEnv } from './localAws.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CDKLOCAL = join(ROOT, 'node_modules', '.bin', 'cdklocal');
const OUTPUTS_DIR = join(ROOT, '.localstack', 'outputs');

/** The stack outputs the pipeline publishes (see infra/stacks/IngestPipelineStack.ts). */
interface StackOutputs {
  BucketName: string;
  TableName: string;
  /** The near-duplicate index table (schema 1.4+). */
  NearIndexTableName: string;
  TableStreamArn: string;
  QueueUrl: string;
  DeadLetterQueueUrl: string;
  StreamFailureQueueUrl: string;
  EventBusName: string;
  TextBucketName: string;
}

class CdkLocalError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CdkLocalError';
  }
}

interface RunOptions {
  /** Called with each chunk cdklocal prints; default: discard. */
  onOutput?: (chunk: string) => void;
}

const runCdkLocal = (args: string[], options: RunOptions = {}): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(CDKLOCAL, args, {
      cwd: ROOT,
      env: { ...process.env, ...localAwsEnv(), CDK_DISABLE_VERSION_CHECK: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else {
        const tail = output.split('\n').slice(-40).join('\n');
        reject(new CdkLocalError(`cdklocal ${args[0]} exited with ${code}:\n${tail}`));
      }
    });
  });

/*
 * Each call synthesizes into its own folder: the CLI locks its output folder,
 * so two runs in one checkout (npm start while tests run) would otherwise clash.
 */
const outputDir = (name: string): string => join('cdk.out', 'local', `${name}-${process.pid}`);

/** Runs cdklocal with `--output` set to a fresh folder, removed afterwards. */
const runInOwnOutput = async (
  name: string,
  args: string[],
  options?: RunOptions,
): Promise<string> => {
  const dir = outputDir(name);
  try {
    return await runCdkLocal([...args, '--output', dir], options);
  } finally {
    rmSync(join(ROOT, dir), { recursive: true, force: true });
  }
};

/** Bootstraps the LocalStack account once; cdklocal skips work already done. */
const bootstrapLocal = (options?: RunOptions): Promise<string> =>
  runInOwnOutput('bootstrap', ['bootstrap'], options);

/**
 * Deploys the real CDK app (the same one `cdk deploy` sends to AWS) to
 * LocalStack under `stackName`, with stateful resources destroyable, and
 * returns its outputs.
 */
const deployLocal = async (stackName: string, options?: RunOptions): Promise<StackOutputs> => {
  mkdirSync(OUTPUTS_DIR, { recursive: true });
  const outputsFile = join(OUTPUTS_DIR, `${stackName}.json`);
  const deploy = async () => {
    const printed = await runInOwnOutput(
      stackName,
      [
        'deploy',
        stackName,
        '--require-approval',
        'never',
        '--context',
        `doc-ingest:stackName=${stackName}`,
        '--context',
        'doc-ingest:removalPolicy=destroy',
        // LocalStack's Step Functions has no ItemBatcher and runs only Standard
        // children of a Distributed Map (docs/SCALE.md).
        '--context',
        'doc-ingest:backfillBatchSize=1',
        '--context',
        'doc-ingest:backfillChildWorkflows=standard',
        '--outputs-file',
        outputsFile,
        '--progress',
        'events',
      ],
      options,
    );
    const all = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, StackOutputs>;
    return { outputs: all[stackName], printed };
  };
  let result = await deploy();
  // Seen once in about twenty runs: the deploy of a new stack to LocalStack
  // succeeded but the CLI wrote no outputs for it (cause not found; the
  // stack's custom resources had run). A second deploy changes nothing and
  // reads the outputs of the stack as it stands.
  if (result.outputs === undefined) result = await deploy();
  if (result.outputs === undefined) {
    const tail = result.printed.split('\n').slice(-40).join('\n');
    throw new CdkLocalError(`no outputs for ${stackName} after two deploys:\n${tail}`);
  }
  return result.outputs;
};

const destroyLocal = (stackName: string, options?: RunOptions): Promise<string> =>
  runInOwnOutput(
    stackName,
    [
      'destroy',
      stackName,
      '--force',
      '--context',
      `doc-ingest:stackName=${stackName}`,
      '--context',
      'doc-ingest:removalPolicy=destroy',
      '--context',
      'doc-ingest:backfillBatchSize=1',
      '--context',
      'doc-ingest:backfillChildWorkflows=standard',
    ],
    options,
  );

export type { RunOptions, StackOutputs };
export { bootstrapLocal, CdkLocalError, deployLocal, destroyLocal, ROOT };
