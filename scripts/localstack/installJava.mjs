// LocalStack installs a JRE 21 into <var_libs>/java/21 (marker bin/java) for
// DynamoDB Local; point that at a local JDK >= 17 instead of downloading one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exists } from './files.mjs';
import { VAR_LIBS } from './paths.mjs';

function javaMajor(javaBin) {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return 0;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

function ensureJava() {
  const link = path.join(VAR_LIBS, 'java', '21');
  if (exists(path.join(link, 'bin', 'java'))) return;
  const candidates = [];
  if (process.env.LOCALSTACK_JAVA_HOME) candidates.push(process.env.LOCALSTACK_JAVA_HOME);
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  const which = spawnSync('sh', ['-c', 'readlink -f "$(command -v java)"'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim())
    candidates.push(path.resolve(which.stdout.trim(), '..', '..'));
  if (exists('/usr/lib/jvm')) {
    for (const d of fs.readdirSync('/usr/lib/jvm').sort().reverse())
      candidates.push(path.join('/usr/lib/jvm', d));
  }
  for (const home of candidates) {
    const bin = path.join(home, 'bin', 'java');
    if (exists(bin) && javaMajor(bin) >= 17) {
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.rmSync(link, { recursive: true, force: true });
      fs.symlinkSync(fs.realpathSync(home), link);
      return;
    }
  }
  throw new Error(
    'host mode needs a Java runtime >= 17 for DynamoDB Local (apt-get install openjdk-17-jre-headless, or set LOCALSTACK_JAVA_HOME)',
  );
}

export { ensureJava };
