/**
 * DynamoDB Local from Maven Central, laid out the way LocalStack 4.13.1 expects
 * (localstack/services/dynamodb/{packages,server}.py):
 *   <var_libs>/dynamodb-local/2/DynamoDBLocal.jar        install marker, run with `java -jar`
 *   <var_libs>/dynamodb-local/2/DynamoDBLocal_lib/       -Djava.library.path (sqlite4java .so)
 *   <var_libs>/dynamodb-local/2/ddb-local-loader-0.1.jar -javaagent (always passed)
 * Our DynamoDBLocal.jar is a launcher: only a manifest whose Class-Path lists the
 * Maven jars. The javaagent LocalStack normally downloads from GitHub (a patch
 * lifting DynamoDB Local's GSI limit) cannot be fetched; we pass byte-buddy-agent
 * instead, whose premain is a no-op.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exists, hashFiles, readText } from './files.mjs';
import { log } from './log.mjs';
import { DDB_LOCK, VAR_LIBS, VENV_PY } from './paths.mjs';
import { run, sleep } from './process.mjs';

const MAVEN_CENTRAL = process.env.MAVEN_CENTRAL_URL || 'https://repo1.maven.org/maven2';

/** Fetches one Maven artifact unless `dest` already has the right sha1; retries. */
async function download(relPath, sha1, dest) {
  if (exists(dest) && createHash('sha1').update(fs.readFileSync(dest)).digest('hex') === sha1)
    return;
  const url = `${MAVEN_CENTRAL}/${relPath}`;
  let lastError;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const buf = Buffer.from(await res.arrayBuffer());
      const got = createHash('sha1').update(buf).digest('hex');
      if (got !== sha1) throw new Error(`sha1 mismatch (${got} != ${sha1})`);
      fs.writeFileSync(`${dest}.part`, buf);
      fs.renameSync(`${dest}.part`, dest);
      return;
    } catch (e) {
      lastError = e;
      await sleep(1000 * attempt);
    }
  }
  throw new Error(`download of ${url} failed: ${lastError?.message}`);
}

async function mapLimit(items, limit, fn) {
  let i = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (i < items.length) {
      const item = items[i++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}

// launcher jar (manifest only), written with the venv's zipfile module
const WRITE_LAUNCHER_PY = `
import sys, zipfile
out, main, cp = sys.argv[1], sys.argv[2], sys.argv[3].split()
def wrap(line):
    b = line.encode(); parts = [b[:72]]; b = b[72:]
    while b: parts.append(b" " + b[:71]); b = b[71:]
    return b"\\r\\n".join(parts) + b"\\r\\n"
mf = wrap("Manifest-Version: 1.0") + wrap("Main-Class: " + main) + wrap("Class-Path: " + " ".join(cp)) + b"\\r\\n"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("META-INF/MANIFEST.MF", mf)
`;

async function ensureDynamoDBLocal() {
  const lock = JSON.parse(fs.readFileSync(DDB_LOCK, 'utf8'));
  const dir = path.join(VAR_LIBS, 'dynamodb-local', '2');
  const marker = path.join(dir, '.doc-ingest-installed');
  const key = `${lock.version}:${hashFiles([DDB_LOCK])}`;
  if (readText(marker) === key && exists(path.join(dir, 'DynamoDBLocal.jar'))) return;
  log(`installing DynamoDB Local ${lock.version} from Maven Central ...`);
  fs.rmSync(dir, { recursive: true, force: true });
  const libDir = path.join(dir, 'DynamoDBLocal_lib');
  fs.mkdirSync(libDir, { recursive: true });
  const entries = [...lock.libs, lock.javassist];
  const classPath = ['.'];
  const jobs = entries.map((e) => {
    let name = path.basename(e.path);
    // sqlite4java loads "sqlite4java-linux-amd64" from java.library.path
    if (name.endsWith('.so')) name = name.replace(/-[\d.]+\.so$/, '.so');
    if (name.endsWith('.jar')) classPath.push(`DynamoDBLocal_lib/${name}`);
    return { ...e, dest: path.join(libDir, name) };
  });
  jobs.push({ ...lock.agent, dest: path.join(dir, 'ddb-local-loader-0.1.jar') });
  await mapLimit(jobs, 8, (j) => download(j.path, j.sha1, j.dest));
  await run(VENV_PY, [
    '-c',
    WRITE_LAUNCHER_PY,
    path.join(dir, 'DynamoDBLocal.jar'),
    lock.mainClass,
    classPath.join(' '),
  ]);
  fs.writeFileSync(marker, `${key}\n`);
}

export { ensureDynamoDBLocal };
