// Progress goes to stderr so `status` output on stdout stays parseable JSON.
const log = (...args) => console.error('[localstack]', ...args);

export { log };
