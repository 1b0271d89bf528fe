// tools/localstack-host-executor (our Lambda executor plugin) into the venv,
// reinstalled whenever its source changes.
import fs from 'node:fs';
import path from 'node:path';
import { hashFiles, readText } from './files.mjs';
import { log } from './log.mjs';
import { EXECUTOR_SRC, LOG_DIR, TMP_DIR, VENV, VENV_PY } from './paths.mjs';
import { run } from './process.mjs';

async function ensureExecutorPlugin() {
  const key = hashFiles([EXECUTOR_SRC]);
  const marker = path.join(VENV, '.doc-ingest-executor');
  if (readText(marker) === key) return;
  log('installing tools/localstack-host-executor into the venv ...');
  const pipLog = path.join(LOG_DIR, 'install-pip.log');
  // build from a copy so no build/ or egg-info litter lands in the source tree
  const buildDir = path.join(TMP_DIR, 'executor-build');
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.cpSync(EXECUTOR_SRC, buildDir, {
    recursive: true,
    filter: (src) => !/(__pycache__|\.egg-info|\/build)$/.test(src),
  });
  await run(
    VENV_PY,
    [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-input',
      '--no-deps',
      '--no-build-isolation',
      '--force-reinstall',
      buildDir,
    ],
    { logTo: pipLog, timeoutMs: 300_000 },
  );
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.writeFileSync(marker, `${key}\n`);
}

export { ensureExecutorPlugin };
