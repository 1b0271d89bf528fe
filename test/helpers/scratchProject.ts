import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** `npm` of the running Node (the project's Node 24), so installs match the runtime under test. */
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Packs a workspace with `npm pack` (which runs its `prepack` build) into
 * `destination` and returns the tarball's path.
 */
const packWorkspace = (workspace: string, destination: string): string => {
  npm(['pack', '--workspace', workspace, '--pack-destination', destination], REPO_ROOT);
  const tarball = readdirSync(destination).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack of ${workspace} wrote no tarball`);
  return join(destination, tarball);
};

/** A folder outside the workspace with a bare ESM package.json: what a consumer starts from. */
const createScratchProject = (name: string): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), `doc-ingest-${name}-`));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `scratch-${name}`, private: true, type: 'module' }),
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Installs packages (tarball paths or registry names) into a scratch project. */
const installInto = (dir: string, packages: string[]): void => {
  npm(['install', '--prefer-offline', ...packages], dir);
};

/** Runs a script with plain `node` (no TypeScript loader) and returns its stdout. */
const runNode = (dir: string, script: string): string =>
  execFileSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });

export { createScratchProject, installInto, packWorkspace, REPO_ROOT, runNode };
