// The host-mode venv: localstack-core from PyPI, installed with uv (pip as the
// fallback), on the best Python available, patched for 3.11 when needed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exists, hashFiles, readText } from './files.mjs';
import { log } from './log.mjs';
import { CONSTRAINTS, LOCALSTACK_VERSION, LOG_DIR, ROOT, VENV, VENV_PY } from './paths.mjs';
import { venvPipInstall } from './pip.mjs';
import { run } from './process.mjs';

const UV_VERSION = '0.13.9';
// day after localstack-core 4.13.1 was published on PyPI (2026-02-02)
const PYPI_CUTOFF = '2026-02-03T00:00:00Z';

async function ensureVenv() {
  const { python, version: pyVersion } = pickPython();
  const key = `${LOCALSTACK_VERSION}:${UV_VERSION}:py${pyVersion.join('.')}:${hashFiles([CONSTRAINTS])}`;
  const marker = path.join(VENV, '.doc-ingest-installed');
  if (readText(marker) === key && exists(VENV_PY)) return;
  log(`installing localstack-core ${LOCALSTACK_VERSION} into ${path.relative(ROOT, VENV)} ...`);
  fs.rmSync(VENV, { recursive: true, force: true });
  const pipLog = path.join(LOG_DIR, 'install-pip.log');
  await run(python, ['-m', 'venv', VENV], { logTo: pipLog, timeoutMs: 120_000 });
  // constraints.txt pins every transitive dependency to what resolved when
  // 4.13.1 was current (newer releases, e.g. cbor2 6, break its imports).
  // uv (from PyPI) installs in ~15s instead of pip's ~75s; pip is the fallback.
  const packages = [`localstack-core[runtime]==${LOCALSTACK_VERSION}`, 'wheel', 'setuptools'];
  let viaUv = false;
  try {
    await venvPipInstall(['-q', `uv==${UV_VERSION}`], 300_000);
    await run(
      path.join(VENV, 'bin', 'uv'),
      [
        'pip',
        'install',
        '--python',
        VENV_PY,
        '--exclude-newer',
        PYPI_CUTOFF,
        '-c',
        CONSTRAINTS,
        ...packages,
      ],
      { logTo: pipLog, timeoutMs: 900_000 },
    );
    viaUv = true;
  } catch (e) {
    log(`uv install failed (${e.message.split('\n')[0]}); falling back to pip (slower) ...`);
  }
  if (!viaUv) {
    await venvPipInstall(['--progress-bar', 'off', '-c', CONSTRAINTS, ...packages], 900_000);
  }
  if (pyVersion[1] < 12) patchForPython311();
  fs.writeFileSync(marker, `${key}\n`);
}

/** localstack-core 4.13.1 targets Python 3.12/3.13 (its Docker image runs 3.13).
 * Prefer such an interpreter when one is installed (python3.13/python3.12 on
 * PATH or under pyenv), else fall back to python3 >= 3.11 plus a patch. */
function pickPython() {
  const candidates = [];
  if (process.env.LOCALSTACK_PYTHON) candidates.push(process.env.LOCALSTACK_PYTHON);
  candidates.push('python3.13', 'python3.12');
  const pyenvRoot = process.env.PYENV_ROOT || path.join(process.env.HOME || '/root', '.pyenv');
  const versionsDir = path.join(pyenvRoot, 'versions');
  if (exists(versionsDir)) {
    for (const v of fs
      .readdirSync(versionsDir)
      .filter((d) => /^3\.1[23]\.\d+$/.test(d))
      .sort()
      .reverse()) {
      candidates.push(path.join(versionsDir, v, 'bin', 'python3'));
    }
  }
  candidates.push('python3');
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import sys, venv; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) continue;
    const version = r.stdout.trim().split('.').map(Number);
    if (version[0] === 3 && version[1] >= 11) return { python, version };
  }
  throw new Error(
    'host mode needs Python >= 3.11 with the venv module (set LOCALSTACK_PYTHON to choose one)',
  );
}

/** The one spot of 4.13.1 that does not import on Python 3.11: an eagerly
 * evaluated annotation `Lock | None` (threading.Lock is a function before 3.13).
 * Postponed annotations fix it. */
function patchForPython311() {
  const file = path.join(
    VENV,
    'lib',
    'python3.11',
    'site-packages',
    'localstack',
    'packages',
    'api.py',
  );
  if (!exists(file)) return;
  const src = fs.readFileSync(file, 'utf8');
  if (!src.startsWith('from __future__ import annotations')) {
    fs.writeFileSync(
      file,
      `from __future__ import annotations  # patched by scripts/localstack for Python 3.11\n${src}`,
    );
  }
}

export { ensureVenv };
