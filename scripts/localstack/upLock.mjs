// A lock file in the state dir, so concurrent `up`s (e.g. parallel test
// workers) across processes start one LocalStack, not several.
import fs from 'node:fs';
import { readText } from './files.mjs';
import { LOCK_FILE, STATE_DIR } from './paths.mjs';
import { pidAlive, sleep } from './process.mjs';

/** Runs `fn` holding the lock; a lock left by a dead process is taken over. */
async function withUpLock(fn, timeoutMs) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(LOCK_FILE, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(readText(LOCK_FILE));
      if (!holder || !pidAlive(holder)) {
        fs.rmSync(LOCK_FILE, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`another \`up\` (pid ${holder}) holds ${LOCK_FILE}`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    if (Number(readText(LOCK_FILE)) === process.pid) fs.rmSync(LOCK_FILE, { force: true });
  }
}

export { withUpLock };
