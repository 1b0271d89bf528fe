// tools/localstack-host-executor (our Lambda executor plugin) into the venv,
// reinstalled whenever its source changes.
import fs from 'node:fs';
import path from 'node:path';
import { hashFiles, readText } from './files.mjs';
import { log } from './log.mjs';
import { EXECUTOR_SRC, TMP_DIR, VENV } from './paths.mjs';
import { venvPipInstall } from './pip.mjs';

async function ensureExecutorPlugin() {
  const key = hashFiles([EXECUTOR_SRC]);
  const marker = path.join(VENV, '.doc-ingest-executor');
  if (readText(marker) === key) return;
  log('installing tools/localstack-host-executor into the venv ...');
  // build from a copy so no build/ or egg-info litter lands in the source tree
  const buildDir = path.join(TMP_DIR, 'executor-build');
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.cpSync(EXECUTOR_SRC, buildDir, {
    recursive: true,
    filter: (src) => !/(__pycache__|\.egg-info|\/build)$/.test(src),
  });
  await venvPipInstall(
    ['--no-deps', '--no-build-isolation', '--force-reinstall', buildDir],
    300_000,
  );
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.writeFileSync(marker, `${key}\n`);
}

export { ensureExecutorPlugin };
