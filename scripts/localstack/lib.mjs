// LocalStack for local development, e2e tests and CI, with or without Docker.
//
// With a working Docker engine (`docker info` succeeds) we run the pinned image
// localstack/localstack:4.13.1. LocalStack announced that from March 2026 its
// images require a LOCALSTACK_AUTH_TOKEN (4.14.0 ships that deprecation notice
// for ACTIVATE_PRO); 4.13.1 (Feb 2026) predates it and starts without one, so
// no token is needed or read here. Do not bump the image without checking.
//
// Without Docker ("host mode", the normal case on our CI machines) we run the
// same LocalStack release as a plain Python process:
//   .localstack/venv/            python venv: localstack-core[runtime]==4.13.1
//                                (+ tools/localstack-host-executor, our Lambda
//                                executor plugin that runs functions as host
//                                processes instead of containers)
//   .localstack/filesystem/      LocalStack FILESYSTEM_ROOT (var_libs holds
//                                DynamoDB Local and the Java runtime link)
//   .localstack/runtimes/        extra Node majors for nodejsNN.x functions
//   .localstack/logs/            localstack.log, lambda/<function>-<env>.log
//   .localstack/localstack.pid   pid (= process group) of the running instance
// Everything is cached and keyed on pinned versions, so a second `up` only starts.
// Nothing is downloaded from outside the package registries: LocalStack's own
// run-time downloads (DynamoDB Local zip, JRE, javaagent patch, TLS cert, DNS)
// are pre-empted or switched off below.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALSTACK_VERSION = '4.13.1';
export const DOCKER_IMAGE = `localstack/localstack:${LOCALSTACK_VERSION}`;
// LOCALSTACK_PORT with LOCALSTACK_STATE_DIR lets two instances (say, a CI run and a developer) run side by side.
export const PORT = Number(process.env.LOCALSTACK_PORT || 4566);
export const HOST = '127.0.0.1';
export const endpoint = `http://${HOST}:${PORT}`;
export const REGION = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';

// What CDK bootstrap + deploy and our stack need.
export const SERVICES = [
  's3',
  'sqs',
  'lambda',
  'dynamodb',
  'dynamodbstreams',
  'cloudformation',
  'iam',
  'sts',
  'ssm',
  'events',
  'logs',
  'kms',
  'cloudwatch',
];

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const STATE_DIR = process.env.LOCALSTACK_STATE_DIR || path.join(ROOT, '.localstack');
export const LOG_DIR = path.join(STATE_DIR, 'logs');
export const LOG_FILE = path.join(LOG_DIR, 'localstack.log');
const PID_FILE = path.join(STATE_DIR, 'localstack.pid');
const MODE_FILE = path.join(STATE_DIR, 'localstack.mode');
const VENV = path.join(STATE_DIR, 'venv');
const VENV_PY = path.join(VENV, 'bin', 'python');
const FS_ROOT = path.join(STATE_DIR, 'filesystem');
const VAR_LIBS = path.join(FS_ROOT, 'var', 'lib', 'localstack', 'lib');
const RUNTIMES = path.join(STATE_DIR, 'runtimes');
// Outside the repository on purpose: unzipped function code must not sit below
// our package.json ("type": "module" would turn CommonJS index.js handlers into
// ESM) nor below node_modules (undeclared imports would resolve locally but fail
// on AWS).
const TMP_DIR = path.join(
  os.tmpdir(),
  `doc-ingest-localstack-${createHash('sha1').update(STATE_DIR).digest('hex').slice(0, 8)}`,
);
const EXECUTOR_SRC = path.join(ROOT, 'tools', 'localstack-host-executor');
const CONSTRAINTS = path.join(HERE, 'constraints.txt');
const DDB_LOCK = path.join(HERE, 'dynamodb-local.lock.json');
const MAVEN_CENTRAL = process.env.MAVEN_CENTRAL_URL || 'https://repo1.maven.org/maven2';
const DOCKER_CONTAINER = 'doc-ingest-localstack';
const UV_VERSION = '0.13.9';
// day after localstack-core 4.13.1 was published on PyPI (2026-02-02)
const PYPI_CUTOFF = '2026-02-03T00:00:00Z';

const log = (...args) => console.error('[localstack]', ...args);

