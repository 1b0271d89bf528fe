// Child processes: run a command to completion, check pids, and kill a whole
// process tree (Linux /proc).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { log } from './log.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs `cmd` to completion; resolves with its combined output, rejects with
 * the output's tail. `logTo` appends the command and its output to a file. */
function run(cmd, args, { timeoutMs = 600_000, logTo } = {}) {
  return new Promise((resolve, reject) => {
    const out = [];
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const logStream = logTo ? fs.createWriteStream(logTo, { flags: 'a' }) : null;
    logStream?.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const onData = (d) => {
      out.push(d);
      logStream?.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000}s`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      logStream?.end();
      const text = Buffer.concat(out).toString();
      if (code === 0) resolve(text);
      else
        reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}):\n${text.slice(-4000)}`));
    });
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // a zombie (exited, not yet reaped) counts as gone
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** All descendant pids of `root` (Linux /proc). */
function descendants(root) {
  const children = new Map();
  let entries = [];
  try {
    entries = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  for (const d of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      // field 4 (ppid) comes after the parenthesised command name
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // process vanished
    }
  }
  const out = [];
  const queue = [root];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** SIGTERM to the process group led by `pid` and to every descendant, SIGKILL
 * after 20s. LocalStack starts DynamoDB Local in a session of its own, so the
 * process group alone is not enough: remember the whole process tree first. */
async function killProcessTree(pid) {
  const tree = [pid, ...descendants(pid)];
  const signalAll = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // group already gone
    }
    for (const p of tree) {
      try {
        process.kill(p, sig);
      } catch {
        // already gone
      }
    }
  };
  const anyAlive = () => groupAlive(pid) || tree.some(pidAlive);
  signalAll('SIGTERM');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && anyAlive()) await sleep(250);
  if (anyAlive()) {
    log('LocalStack did not stop within 20s; sending SIGKILL');
    signalAll('SIGKILL');
    for (let i = 0; i < 20 && anyAlive(); i++) await sleep(250);
  }
}

export { killProcessTree, pidAlive, run, sleep };
