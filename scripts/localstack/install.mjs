// Everything host mode needs, installed in parallel where the steps allow it.
import fs from 'node:fs';
import { ensureDynamoDBLocal } from './installDynamoDbLocal.mjs';
import { ensureExecutorPlugin } from './installExecutorPlugin.mjs';
import { ensureJava } from './installJava.mjs';
import { ensureNodeRuntimes } from './installNodeRuntimes.mjs';
import { ensureVenv } from './installPython.mjs';
import { log } from './log.mjs';
import { LOG_DIR, TMP_DIR } from './paths.mjs';

/** Installs everything host mode needs (idempotent, cached). */
async function ensureInstalled() {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const started = Date.now();
  ensureJava();
  // The venv and the Node runtimes install in parallel. DynamoDB Local needs
  // the venv python only for writing its launcher jar, yet waits for the whole
  // venv (its Maven downloads run alongside the executor plugin install).
  const venv = ensureVenv();
  const nodes = ensureNodeRuntimes();
  await venv;
  await Promise.all([ensureExecutorPlugin(), ensureDynamoDBLocal()]);
  const nodeBinaries = await nodes;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (Date.now() - started > 2000) log(`install finished in ${secs}s`);
  return { nodeBinaries };
}

export { ensureInstalled };
