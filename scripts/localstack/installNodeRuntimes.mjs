// Node binaries for the nodejsNN.x majors our functions declare
// (LOCALSTACK_NODE_MAJORS, default "24"). The project's own `node` dev
// dependency is used when its major fits; other majors come from the npm
// package `node@<major>` installed into .localstack/runtimes/node<major>.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exists } from './files.mjs';
import { log } from './log.mjs';
import { LOG_DIR, ROOT, RUNTIMES } from './paths.mjs';
import { run } from './process.mjs';

function nodeMajorOf(bin) {
  const r = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 ? Number(r.stdout.trim().split('.')[0]) : 0;
}

/** Resolves to { <major>: <absolute node binary> } for the executor plugin. */
async function ensureNodeRuntimes() {
  const majors = (process.env.LOCALSTACK_NODE_MAJORS || '24')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter(Boolean);
  const known = {};
  for (const bin of [path.join(ROOT, 'node_modules', 'node', 'bin', 'node'), process.execPath]) {
    if (exists(bin)) {
      const real = fs.realpathSync(bin);
      const m = nodeMajorOf(real);
      if (m && !known[m]) known[m] = real;
    }
  }
  for (const major of majors) {
    if (known[major]) continue;
    const prefix = path.join(RUNTIMES, `node${major}`);
    const bin = path.join(prefix, 'node_modules', 'node', 'bin', 'node');
    if (!(exists(bin) && nodeMajorOf(bin) === major)) {
      log(
        `installing node ${major} (npm package node@${major}) into ${path.relative(ROOT, prefix)} ...`,
      );
      fs.mkdirSync(prefix, { recursive: true });
      fs.writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n');
      await run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, `node@${major}`],
        {
          timeoutMs: 600_000,
          logTo: path.join(LOG_DIR, 'install-node.log'),
        },
      );
    }
    known[major] = fs.realpathSync(bin);
  }
  return known;
}

export { ensureNodeRuntimes };
