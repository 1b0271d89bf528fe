// Pinned versions, the endpoint, and every path the runner reads or writes.
// LOCALSTACK_PORT with LOCALSTACK_STATE_DIR lets two instances (say, a CI run
// and a developer) run side by side.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALSTACK_VERSION = '4.13.1';
const DOCKER_IMAGE = `localstack/localstack:${LOCALSTACK_VERSION}`;
const PORT = Number(process.env.LOCALSTACK_PORT || 4566);
const HOST = '127.0.0.1';
const endpoint = `http://${HOST}:${PORT}`;
const REGION = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';

// What CDK bootstrap + deploy and our stack need.
const SERVICES = [
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
  // The alarm topic.
  'sns',
  // The backfill and reclassify jobs (infra/constructs/BulkJobs.ts).
  'stepfunctions',
];

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const STATE_DIR = process.env.LOCALSTACK_STATE_DIR || path.join(ROOT, '.localstack');
const LOG_DIR = path.join(STATE_DIR, 'logs');
const LOG_FILE = path.join(LOG_DIR, 'localstack.log');
const PID_FILE = path.join(STATE_DIR, 'localstack.pid');
const MODE_FILE = path.join(STATE_DIR, 'localstack.mode');
const LOCK_FILE = path.join(STATE_DIR, 'up.lock');
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

export {
  CONSTRAINTS,
  DDB_LOCK,
  DOCKER_IMAGE,
  EXECUTOR_SRC,
  endpoint,
  FS_ROOT,
  HOST,
  LOCALSTACK_VERSION,
  LOCK_FILE,
  LOG_DIR,
  LOG_FILE,
  MODE_FILE,
  PID_FILE,
  PORT,
  REGION,
  ROOT,
  RUNTIMES,
  SERVICES,
  STATE_DIR,
  TMP_DIR,
  VAR_LIBS,
  VENV,
  VENV_PY,
};
