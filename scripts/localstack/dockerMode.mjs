// Docker mode: the pinned localstack/localstack image. LocalStack announced that
// from March 2026 its images require a LOCALSTACK_AUTH_TOKEN (4.14.0 ships that
// deprecation notice for ACTIVATE_PRO); 4.13.1 (Feb 2026) predates it and
// starts without one, so no token is needed or read here. Do not bump the image
// without checking.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { DOCKER_IMAGE, HOST, LOG_DIR, LOG_FILE, MODE_FILE, PORT, SERVICES } from './paths.mjs';
import { run } from './process.mjs';

const DOCKER_CONTAINER = 'doc-ingest-localstack';

/** LOCALSTACK_MODE=host|docker decides; otherwise a working `docker info`. */
function dockerAvailable() {
  if (process.env.LOCALSTACK_MODE === 'host') return false;
  if (process.env.LOCALSTACK_MODE === 'docker') return true;
  const r = spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 });
  return r.status === 0;
}

async function startDocker() {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  spawnSync('docker', ['rm', '-f', DOCKER_CONTAINER], { stdio: 'ignore' });
  await run(
    'docker',
    [
      'run',
      '-d',
      '--name',
      DOCKER_CONTAINER,
      '-p',
      `${HOST}:${PORT}:4566`,
      '-v',
      '/var/run/docker.sock:/var/run/docker.sock',
      '-e',
      `SERVICES=${SERVICES.join(',')}`,
      '-e',
      'PROVIDER_OVERRIDE_DYNAMODBSTREAMS=v2',
      '-e',
      'DISABLE_EVENTS=1',
      '-e',
      `LOCALSTACK_HOST=${HOST}:${PORT}`,
      DOCKER_IMAGE,
    ],
    { timeoutMs: 900_000, logTo: LOG_FILE },
  );
  fs.writeFileSync(MODE_FILE, 'docker\n');
}

function stopDocker() {
  spawnSync('docker', ['rm', '-f', DOCKER_CONTAINER], { stdio: 'ignore' });
  fs.rmSync(MODE_FILE, { force: true });
  return { stopped: true };
}

export { dockerAvailable, startDocker, stopDocker };
