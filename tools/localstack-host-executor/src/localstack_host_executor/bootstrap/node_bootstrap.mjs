// Runtime bootstrap for nodejs* functions run by the LocalStack host executor.
//
// Started once per execution environment by executor.py with:
//   LAMBDA_TASK_ROOT             unzipped function code
//   _HANDLER                     "<module path>.<export>", e.g. "index.handler"
//   HOST_EXECUTOR_PORT           port on which we accept POST /invoke from LocalStack
//   LOCALSTACK_RUNTIME_ENDPOINT  http://127.0.0.1:4566/_localstack_lambda/<id>
//   LOCALSTACK_RUNTIME_ID        execution environment id
//   HOST_EXECUTOR_NODE_MODULES   fallback node_modules dirs for bare imports
// plus the function's own environment.
//
// Protocol: load the handler (the "init" phase), report <endpoint>/status/<id>/ready,
// then for each POST /invoke {"invoke-id","invoked-function-arn","payload","trace-id"}
// answer 202, run the handler and report <endpoint>/invocations/<id>/logs followed by
// <endpoint>/invocations/<id>/response (or /error).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const env = process.env;
const runtimeEndpoint = env.LOCALSTACK_RUNTIME_ENDPOINT;
const runtimeId = env.LOCALSTACK_RUNTIME_ID;
const port = Number(env.HOST_EXECUTOR_PORT);
const taskRoot = env.LAMBDA_TASK_ROOT || process.cwd();
const handlerSpec = env._HANDLER || 'index.handler';
const timeoutSeconds = Number(env.AWS_LAMBDA_FUNCTION_TIMEOUT || 3);

// ---------------------------------------------------------------- module fallback
// The real Lambda runtime ships the AWS SDK v3 outside the function bundle.
// Bare imports that the function cannot resolve are retried from the configured
// node_modules folders.
const fallbackParents = (env.HOST_EXECUTOR_NODE_MODULES || '')
  .split(path.delimiter)
  .filter(Boolean)
  .map((dir) => pathToFileURL(path.join(dir, '__host_executor_parent__.mjs')).href);

