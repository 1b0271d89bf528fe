// pip of the project's venv, non-interactive, logged with the other installs.
import path from 'node:path';
import { LOG_DIR, VENV_PY } from './paths.mjs';
import { run } from './process.mjs';

const PIP_LOG = path.join(LOG_DIR, 'install-pip.log');

/** `pip install <args>` in the venv; rejects with the log's tail when pip fails. */
export const venvPipInstall = (args, timeoutMs) =>
  run(VENV_PY, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', ...args], {
    logTo: PIP_LOG,
    timeoutMs,
  });
