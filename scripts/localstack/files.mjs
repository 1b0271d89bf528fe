// Small file reads shared by the installers and the lifecycle, and the content
// hash that keys every install cache.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

const exists = (p) => fs.existsSync(p);
const readText = (p) => (exists(p) ? fs.readFileSync(p, 'utf8').trim() : '');

function tail(file, lines = 40) {
  if (!exists(file)) return '';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Hash of file contents and repo-relative names, so a cache survives moving the
 * checkout but not editing its inputs; build litter is ignored. */
function hashFiles(paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name === '__pycache__' || name.endsWith('.egg-info') || name === 'build') continue;
        walk(path.join(p, name));
      }
    } else {
      h.update(path.relative(ROOT, p));
      h.update(fs.readFileSync(p));
    }
  };
  for (const p of paths) walk(p);
  return h.digest('hex').slice(0, 16);
}

export { exists, hashFiles, readText, tail };
