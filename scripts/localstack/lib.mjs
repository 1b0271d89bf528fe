// LocalStack for local development, e2e tests and CI, with or without Docker.
// This file is the public API; each concept lives in its own module beside it.
//
// With a working Docker engine (`docker info` succeeds) we run the pinned image
// localstack/localstack:4.13.1 (dockerMode.mjs says why that version).
//
// Without Docker ("host mode", the normal case on our CI machines) we run the
// same LocalStack release as a plain Python process (hostMode.mjs):
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
// are pre-empted (install*.mjs) or switched off (hostMode.mjs).
export { clientEnv } from './clientEnv.mjs';
export { dockerAvailable } from './dockerMode.mjs';
export { health, isHealthy } from './health.mjs';
export { ensureInstalled } from './install.mjs';
export { ensureUp, status, stop } from './lifecycle.mjs';
export {
  DOCKER_IMAGE,
  endpoint,
  HOST,
  LOCALSTACK_VERSION,
  LOG_DIR,
  LOG_FILE,
  PORT,
  REGION,
  ROOT,
  SERVICES,
  STATE_DIR,
} from './paths.mjs';
