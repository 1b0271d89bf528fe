import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../../../helpers/samples.ts';

/*
 * The real `ingest` binary, spawned as a user runs it: on this Node (24), so
 * the tests do not depend on the machine's own `node`.
 */
const BIN = new URL('../../../../packages/cli/bin/ingest.mjs', import.meta.url).pathname;
const NODE = process.execPath;
const run = promisify(execFile);

/** Runs the binary; resolves with the exit code instead of rejecting on a non-zero one. */
const ingest = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(NODE, [BIN, ...args], { env: cleanEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

/** No stack from the developer's shell leaks into the tests. */
const cleanEnv = () => {
  const { DOC_INGEST_STACK_NAME: _ignored, ...env } = process.env;
  return env;
};

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

// ANSI escape sequences: ESC [ ... letter.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`);

describe('Binary: ingest', () => {
  it('prints its version and exits 0', async () => {
    // Act
    const { code, stdout } = await ingest('--version');

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+ \(record contract \d+\.\d+, taxonomy [\d.]+\)\n$/);
  });

  it('lists every command in --help and gives each its own help', async () => {
    // Act
    const top = await ingest('--help');
    const get = await ingest('get', '--help');

    // Assess
    expect(top.code).toBe(0);
    for (const command of ['process', 'get', 'where', 'backfill', 'redrive', 'reclassify']) {
      expect(top.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(top.stdout).toMatch(/Exit codes: 0 ok, 1 failed, 2 misuse/);
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/^Usage: ingest get \[options\] <contentHash>/);
    expect(get.stdout).toContain('--stack-name <name>');
    expect(get.stdout).not.toContain('--max-bytes');
  });

  it('suggests the command meant by a typo and exits 2', async () => {
    // Act
    const { code, stderr, stdout } = await ingest('procss', 'samples');

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'procss'");
    expect(stderr).toContain('(Did you mean process?)');
    expect(stdout).toBe('');
  });

  it.each([
    [['process', '--from', 'x', SAMPLES_DIR], "unknown option '--from'"],
    [['redrive', '--max-bytes', '5'], "unknown option '--max-bytes'"],
    [['process', '--output', 'csv', SAMPLES_DIR], "'csv' is invalid"],
  ])('refuses an option of another command or value: %j', async (args, message) => {
    // Act
    const { code, stderr } = await ingest(...args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('says so and exits 3 on an empty folder', async () => {
    // Prepare
    const empty = mkdtempSync(join(tmpdir(), 'ingest-empty-'));

    // Act
    const { code, stderr, stdout } = await ingest('process', empty);

    // Assess
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ingest: no files to process in ${empty} (hidden files and folders are skipped)\n`,
    );
  });

  it('writes no progress bar into a pipe, and ends stderr with the summary line', async () => {
    // Act
    const { code, stdout, stderr } = await ingest('process', SAMPLES_DIR);

    // Assess
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(18);
    expect(stderr).not.toMatch(ANSI);
    expect(stderr).toMatch(
      /^process: 18 files in \d+\.\d s \(\d+\.\d docs\/s\): 18 new, 0 duplicate, 0 near-duplicate, 0 rejected\n$/,
    );
  });

  it('stops quietly when the reader goes away (| head -1): no EPIPE trace, exit 0', () => {
    // Act: a shell pipeline, as a user types it; pipefail exposes ingest's exit code.
    const result = spawnSync(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        `${shellQuote(NODE)} ${shellQuote(BIN)} process ${shellQuote(SAMPLES_DIR)} ${shellQuote(SAMPLES_DIR)} | head -1`,
      ],
      { encoding: 'utf8', env: cleanEnv() },
    );

    // Assess
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'new' });
    expect(result.stderr).not.toMatch(/EPIPE|Error|at .*\.ts:\d+/);
    expect(result.stderr).toMatch(/^process: \d+ files in .*; stopped early: output closed\n$/);
  });

  it('stops at the next file on Ctrl-C: the summary says so, exit 130', async () => {
    // Prepare: the samples folder named 500 times is a run long enough to interrupt.
    const args = [BIN, 'process', ...Array.from({ length: 500 }, () => SAMPLES_DIR)];
    const child = spawn(NODE, args, { env: cleanEnv() });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    // Act: SIGINT, as the terminal sends it, once the first results are out.
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        if (stdout === '') child.kill('SIGINT');
        stdout += chunk.toString();
        resolve();
      }),
    );
    const code = await exited;

    // Assess
    const lines = stdout.trim().split('\n');
    expect(code).toBe(130);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(500 * 18);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('status');
    expect(stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(stderr).toMatch(/^process: \d+ files in .*; stopped early: interrupted\n$/);
  });

  it('draws a progress bar on stderr under a terminal, then the summary', () => {
    // Act: `script` gives the command a pseudo-terminal; stdout goes to /dev/null.
    const command = `${shellQuote(NODE)} ${shellQuote(BIN)} process ${shellQuote(SAMPLES_DIR)} > /dev/null`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...cleanEnv(), COLUMNS: '120' },
    });

    // Assess: bar frames (percentage, counts, ANSI cursor moves), then the summary.
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(ANSI);
    expect(result.stdout).toMatch(/process \S+ \d+% \| \d+\/18 files \| \d+ new/);
    expect(result.stdout.replaceAll('\r', '')).toMatch(
      /process: 18 files in \d+\.\d s \(\d+\.\d docs\/s\): 18 new, 0 duplicate, 0 near-duplicate, 0 rejected\n$/,
    );
  });

  it('prints a table for people with --output table', async () => {
    // Act
    const { code, stdout } = await ingest('process', '-o', 'table', SAMPLES_DIR);

    // Assess
    const [header, first, ...rest] = stdout.trimEnd().split('\n');
    expect(code).toBe(0);
    expect(header).toMatch(/^STATUS\s+HASH\s+LANG\s+TOPICS \/ REASON\s+SOURCE$/);
    expect(first).toMatch(/^new\s+[0-9a-f]{12}\s+fr\s+terrorism\s+.*100_b55afea218a2948c\.txt$/);
    expect(rest).toHaveLength(17);
  });

  it('exits 2 with a pointer to --stack-name when an AWS command has no target', async () => {
    // Act
    const { code, stderr } = await ingest('where', 's3://bucket/key.txt');

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('ingest: give --stack-name <name> (or --table <name>)');
  });
});