// ------------------------------------------------------------------ small helpers

function run(cmd, args, { timeoutMs = 600_000, env, cwd, quiet = true, logTo } = {}) {
  return new Promise((resolve, reject) => {
    const out = [];
    const child = spawn(cmd, args, {
      env: env ?? process.env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logStream = logTo ? fs.createWriteStream(logTo, { flags: 'a' }) : null;
    logStream?.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const onData = (d) => {
      out.push(d);
      logStream?.write(d);
      if (!quiet) process.stderr.write(d);
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

const exists = (p) => fs.existsSync(p);
const readText = (p) => (exists(p) ? fs.readFileSync(p, 'utf8').trim() : '');

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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ health

export async function health() {
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
export async function isHealthy(services = SERVICES) {
  const h = await health();
  if (!h?.services) return false;
  return services.every((s) => ['available', 'running'].includes(h.services[s]));
}

// ------------------------------------------------------------------ docker mode

export function dockerAvailable() {
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

// ------------------------------------------------------------------ host mode: install

async function ensureVenv() {
  const { python, version: pyVersion } = pickPython();
  const key = `${LOCALSTACK_VERSION}:${UV_VERSION}:py${pyVersion.join('.')}:${hashFiles([CONSTRAINTS])}`;
  const marker = path.join(VENV, '.doc-ingest-installed');
  if (readText(marker) === key && exists(VENV_PY)) return;
  log(`installing localstack-core ${LOCALSTACK_VERSION} into ${path.relative(ROOT, VENV)} ...`);
  fs.rmSync(VENV, { recursive: true, force: true });
  const pipLog = path.join(LOG_DIR, 'install-pip.log');
  await run(python, ['-m', 'venv', VENV], { logTo: pipLog, timeoutMs: 120_000 });
  // constraints.txt pins every transitive dependency to what resolved when
  // 4.13.1 was current (newer releases, e.g. cbor2 6, break its imports).
  // uv (from PyPI) installs in ~15s instead of pip's ~75s; pip is the fallback.
  const packages = [`localstack-core[runtime]==${LOCALSTACK_VERSION}`, 'wheel', 'setuptools'];
  let viaUv = false;
  try {
    await run(
      VENV_PY,
      [
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        '--no-input',
        '-q',
        `uv==${UV_VERSION}`,
      ],
      {
        logTo: pipLog,
        timeoutMs: 300_000,
      },
    );
    await run(
      path.join(VENV, 'bin', 'uv'),
      [
        'pip',
        'install',
        '--python',
        VENV_PY,
        '--exclude-newer',
        PYPI_CUTOFF,
        '-c',
        CONSTRAINTS,
        ...packages,
      ],
      { logTo: pipLog, timeoutMs: 900_000 },
    );
    viaUv = true;
  } catch (e) {
    log(`uv install failed (${e.message.split('\n')[0]}); falling back to pip (slower) ...`);
  }
  if (!viaUv) {
    await run(
      VENV_PY,
      [
        '-m',
        'pip',
        'install',
        '--disable-pip-version-check',
        '--no-input',
        '--progress-bar',
        'off',
        '-c',
        CONSTRAINTS,
        ...packages,
      ],
      { logTo: pipLog, timeoutMs: 900_000 },
    );
  }
  if (pyVersion[1] < 12) await patchForPython311();
  fs.writeFileSync(marker, `${key}\n`);
}

/** localstack-core 4.13.1 targets Python 3.12/3.13 (its Docker image runs 3.13).
 * Prefer such an interpreter when one is installed (python3.13/python3.12 on
 * PATH or under pyenv), else fall back to python3 >= 3.11 plus a patch. */
function pickPython() {
  const candidates = [];
  if (process.env.LOCALSTACK_PYTHON) candidates.push(process.env.LOCALSTACK_PYTHON);
  candidates.push('python3.13', 'python3.12');
  const pyenvRoot = process.env.PYENV_ROOT || path.join(process.env.HOME || '/root', '.pyenv');
  const versionsDir = path.join(pyenvRoot, 'versions');
  if (exists(versionsDir)) {
    for (const v of fs
      .readdirSync(versionsDir)
      .filter((d) => /^3\.1[23]\.\d+$/.test(d))
      .sort()
      .reverse()) {
      candidates.push(path.join(versionsDir, v, 'bin', 'python3'));
    }
  }
  candidates.push('python3');
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import sys, venv; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) continue;
    const version = r.stdout.trim().split('.').map(Number);
    if (version[0] === 3 && version[1] >= 11) return { python, version };
  }
  throw new Error(
    'host mode needs Python >= 3.11 with the venv module (set LOCALSTACK_PYTHON to choose one)',
  );
}

/** The one spot of 4.13.1 that does not import on Python 3.11: an eagerly
 * evaluated annotation `Lock | None` (threading.Lock is a function before 3.13).
 * Postponed annotations fix it. */
async function patchForPython311() {
  const file = path.join(
    VENV,
    'lib',
    'python3.11',
    'site-packages',
    'localstack',
    'packages',
    'api.py',
  );
  if (!exists(file)) return;
  const src = fs.readFileSync(file, 'utf8');
  if (!src.startsWith('from __future__ import annotations')) {
    fs.writeFileSync(
      file,
      `from __future__ import annotations  # patched by scripts/localstack for Python 3.11\n${src}`,
    );
  }
}

async function ensureExecutorPlugin() {
  const key = hashFiles([EXECUTOR_SRC]);
  const marker = path.join(VENV, '.doc-ingest-executor');
  if (readText(marker) === key) return;
  log('installing tools/localstack-host-executor into the venv ...');
  const pipLog = path.join(LOG_DIR, 'install-pip.log');
  // build from a copy so no build/ or egg-info litter lands in the source tree
  const buildDir = path.join(TMP_DIR, 'executor-build');
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.cpSync(EXECUTOR_SRC, buildDir, {
    recursive: true,
    filter: (src) => !/(__pycache__|\.egg-info|\/build)$/.test(src),
  });
  await run(
    VENV_PY,
    [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-input',
      '--no-deps',
      '--no-build-isolation',
      '--force-reinstall',
      buildDir,
    ],
    { logTo: pipLog, timeoutMs: 300_000 },
  );
  fs.rmSync(buildDir, { recursive: true, force: true });
  fs.writeFileSync(marker, `${key}\n`);
}

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
  // launcher jar (manifest only), written with the venv's zipfile module
  const py = `
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
  await run(VENV_PY, [
    '-c',
    py,
    path.join(dir, 'DynamoDBLocal.jar'),
    lock.mainClass,
    classPath.join(' '),
  ]);
  fs.writeFileSync(marker, `${key}\n`);
}

function javaMajor(javaBin) {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return 0;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/** LocalStack installs a JRE 21 into <var_libs>/java/21 (marker bin/java) for
 * DynamoDB Local; point that at a local JDK >= 17 instead of downloading one. */
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

function nodeMajorOf(bin) {
  const r = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 ? Number(r.stdout.trim().split('.')[0]) : 0;
}

/** Node binaries for the nodejsNN.x majors our functions declare
 * (LOCALSTACK_NODE_MAJORS, default "24"). The project's own `node` dev
 * dependency is used when its major fits; other majors come from the npm
 * package `node@<major>` installed into .localstack/runtimes/node<major>. */
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

/** Installs everything host mode needs (idempotent, cached). */
export async function ensureInstalled() {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const started = Date.now();
  ensureJava();
  // pip and the Maven downloads run in parallel; DynamoDB Local needs the venv
  // python only for writing its launcher jar, so it waits for the venv.
  const venv = ensureVenv();
  const nodes = ensureNodeRuntimes();
  await venv;
  await Promise.all([ensureExecutorPlugin(), ensureDynamoDBLocal()]);
  const nodeBinaries = await nodes;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (Date.now() - started > 2000) log(`install finished in ${secs}s`);
  return { nodeBinaries };
}

// ------------------------------------------------------------------ host mode: run

function hostEnv(nodeBinaries) {
  const env = { ...process.env };
  // never let the caller's AWS profile/endpoint settings leak into LocalStack itself
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  Object.assign(env, {
    GATEWAY_LISTEN: `${HOST}:${PORT}`,
    // this sandbox (and CI) itself runs in a container; without this LocalStack
    // believes it is inside its own Docker image and ignores FILESYSTEM_ROOT
    OVERRIDE_IN_DOCKER: '0',
    // URLs LocalStack hands out (queue URLs, presigned URLs, CFN response URLs)
    // must not use *.localhost.localstack.cloud: that needs public DNS.
    LOCALSTACK_HOST: `${HOST}:${PORT}`,
    // queue URLs like http://127.0.0.1:4566/queue/<region>/<account>/<name>
    SQS_ENDPOINT_STRATEGY: 'path',
    FILESYSTEM_ROOT: FS_ROOT,
    TMPDIR: TMP_DIR,
    DNS_ADDRESS: '0',
    SKIP_SSL_CERT_DOWNLOAD: '1',
    DISABLE_EVENTS: '1',
    SERVICES: SERVICES.join(','),
    EAGER_SERVICE_LOADING: '1',
    PROVIDER_OVERRIDE_DYNAMODBSTREAMS: 'v2',
    // event source mappings back off up to 10s (default) after empty polls; the
    // first message after an idle phase then waits that long. 1s keeps e2e fast.
    LAMBDA_EVENT_SOURCE_MAPPING_MAX_BACKOFF_ON_EMPTY_POLL_SEC: '1',
    LAMBDA_RUNTIME_EXECUTOR: 'host',
    HOST_EXECUTOR_NODE_BINARIES: JSON.stringify(nodeBinaries),
    // stands in for the AWS SDK v3 that the real Node runtime provides
    HOST_EXECUTOR_NODE_MODULES: path.join(ROOT, 'node_modules'),
    HOST_EXECUTOR_PYTHON: VENV_PY,
    HOST_EXECUTOR_LOG_DIR: path.join(LOG_DIR, 'lambda'),
    HOST_EXECUTOR_TMPDIR: TMP_DIR,
    PYTHONUNBUFFERED: '1',
  });
  // let callers tune LocalStack (e.g. LS_LOG=debug, LAMBDA_EVENT_SOURCE_MAPPING_POLL_INTERVAL_SEC)
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('LOCALSTACK_SETTING_')) env[k.slice('LOCALSTACK_SETTING_'.length)] = v;
  }
  return env;
}

async function startHost() {
  const { nodeBinaries } = await ensureInstalled();
  fs.mkdirSync(LOG_DIR, { recursive: true });
  // a fresh instance starts from empty state (no PERSISTENCE)
  fs.rmSync(path.join(TMP_DIR, 'lambda'), { recursive: true, force: true });
  const out = fs.openSync(LOG_FILE, 'a');
  fs.writeSync(
    out,
    `\n==== ${new Date().toISOString()} starting LocalStack ${LOCALSTACK_VERSION} (host mode)\n`,
  );
  const child = spawn(VENV_PY, ['-m', 'localstack.runtime.main'], {
    cwd: STATE_DIR,
    env: hostEnv(nodeBinaries),
    detached: true, // own process group: `down` kills LocalStack, DynamoDB Local and lambdas together
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.unref();
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);
  fs.writeFileSync(MODE_FILE, 'host\n');
  return child.pid;
}

function tail(file, lines = 40) {
  if (!exists(file)) return '';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

const LOCK_FILE = path.join(STATE_DIR, 'up.lock');

/** Serialises concurrent `up`s (e.g. parallel test workers) across processes. */
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

/** Starts LocalStack unless it is already healthy; resolves once healthy. */
export async function ensureUp({
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
export async function stop() {
  const mode = readText(MODE_FILE);
  if (mode === 'docker') {
    spawnSync('docker', ['rm', '-f', DOCKER_CONTAINER], { stdio: 'ignore' });
    fs.rmSync(MODE_FILE, { force: true });
    return { stopped: true };
  }
  const pid = Number(readText(PID_FILE));
  if (!pid || !pidAlive(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    return { stopped: false };
  }
  // LocalStack starts DynamoDB Local in a session of its own, so the process
  // group alone is not enough: remember the whole process tree first.
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
  fs.rmSync(PID_FILE, { force: true });
  return { stopped: true };
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

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function status() {
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

/** Environment for AWS SDK clients / cdklocal talking to this LocalStack. */
export function clientEnv(base = process.env) {
  return {
    ...base,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
}
