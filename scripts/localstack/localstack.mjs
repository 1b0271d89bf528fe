#!/usr/bin/env node
// Usage: node scripts/localstack/localstack.mjs up|down|status|logs [-f] [-n LINES]
// (wired as `npm run localstack -- up`). See lib.mjs for what each mode does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { endpoint, ensureUp, LOG_FILE, status, stop } from './lib.mjs';

const [cmd = 'status', ...rest] = process.argv.slice(2);

async function main() {
  switch (cmd) {
    case 'up': {
      const r = await ensureUp();
      console.log(
        r.alreadyRunning
          ? `LocalStack already running at ${endpoint}`
          : `LocalStack started at ${endpoint} (${r.mode} mode)`,
      );
      return 0;
    }
    case 'down': {
      const r = await stop();
      console.log(
        r.stopped ? 'LocalStack stopped' : 'LocalStack was not running (no live pid file)',
      );
      return 0;
    }
    case 'status': {
      const s = await status();
      console.log(JSON.stringify(s, null, 2));
      return s.healthy ? 0 : 3;
    }
    case 'logs': {
      if (!fs.existsSync(LOG_FILE)) {
        console.error(`no log file yet (${LOG_FILE})`);
        return 1;
      }
      const n = rest.includes('-n') ? rest[rest.indexOf('-n') + 1] : '200';
      const args = ['-n', String(n), ...(rest.includes('-f') ? ['-F'] : []), LOG_FILE];
      const child = spawn('tail', args, { stdio: 'inherit' });
      return await new Promise((r) => child.on('close', (c) => r(c ?? 0)));
    }
    default:
      console.error('usage: localstack.mjs up|down|status|logs [-f] [-n LINES]');
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[localstack] ${cmd} failed: ${err?.message ?? err}`);
    process.exit(1);
  },
);
