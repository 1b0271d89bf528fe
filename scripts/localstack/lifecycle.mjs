// up / down / status for one instance (per LOCALSTACK_PORT + LOCALSTACK_STATE_DIR),
// in whichever mode it was started.
import { dockerAvailable, startDocker, stopDocker } from './dockerMode.mjs';
import { readText } from './files.mjs';
import { health, isHealthy, waitHealthy } from './health.mjs';
import { startHost, stopHost } from './hostMode.mjs';
import { log } from './log.mjs';
import { endpoint, MODE_FILE, PID_FILE, SERVICES } from './paths.mjs';
import { pidAlive } from './process.mjs';
import { withUpLock } from './upLock.mjs';

/** Starts LocalStack unless it is already healthy; resolves once healthy. */
async function ensureUp({
  timeoutMs = Number(process.env.LOCALSTACK_UP_TIMEOUT_MS || 180_000),
} = {}) {
  if (await isHealthy()) return { alreadyRunning: true, endpoint };
  // installing from scratch takes ~25-40s on CI; the lock wait covers it
  return withUpLock(async () => {
    if (await isHealthy()) return { alreadyRunning: true, endpoint };
    const started = Date.now();
    const knownPid = Number(readText(PID_FILE));
    if (readText(MODE_FILE) === 'host' && knownPid && pidAlive(knownPid)) {
      // ours, still booting (or unhealthy): wait for it rather than start a second one
      log(`LocalStack (pid ${knownPid}) is starting; waiting ...`);
      await waitHealthy(knownPid, timeoutMs, started);
      return { alreadyRunning: true, endpoint, mode: 'host', pid: knownPid };
    }
    if (await health()) {
      throw new Error(
        `something else answers on ${endpoint} but not all of ${SERVICES.join(',')} are available; stop it first`,
      );
    }
    const mode = dockerAvailable() ? 'docker' : 'host';
    let pid;
    if (mode === 'docker') await startDocker();
    else pid = await startHost();
    const bootStarted = Date.now();
    log(`${mode} mode: waiting for ${endpoint}/_localstack/health ...`);
    await waitHealthy(pid, timeoutMs, started);
    const total = ((Date.now() - started) / 1000).toFixed(1);
    const boot = ((Date.now() - bootStarted) / 1000).toFixed(1);
    log(`LocalStack is up at ${endpoint} (${total}s total, ${boot}s boot)`);
    return { alreadyRunning: false, endpoint, mode, pid };
  }, 600_000);
}

/** Stops the instance started by ensureUp (whole process group). */
async function stop() {
  if (readText(MODE_FILE) === 'docker') return stopDocker();
  return stopHost();
}

async function status() {
  const h = await health();
  const pid = Number(readText(PID_FILE)) || null;
  return {
    endpoint,
    mode: readText(MODE_FILE) || null,
    pid: pid && pidAlive(pid) ? pid : null,
    healthy: await isHealthy(),
    version: h?.version ?? null,
    services: h?.services ?? null,
  };
}

export { ensureUp, status, stop };
