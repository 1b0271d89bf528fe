import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { localAwsEnv } from '../../scripts/lib/localAws.ts';

const BIN = new URL('../../packages/cli/bin/ingest.mjs', import.meta.url).pathname;
const run = promisify(execFile);

/**
 * Runs the real `ingest` binary against LocalStack, as an operator would, and
 * returns its exit code and output whether it succeeded or not.
 */
const runIngestBinary = async (
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...localAwsEnv() },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

export { runIngestBinary };
