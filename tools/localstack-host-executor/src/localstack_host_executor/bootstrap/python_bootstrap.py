"""Runtime bootstrap for python3.* functions run by the LocalStack host executor.

Same protocol as node_bootstrap.mjs: load the handler, report
``<endpoint>/status/<id>/ready``, then serve ``POST /invoke`` and report logs and
the response/error of every invocation back to LocalStack.
Only the standard library is used.
"""

import importlib
import io
import json
import logging
import os
import sys
import threading
import time
import traceback
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ENV = os.environ
RUNTIME_ENDPOINT = ENV["LOCALSTACK_RUNTIME_ENDPOINT"]
RUNTIME_ID = ENV["LOCALSTACK_RUNTIME_ID"]
PORT = int(ENV["HOST_EXECUTOR_PORT"])
TASK_ROOT = ENV.get("LAMBDA_TASK_ROOT", os.getcwd())
HANDLER = ENV.get("_HANDLER", "lambda_function.handler")
TIMEOUT = float(ENV.get("AWS_LAMBDA_FUNCTION_TIMEOUT", "3"))

_real_stdout = sys.stdout
_real_stderr = sys.stderr
_state = {"request_id": None, "log": []}
_lock = threading.Lock()


class _Tee(io.TextIOBase):
    def __init__(self, real):
        self.real = real

    def write(self, s):
        if _state["request_id"] is not None:
            _state["log"].append(s)
        self.real.write(s)
        self.real.flush()
        return len(s)

    def flush(self):
        self.real.flush()


sys.stdout = _Tee(_real_stdout)
sys.stderr = _Tee(_real_stderr)


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _state["request_id"] or ""
        return True


_handler = logging.StreamHandler(sys.stdout)
_handler.setFormatter(
    logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
        "%Y-%m-%dT%H:%M:%S",
    )
)
_handler.addFilter(_RequestIdFilter())
logging.getLogger().addHandler(_handler)
logging.getLogger().setLevel(logging.INFO)


def _post(path, body: bytes):
    url = f"{RUNTIME_ENDPOINT}{path}"
    for attempt in range(5):
        try:
            req = urllib.request.Request(
                url, data=body, method="POST", headers={"content-type": "application/json"}
            )
            with urllib.request.urlopen(req, timeout=30) as r:
                r.read()
            return
        except Exception as e:  # noqa: BLE001
            if attempt == 4:
                _real_stderr.write(f"host bootstrap: cannot POST {url}: {e}\n")
            time.sleep(0.1 * 2**attempt)


def _error_body(exc: BaseException, error_type=None):
    return {
        "errorMessage": str(exc),
        "errorType": error_type or type(exc).__name__,
        "requestId": _state["request_id"] or "",
        "stackTrace": traceback.format_tb(exc.__traceback__),
    }


def _load_handler():
    module_name, _, func_name = HANDLER.rpartition(".")
    if not module_name:
        raise ValueError(f"Bad handler {HANDLER}")
    if TASK_ROOT not in sys.path:
        sys.path.insert(0, TASK_ROOT)
    module = importlib.import_module(module_name.replace("/", "."))
    fn = getattr(module, func_name, None)
    if not callable(fn):
        raise AttributeError(f"Handler '{func_name}' missing on module '{module_name}'")
    return fn


_init_error = None
_fn = None
try:
    _fn = _load_handler()
except Exception as e:  # noqa: BLE001
    _init_error = e
    traceback.print_exc()


class _Context:
    def __init__(self, inv, deadline):
        self.function_name = ENV.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = ENV.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = inv.get("invoked-function-arn")
        self.memory_limit_in_mb = int(ENV.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"))
        self.aws_request_id = inv.get("invoke-id")
        self.log_group_name = ENV.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = ENV.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None
        self._deadline = deadline

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.time()) * 1000))


def _run(inv):
    with _lock:
        request_id = inv["invoke-id"]
        started = time.time()
        _state["request_id"] = request_id
        _state["log"] = []
        if inv.get("trace-id"):
            os.environ["_X_AMZN_TRACE_ID"] = inv["trace-id"]
        print(f"START RequestId: {request_id} Version: {ENV.get('AWS_LAMBDA_FUNCTION_VERSION')}")
        ok = False
        try:
            if _init_error is not None:
                raise _init_error
            payload = inv.get("payload") or "{}"
            event = json.loads(payload)
            result = _fn(event, _Context(inv, started + TIMEOUT))
            body = json.dumps(result).encode()
            ok = True
        except Exception as exc:  # noqa: BLE001
            error_type = "Runtime.ImportModuleError" if exc is _init_error else None
            err = _error_body(exc, error_type)
            print(f"[ERROR] {err['errorType']}: {err['errorMessage']}")
            body = json.dumps(err).encode()
        duration = (time.time() - started) * 1000
        print(f"END RequestId: {request_id}")
        print(f"REPORT RequestId: {request_id}\tDuration: {duration:.2f} ms")
        logs = "".join(_state["log"])
        _state["request_id"] = None
        _state["log"] = []
        _post(f"/invocations/{request_id}/logs", json.dumps({"logs": logs}).encode())
        _post(f"/invocations/{request_id}/{'response' if ok else 'error'}", body)


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802
        if self.path != "/invoke":
            self.send_response(404)
            self.end_headers()
            return
        length = int(self.headers.get("content-length") or 0)
        inv = json.loads(self.rfile.read(length) or b"{}")
        self.send_response(202)
        self.send_header("content-length", "0")
        self.end_headers()
        threading.Thread(target=_run, args=(inv,), daemon=True).start()

    def log_message(self, *args):  # silence access logs
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", PORT), _Handler)
    threading.Thread(target=_post, args=(f"/status/{RUNTIME_ID}/ready", b"{}"), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
