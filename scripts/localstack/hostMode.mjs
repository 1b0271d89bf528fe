// Host mode: LocalStack as a plain Python process in its own process group,
// configured so that it downloads nothing and runs Lambdas on the host.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readText } from './files.mjs';
import { ensureInstalled } from './install.mjs';
import {
  FS_ROOT,
  HOST,
  LOCALSTACK_VERSION,
  LOG_DIR,
  LOG_FILE,
  MODE_FILE,
  PID_FILE,
  PORT,
  ROOT,
  SERVICES,
  STATE_DIR,
  TMP_DIR,
  VENV_PY,
} from './paths.mjs';
import { killProcessTree, pidAlive } from './process.mjs';

function hostEnv(nodeBinaries) {
  const env = { ...process.env };
  // never let the caller's AWS profile/endpoint settings leak into LocalStack itself
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  Object.assign(env, {
    GATEWAY_LISTEN: `${HOST}:${PORT}`,
    // this sandbox (and CI) itself runs in a container; without this LocalStack
    // believes it is inside its own Docker image and ignores FILESYSTEM_ROOT
    OVERRIDE_IN_DOCKER: '0',
    // URLs LocalStack hands out (queue URLs, presigned URLs, CFN response URLs)
    // must not use *.localhost.localstack.cloud: that needs public DNS.
    LOCALSTACK_HOST: `${HOST}:${PORT}`,
    // queue URLs like http://127.0.0.1:4566/queue/<region>/<account>/<name>
    SQS_ENDPOINT_STRATEGY: 'path',
    FILESYSTEM_ROOT: FS_ROOT,
    TMPDIR: TMP_DIR,
    DNS_ADDRESS: '0',
    SKIP_SSL_CERT_DOWNLOAD: '1',
    DISABLE_EVENTS: '1',
    SERVICES: SERVICES.join(','),
    EAGER_SERVICE_LOADING: '1',
    PROVIDER_OVERRIDE_DYNAMODBSTREAMS: 'v2',
    // event source mappings back off up to 10s (default) after empty polls; the
    // first message after an idle phase then waits that long. 1s keeps e2e fast.
    LAMBDA_EVENT_SOURCE_MAPPING_MAX_BACKOFF_ON_EMPTY_POLL_SEC: '1',
    LAMBDA_RUNTIME_EXECUTOR: 'host',
    HOST_EXECUTOR_NODE_BINARIES: JSON.stringify(nodeBinaries),
    // stands in for the AWS SDK v3 that the real Node runtime provides
    HOST_EXECUTOR_NODE_MODULES: path.join(ROOT, 'node_modules'),
    HOST_EXECUTOR_PYTHON: VENV_PY,
    HOST_EXECUTOR_LOG_DIR: path.join(LOG_DIR, 'lambda'),
    HOST_EXECUTOR_TMPDIR: TMP_DIR,
    PYTHONUNBUFFERED: '1',
  });
  // let callers tune LocalStack (e.g. LS_LOG=debug, LAMBDA_EVENT_SOURCE_MAPPING_POLL_INTERVAL_SEC)
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('LOCALSTACK_SETTING_')) env[k.slice('LOCALSTACK_SETTING_'.length)] = v;
  }
  return env;
}

/** Installs what is missing, starts LocalStack detached; returns its pid. */
async function startHost() {
  const { nodeBinaries } = await ensureInstalled();
  fs.mkdirSync(LOG_DIR, { recursive: true });
  // a fresh instance starts from empty state (no PERSISTENCE)
  fs.rmSync(path.join(TMP_DIR, 'lambda'), { recursive: true, force: true });
  const out = fs.openSync(LOG_FILE, 'a');
  fs.writeSync(
    out,
    `\n==== ${new Date().toISOString()} starting LocalStack ${LOCALSTACK_VERSION} (host mode)\n`,
  );
  const child = spawn(VENV_PY, ['-m', 'localstack.runtime.main'], {
    cwd: STATE_DIR,
    env: hostEnv(nodeBinaries),
    detached: true, // own process group: `down` kills LocalStack, DynamoDB Local and lambdas together
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.unref();
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);
  fs.writeFileSync(MODE_FILE, 'host\n');
  return child.pid;
}

async function stopHost() {
  const pid = Number(readText(PID_FILE));
  if (!pid || !pidAlive(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    return { stopped: false };
  }
  await killProcessTree(pid);
  fs.rmSync(PID_FILE, { force: true });
  return { stopped: true };
}

export { startHost, stopHost };
