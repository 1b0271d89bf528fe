// LocalStack's /_localstack/health endpoint, and waiting for it during `up`.
import { tail } from './files.mjs';
import { endpoint, LOG_FILE, SERVICES } from './paths.mjs';
import { pidAlive, sleep } from './process.mjs';

async function health() {
  try {
    const res = await fetch(`${endpoint}/_localstack/health`, {
      signal: AbortSignal.timeout(2000),
    });
    if (!res.ok) return null;
    return await res.json();
  } catch {
    return null;
  }
}

/** True when LocalStack answers and every wanted service is available or running. */
async function isHealthy(services = SERVICES) {
  const h = await health();
  if (!h?.services) return false;
  return services.every((s) => ['available', 'running'].includes(h.services[s]));
}

/** Polls until healthy; fails early with the log tail if `pid` (host mode) dies. */
async function waitHealthy(pid, timeoutMs, started) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isHealthy()) return true;
    if (pid && !pidAlive(pid)) {
      throw new Error(
        `LocalStack exited during startup. Last lines of ${LOG_FILE}:\n${tail(LOG_FILE)}`,
      );
    }
    await sleep(500);
  }
  const h = await health();
  throw new Error(
    `LocalStack did not become healthy within ${((Date.now() - started) / 1000).toFixed(0)}s ` +
      `(health: ${JSON.stringify(h?.services ?? null)}). Last lines of ${LOG_FILE}:\n${tail(LOG_FILE)}`,
  );
}

export { health, isHealthy, waitHealthy };
