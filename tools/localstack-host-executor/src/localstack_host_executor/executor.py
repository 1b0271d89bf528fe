"""A LocalStack Lambda runtime executor that runs each execution environment as a
plain process on the host instead of in a Docker container.

Contract with LocalStack (localstack-core 4.13.x,
``localstack.services.lambda_.invocation``):

* ``prepare_version`` is called once per function version: we make LocalStack
  unzip the code archive from its internal S3 store (``prepare_for_execution``)
  and check that we can run the runtime.
* ``start(env_vars)`` starts one execution environment. We spawn a bootstrap
  (``bootstrap/node_bootstrap.mjs`` or ``bootstrap/python_bootstrap.py``) that
  serves ``POST /invoke`` on a free local port and reports
  ``<runtime endpoint>/status/<id>/ready`` once the handler module is loaded.
  The ``ExecutorEndpoint`` (LocalStack's class) receives that callback.
* ``invoke(payload)`` posts the invocation to the bootstrap, which answers
  through ``<runtime endpoint>/invocations/<request id>/logs`` and then
  ``.../response`` or ``.../error``. We enforce the function timeout here and
  turn crashes/timeouts into error results, so that event source mappings see a
  failed invocation (retries, partial batch failure) just like on AWS.
* ``stop()`` kills the process.

Settings (environment of the LocalStack process):

``HOST_EXECUTOR_NODE_BINARIES``  JSON object ``{"24": "/path/to/node", ...}``
``HOST_EXECUTOR_NODE_MODULES``   os.pathsep-separated ``node_modules`` dirs used
                                 as a fallback for bare imports (stands in for the
                                 AWS SDK that the real runtime ships)
``HOST_EXECUTOR_NODE_FALLBACK_PREFIXES``  comma-separated specifier prefixes that may
                                 use that fallback (default ``@aws-sdk/``)
``HOST_EXECUTOR_STRICT_NODE_MAJOR``  "1": refuse to run nodejsNN.x on another major
``HOST_EXECUTOR_PYTHON``         interpreter for python3.* functions
                                 (default: the interpreter running LocalStack)
``HOST_EXECUTOR_LOG_DIR``        directory for one log file per environment
``HOST_EXECUTOR_DEFAULT_ENDPOINT``  value for AWS_ENDPOINT_URL inside functions
                                 (default http://127.0.0.1:<gateway port>)
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import deque
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeoutError
from datetime import datetime, timezone
from pathlib import Path

from localstack import config
from localstack.aws.api.lambda_ import PackageType
from localstack.services.lambda_.invocation.executor_endpoint import (
    ExecutorEndpoint,
    InvokeSendError,
)
from localstack.services.lambda_.invocation.lambda_models import (
    FunctionVersion,
    InvocationResult,
)
from localstack.services.lambda_.invocation.runtime_executor import (
    LambdaRuntimeException,
    RuntimeExecutor,
)
from localstack.utils.net import get_free_tcp_port

LOG = logging.getLogger(__name__)

BOOTSTRAP_DIR = Path(__file__).resolve().parent / "bootstrap"
NODE_BOOTSTRAP = BOOTSTRAP_DIR / "node_bootstrap.mjs"
PYTHON_BOOTSTRAP = BOOTSTRAP_DIR / "python_bootstrap.py"

HOST = "127.0.0.1"
# how many lines of process output we keep in memory per environment
LOG_BUFFER_LINES = 2000
# extra time granted after the function timeout before we kill the process
TIMEOUT_GRACE_SECONDS = 1.0

# every live process, so that we can kill them when LocalStack shuts down
_LIVE_PROCESSES: set[subprocess.Popen] = set()
_LIVE_LOCK = threading.Lock()


def _kill_all_at_exit() -> None:
    with _LIVE_LOCK:
        processes = list(_LIVE_PROCESSES)
    for proc in processes:
        _kill_process(proc)


atexit.register(_kill_all_at_exit)


def _kill_process(proc: subprocess.Popen, grace: float = 2.0) -> None:
    if proc.poll() is not None:
        return
    try:
        proc.send_signal(signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        try:
            proc.kill()
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            LOG.warning("Lambda host process %s did not exit after SIGKILL", proc.pid)


def _runtime_family(runtime: str | None) -> str:
    if not runtime:
        raise LambdaRuntimeException(
            "Container image functions are not supported by the host executor"
        )
    if runtime.startswith("nodejs"):
        return "node"
    if runtime.startswith("python"):
        return "python"
    raise LambdaRuntimeException(
        f"Runtime {runtime} is not supported by the host executor (only nodejs* and python3.*)"
    )


def _node_major(runtime: str) -> int | None:
    m = re.match(r"nodejs(\d+)", runtime)
    return int(m.group(1)) if m else None


def _node_binaries() -> dict[int, str]:
    raw = os.environ.get("HOST_EXECUTOR_NODE_BINARIES", "").strip()
    result: dict[int, str] = {}
    if raw:
        try:
            for major, path in json.loads(raw).items():
                if path and os.path.exists(path):
                    result[int(major)] = path
        except (ValueError, AttributeError) as e:
            LOG.warning("Ignoring invalid HOST_EXECUTOR_NODE_BINARIES=%s: %s", raw, e)
    return result


def resolve_node_binary(runtime: str) -> str:
    """Picks the node binary for a nodejsNN.x runtime: the exact major if one is
    provisioned, otherwise (unless strict) the closest newer, then older major."""
    wanted = _node_major(runtime)
    binaries = _node_binaries()
    if wanted in binaries:
        return binaries[wanted]
    strict = os.environ.get("HOST_EXECUTOR_STRICT_NODE_MAJOR", "") in ("1", "true")
    if binaries and not strict:
        newer = sorted(m for m in binaries if wanted is None or m > wanted)
        older = sorted((m for m in binaries if wanted is not None and m < wanted), reverse=True)
        chosen = (newer or older)[0]
        LOG.warning(
            "No node %s provisioned for runtime %s; running it on node %s instead",
            wanted,
            runtime,
            chosen,
        )
        return binaries[chosen]
    if not binaries and not strict:
        found = shutil.which("node")
        if found:
            LOG.warning("No node binaries configured; using %s for %s", found, runtime)
            return found
    raise LambdaRuntimeException(
        f"No node binary for runtime {runtime}: provision node {wanted} "
        "(HOST_EXECUTOR_NODE_BINARIES) before starting LocalStack"
    )


class HostRuntimeExecutor(RuntimeExecutor):
    """Runs one Lambda execution environment as a host process."""

    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id=id, function_version=function_version)
        self.executor_endpoint = ExecutorEndpoint(self.id, container_address=HOST)
        self.process: subprocess.Popen | None = None
        self.port: int | None = None
        self.env_vars: dict[str, str] = {}
        self._log_lines: deque[str] = deque(maxlen=LOG_BUFFER_LINES)
        self._log_lock = threading.Lock()
        self._log_file = None
        self._invoke_lock = threading.Lock()
        self._stopped = False
        self._current_request_id: str | None = None
        self._invocation_log_start = 0
        self._total_lines = 0

    # ------------------------------------------------------------------ lifecycle

    def start(self, env_vars: dict[str, str]) -> None:
        self.env_vars = {k: str(v) for k, v in env_vars.items() if v is not None}
        log_dir = os.environ.get("HOST_EXECUTOR_LOG_DIR")
        if log_dir:
            try:
                Path(log_dir).mkdir(parents=True, exist_ok=True)
                name = re.sub(r"[^A-Za-z0-9_.-]", "_", self.function_version.id.function_name)
                self._log_file = open(
                    Path(log_dir) / f"{name}-{self.id[:8]}.log", "a", encoding="utf-8"
                )
            except OSError as e:
                LOG.warning("Cannot open lambda log file in %s: %s", log_dir, e)
        self.executor_endpoint.start()
        self._spawn()
        self.executor_endpoint.wait_for_startup()

    def stop(self) -> None:
        self._stopped = True
        proc = self.process
        if proc is not None:
            _kill_process(proc)
        try:
            self.executor_endpoint.shutdown()
        except Exception as e:  # noqa: BLE001 - mirrors the docker executor
            LOG.debug("Error while shutting down executor endpoint %s: %s", self.id, e)
        if self._log_file:
            try:
                self._log_file.close()
            except OSError:
                pass
            self._log_file = None

    # ------------------------------------------------------------------ process

    def _code_dir(self) -> Path:
        code = self.function_version.config.code
        if self.function_version.config.package_type != PackageType.Zip or code is None:
            raise LambdaRuntimeException("Only zip-packaged functions are supported")
        return Path(code.get_unzipped_code_location())

    def _layer_dirs(self) -> list[Path]:
        dirs = []
        for layer in self.function_version.config.layers or []:
            try:
                dirs.append(Path(layer.code.get_unzipped_code_location()))
            except Exception as e:  # noqa: BLE001
                LOG.warning("Cannot locate code of layer %s: %s", layer.layer_version_arn, e)
        return dirs

    def _build_command_and_env(self) -> tuple[list[str], dict[str, str]]:
        runtime = self.function_version.config.runtime
        family = _runtime_family(runtime)
        code_dir = self._code_dir()
        layer_dirs = self._layer_dirs()

        env: dict[str, str] = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": os.environ.get("HOME", "/tmp"),
            "TMPDIR": os.environ.get("HOST_EXECUTOR_TMPDIR", tempfile.gettempdir()),
        }
        env.update(self.env_vars)
        # the container paths make no sense on the host
        env["LAMBDA_TASK_ROOT"] = str(code_dir)
        env["LAMBDA_RUNTIME_DIR"] = str(BOOTSTRAP_DIR)
        env.setdefault(
            "AWS_ENDPOINT_URL",
            os.environ.get("HOST_EXECUTOR_DEFAULT_ENDPOINT")
            or f"http://{HOST}:{config.GATEWAY_LISTEN[0].port}",
        )
        env["HOST_EXECUTOR_PORT"] = str(self.port)
        env["HOST_EXECUTOR_RUNTIME"] = runtime

        if family == "node":
            node = resolve_node_binary(runtime)
            env["PATH"] = f"{Path(node).parent}{os.pathsep}{env['PATH']}"
            fallback = [str(d / "nodejs" / "node_modules") for d in layer_dirs]
            fallback += [
                p for p in os.environ.get("HOST_EXECUTOR_NODE_MODULES", "").split(os.pathsep) if p
            ]
            # the bootstrap resolves @aws-sdk/* from there (import and require)
            env["HOST_EXECUTOR_NODE_MODULES"] = os.pathsep.join(fallback)
            cmd = [node, str(NODE_BOOTSTRAP)]
        else:
            python = os.environ.get("HOST_EXECUTOR_PYTHON") or sys.executable
            py_path = [str(code_dir)] + [str(d / "python") for d in layer_dirs]
            if env.get("PYTHONPATH"):
                py_path.append(env["PYTHONPATH"])
            env["PYTHONPATH"] = os.pathsep.join(py_path)
            env["PYTHONUNBUFFERED"] = "1"
            cmd = [python, str(PYTHON_BOOTSTRAP)]
        return cmd, env

    def _spawn(self) -> None:
        self.port = get_free_tcp_port()
        cmd, env = self._build_command_and_env()
        LOG.debug(
            "Starting host lambda environment %s for %s: %s",
            self.id,
            self.function_version.qualified_arn,
            cmd,
        )
        proc = subprocess.Popen(
            cmd,
            cwd=env["LAMBDA_TASK_ROOT"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # deliberately stays in LocalStack's process group: stopping that group
            # (scripts/localstack `down`) also ends every function process
            start_new_session=False,
        )
        self.process = proc
        with _LIVE_LOCK:
            _LIVE_PROCESSES.add(proc)
        threading.Thread(
            target=self._pump_output,
            args=(proc,),
            name=f"lambda-host-{self.id[:8]}",
            daemon=True,
        ).start()

    def _pump_output(self, proc: subprocess.Popen) -> None:
        """Collects process output and notices when the process dies."""
        assert proc.stdout is not None
        for raw in iter(proc.stdout.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            with self._log_lock:
                self._log_lines.append(line)
                self._total_lines += 1
                if self._log_file:
                    try:
                        self._log_file.write(line + "\n")
                        self._log_file.flush()
                    except (OSError, ValueError):
                        pass
        code = proc.wait()
        with _LIVE_LOCK:
            _LIVE_PROCESSES.discard(proc)
        if self._stopped or proc is not self.process:
            return
        LOG.debug("Host lambda process %s of %s exited with %s", proc.pid, self.id, code)
        message = f"Runtime exited with error: exit status {code}"
        # a crash during startup fails the startup ...
        startup = self.executor_endpoint.startup_future
        if startup is not None and not startup.done():
            startup.set_exception(LambdaRuntimeException(f"{message}\n{self._tail(40)}"))
        # ... and a crash during an invocation fails that invocation
        self._fail_current_invocation("Runtime.ExitError", message)

    def _tail(self, n: int) -> str:
        with self._log_lock:
            return "\n".join(list(self._log_lines)[-n:])

    def _lines_since_invocation_start(self) -> str:
        with self._log_lock:
            count = self._total_lines - self._invocation_log_start
            lines = list(self._log_lines)[-count:] if count > 0 else []
        return "\n".join(lines)

    def _fail_current_invocation(self, error_type: str, message: str) -> None:
        future: Future | None = self.executor_endpoint.invocation_future
        request_id = self._current_request_id
        if future is None or future.done() or request_id is None:
            return
        payload = json.dumps({"errorType": error_type, "errorMessage": message}).encode()
        logs = self._lines_since_invocation_start()
        try:
            future.set_result(InvocationResult(request_id, payload, is_error=True, logs=logs))
        except Exception:  # noqa: BLE001 - already resolved concurrently
            pass

    def _restart(self) -> None:
        """Starts a fresh process after a crash or timeout (a new cold start, as on AWS)."""
        old = self.process
        if old is not None:
            _kill_process(old)
        self.executor_endpoint.startup_future = Future()
        self._spawn()
        try:
            self.executor_endpoint.startup_future.result(
                timeout=config.LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT
            )
        except FutureTimeoutError as e:
            raise LambdaRuntimeException("Restarted lambda environment did not become ready") from e

    # ------------------------------------------------------------------ invoke

    def invoke(self, payload: dict[str, str]) -> InvocationResult:
        request_id = payload["invoke-id"]
        with self._invoke_lock:
            if self.process is None or self.process.poll() is not None:
                try:
                    self._restart()
                except Exception as e:  # noqa: BLE001
                    body = json.dumps(
                        {"errorType": "Runtime.Unknown", "errorMessage": str(e)}
                    ).encode()
                    return InvocationResult(request_id, body, is_error=True, logs=self._tail(40))

            endpoint = self.executor_endpoint
            endpoint.container_address = HOST
            endpoint.container_port = self.port
            endpoint.invocation_future = Future()
            endpoint.logs = None
            self._current_request_id = request_id
            with self._log_lock:
                self._invocation_log_start = self._total_lines
            future = endpoint.invocation_future

            url = f"http://{HOST}:{self.port}/invoke"
            try:
                response = ExecutorEndpoint._perform_invoke(
                    invocation_url=url, proxies={"http": "", "https": ""}, payload=payload
                )
            except Exception as e:  # noqa: BLE001
                raise InvokeSendError(f"Cannot reach lambda host process at {url}: {e}") from e
            if not response.ok:
                raise InvokeSendError(
                    f"Lambda host process rejected invocation: HTTP {response.status_code}"
                )

            timeout = float(self.function_version.config.timeout or 3)
            try:
                result = future.result(timeout=timeout + TIMEOUT_GRACE_SECONDS)
            except FutureTimeoutError:
                now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
                message = f"{now} {request_id} Task timed out after {timeout:.2f} seconds"
                self._fail_current_invocation("Sandbox.Timedout", message)
                result = future.result()
                # like AWS: the sandbox is reset, the next invoke is a cold start
                proc = self.process
                if proc is not None:
                    _kill_process(proc, grace=0.5)
            finally:
                self._current_request_id = None
            if result.logs is None:
                result.logs = self._lines_since_invocation_start()
            return result

    # ------------------------------------------------------------------ info

    def get_address(self) -> str:
        return HOST

    def get_endpoint_from_executor(self) -> str:
        return HOST

    def get_runtime_endpoint(self) -> str:
        return (
            f"http://{HOST}:{config.GATEWAY_LISTEN[0].port}"
            f"{self.executor_endpoint.get_endpoint_prefix()}"
        )

    def get_logs(self) -> str:
        return self._tail(LOG_BUFFER_LINES)

    # ------------------------------------------------------------------ versions

    @classmethod
    def prepare_version(cls, function_version: FunctionVersion) -> None:
        cfg = function_version.config
        if cfg.package_type != PackageType.Zip:
            raise LambdaRuntimeException(
                "The host executor only runs zip-packaged functions (no container images)"
            )
        family = _runtime_family(cfg.runtime)
        if family == "node":
            # fail early (function goes to state Failed) if no node binary fits
            resolve_node_binary(cfg.runtime)
        if cfg.code:
            cfg.code.prepare_for_execution()
        for layer in cfg.layers or []:
            layer.code.prepare_for_execution()

    @classmethod
    def cleanup_version(cls, function_version: FunctionVersion) -> None:
        pass

    @classmethod
    def validate_environment(cls) -> bool:
        if not NODE_BOOTSTRAP.exists() or not PYTHON_BOOTSTRAP.exists():
            LOG.warning("Host executor bootstrap files are missing in %s", BOOTSTRAP_DIR)
            return False
        return True