// only these bare specifiers are looked up there (the runtime provides the AWS
// SDK v3 and nothing else); anything else must be in the bundle, as on AWS
const fallbackPrefixes = (env.HOST_EXECUTOR_NODE_FALLBACK_PREFIXES || '@aws-sdk/')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const isBare = (s) => !s.startsWith('.') && !s.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(s);
const notFound = (e) => e && (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND');

if (fallbackParents.length > 0) {
  if (typeof module.registerHooks === 'function') {
    module.registerHooks({
      resolve(specifier, context, nextResolve) {
        try {
          return nextResolve(specifier, context);
        } catch (e) {
          if (
            !notFound(e) ||
            !isBare(specifier) ||
            !fallbackPrefixes.some((p) => specifier.startsWith(p))
          )
            throw e;
          const isRequire = (context.conditions || []).includes('require');
          for (const parentURL of fallbackParents) {
            try {
              if (isRequire) {
                // require(): the CommonJS resolver ignores parentURL, resolve directly
                const resolved = module.createRequire(parentURL).resolve(specifier);
                return { url: pathToFileURL(resolved).href, shortCircuit: true };
              }
              return nextResolve(specifier, { ...context, parentURL });
            } catch (e2) {
              if (!notFound(e2)) throw e2;
            }
          }
          throw e;
        }
      },
    });
  } else if (typeof module.register === 'function') {
    // older Node majors: asynchronous loader hooks for ESM ...
    const hooks = `
      const parents = ${JSON.stringify(fallbackParents)};
      const prefixes = ${JSON.stringify(fallbackPrefixes)};
      const isBare = ${isBare.toString()};
      const notFound = ${notFound.toString()};
      export async function resolve(specifier, context, nextResolve) {
        try { return await nextResolve(specifier, context); }
        catch (e) {
          if (!notFound(e) || !isBare(specifier) || !prefixes.some((p) => specifier.startsWith(p))) throw e;
          for (const parentURL of parents) {
            try { return await nextResolve(specifier, { ...context, parentURL }); }
            catch (e2) { if (!notFound(e2)) throw e2; }
          }
          throw e;
        }
      }`;
    module.register(`data:text/javascript,${encodeURIComponent(hooks)}`);
    // ... and the CommonJS resolver for require()
    const Module = module.Module ?? module;
    const originalResolve = Module._resolveFilename;
    const fallbackRequires = fallbackParents.map((u) => module.createRequire(u));
    Module._resolveFilename = function resolveWithFallback(request, ...rest) {
      try {
        return originalResolve.call(this, request, ...rest);
      } catch (e) {
        if (
          !notFound(e) ||
          !isBare(request) ||
          !fallbackPrefixes.some((p) => request.startsWith(p))
        )
          throw e;
        for (const req of fallbackRequires) {
          try {
            return req.resolve(request);
          } catch {
            // try the next folder
          }
        }
        throw e;
      }
    };
  }
}

// ---------------------------------------------------------------- https -> http
// CDK's Node custom resource handlers PUT their result to the CloudFormation
// ResponseURL with https.request({hostname, path}), i.e. always TLS on port 443.
// Locally that URL is plain http on the LocalStack gateway: send such requests
// there instead. (CommonJS handlers get the patched module object.)
try {
  const gateway = new URL(env.AWS_ENDPOINT_URL || 'http://127.0.0.1:4566');
  if (gateway.protocol === 'http:') {
    const originalRequest = https.request;
    const redirect = (opts) =>
      opts &&
      typeof opts === 'object' &&
      !(opts instanceof URL) &&
      (opts.hostname === gateway.hostname || opts.host === gateway.hostname) &&
      !opts.port;
    https.request = function patchedRequest(opts, ...rest) {
      if (redirect(opts)) {
        const { agent: _agent, host: _host, ...plain } = opts;
        return http.request(
          { ...plain, hostname: gateway.hostname, port: gateway.port || 80, protocol: 'http:' },
          ...rest,
        );
      }
      return originalRequest.call(this, opts, ...rest);
    };
  }
} catch {
  // malformed AWS_ENDPOINT_URL: leave https alone
}

// ---------------------------------------------------------------- logging
// console.* lines are formatted like the AWS Node runtime does and collected per
// invocation so LocalStack can store them in CloudWatch Logs.
let currentRequestId;
let invocationLog = [];
const stdoutWrite = process.stdout.write.bind(process.stdout);
const stderrWrite = process.stderr.write.bind(process.stderr);

function capture(chunk) {
  if (currentRequestId !== undefined) invocationLog.push(String(chunk));
}
process.stdout.write = (chunk, ...rest) => {
  capture(chunk);
  return stdoutWrite(chunk, ...rest);
};
process.stderr.write = (chunk, ...rest) => {
  capture(chunk);
  return stderrWrite(chunk, ...rest);
};

for (const [method, level, stream] of [
  ['log', 'INFO', 'stdout'],
  ['info', 'INFO', 'stdout'],
  ['debug', 'DEBUG', 'stdout'],
  ['trace', 'TRACE', 'stdout'],
  ['warn', 'WARN', 'stderr'],
  ['error', 'ERROR', 'stderr'],
]) {
  console[method] = (...args) => {
    // LoggingConfig.LogFormat=JSON arrives as AWS_LAMBDA_LOG_FORMAT (LocalStack
    // does not apply log levels, so neither do we)
    const line =
      env.AWS_LAMBDA_LOG_FORMAT === 'JSON'
        ? `${JSON.stringify({ timestamp: new Date().toISOString(), level, requestId: currentRequestId, message: format(...args) })}\n`
        : `${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${format(...args)}\n`;
    process[stream].write(line);
  };
}

// ---------------------------------------------------------------- reporting
async function post(pathSuffix, body, contentType = 'application/json') {
  const url = `${runtimeEndpoint}${pathSuffix}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': contentType },
      });
      await res.arrayBuffer();
      return res.status;
    } catch (e) {
      if (attempt >= 4) {
        stderrWrite(`host bootstrap: cannot POST ${url}: ${e}\n`);
        return 0;
      }
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

function errorBody(err) {
  if (err instanceof Error) {
    return {
      errorType: err.name || 'Error',
      errorMessage: err.message,
      trace: String(err.stack || '').split('\n'),
    };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

// ---------------------------------------------------------------- handler loading
async function loadHandler() {
  const dot = handlerSpec.lastIndexOf('.');
  if (dot < 0) {
    const e = new Error(`Bad handler ${handlerSpec}: expected <module>.<export>`);
    e.name = 'Runtime.MalformedHandlerName';
    throw e;
  }
  const modulePath = handlerSpec.slice(0, dot);
  const exportName = handlerSpec.slice(dot + 1);
  const base = path.resolve(taskRoot, modulePath);
  const candidate = ['.mjs', '.js', '.cjs', '']
    .map((ext) => base + ext)
    .find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  if (!candidate) {
    const e = new Error(`Cannot find module '${modulePath}' in ${taskRoot}`);
    e.name = 'Runtime.ImportModuleError';
    throw e;
  }
  let mod;
  try {
    mod = await import(pathToFileURL(candidate).href);
  } catch (err) {
    const e = new Error(`Error loading ${candidate}: ${err?.stack ?? err}`);
    e.name = 'Runtime.ImportModuleError';
    throw e;
  }
  const fn = mod[exportName] ?? mod.default?.[exportName];
  if (typeof fn !== 'function') {
    const e = new Error(`${modulePath}.${exportName} is undefined or not exported`);
    e.name = 'Runtime.HandlerNotFound';
    throw e;
  }
  return fn;
}

let handler;
let initError;
try {
  handler = await loadHandler();
} catch (e) {
  initError = e;
  console.error(`${e.name}: ${e.message}`);
}

// ---------------------------------------------------------------- invocation
function makeContext(inv, deadline) {
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: inv['invoked-function-arn'],
    memoryLimitInMB: String(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '128'),
    awsRequestId: inv['invoke-id'],
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  return context;
}

function callHandler(fn, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err, result) => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(result);
    };
    context.done = done;
    context.succeed = (result) => done(null, result);
    context.fail = (err) => done(err ?? new Error('handled'));
    try {
      const ret = fn(event, context, done);
      if (ret && typeof ret.then === 'function')
        ret.then(
          (r) => done(null, r),
          (e) => done(e ?? new Error('rejected')),
        );
      else if (fn.length < 3) done(null, ret);
    } catch (e) {
      done(e);
    }
  });
}

let queue = Promise.resolve();

async function runInvocation(inv) {
  const requestId = inv['invoke-id'];
  const started = Date.now();
  const deadline = started + timeoutSeconds * 1000;
  currentRequestId = requestId;
  invocationLog = [];
  if (inv['trace-id']) env._X_AMZN_TRACE_ID = inv['trace-id'];
  stdoutWrite(`START RequestId: ${requestId} Version: ${env.AWS_LAMBDA_FUNCTION_VERSION}\n`);
  invocationLog.push(`START RequestId: ${requestId} Version: ${env.AWS_LAMBDA_FUNCTION_VERSION}\n`);

  let ok = false;
  let body;
  try {
    if (initError) throw initError;
    const event = inv.payload === undefined || inv.payload === '' ? {} : JSON.parse(inv.payload);
    const result = await callHandler(handler, event, makeContext(inv, deadline));
    body = JSON.stringify(result === undefined ? null : result);
    ok = true;
  } catch (err) {
    const e = errorBody(err);
    console.error(`Invoke Error \t${JSON.stringify(e)}`);
    body = JSON.stringify(e);
  }
  const duration = (Date.now() - started).toFixed(2);
  const tail = `END RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.ceil(Number(duration))} ms\tMemory Size: ${env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE} MB\tMax Memory Used: ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`;
  stdoutWrite(tail);
  invocationLog.push(tail);
  const logs = invocationLog.join('');
  currentRequestId = undefined;
  invocationLog = [];
  await post(`/invocations/${requestId}/logs`, JSON.stringify({ logs }));
  await post(`/invocations/${requestId}/${ok ? 'response' : 'error'}`, body);
}

// An uncaught error kills the sandbox on AWS too: report it, then exit. The
// executor notices the exit and starts a fresh process for the next invoke.
async function fatal(err) {
  const requestId = currentRequestId;
  stderrWrite(`host bootstrap: fatal error: ${err?.stack ?? err}\n`);
  if (requestId !== undefined) {
    const e = errorBody(err);
    e.errorType = 'Runtime.UnhandledPromiseRejection';
    await post(`/invocations/${requestId}/logs`, JSON.stringify({ logs: invocationLog.join('') }));
    await post(`/invocations/${requestId}/error`, JSON.stringify(e));
  }
  process.exit(129);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/invoke') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let inv;
    try {
      inv = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (e) {
      res.writeHead(400).end(String(e));
      return;
    }
    res.writeHead(202).end();
    queue = queue
      .then(() => runInvocation(inv))
      .catch((e) => stderrWrite(`host bootstrap: ${e?.stack ?? e}\n`));
  });
});
// the server must not keep the event loop of the handler busy in an odd way; it
// does keep the process alive between invocations, which is what we want
server.listen(port, '127.0.0.1', async () => {
  await post(`/status/${runtimeId}/ready`, '{}');
});
