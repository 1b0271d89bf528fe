"""Plux plugin registration for the host runtime executor.

The entry point (see pyproject.toml) registers this class under the namespace
``localstack.lambda.runtime_executor`` with the name ``host``. LocalStack picks
it when started with ``LAMBDA_RUNTIME_EXECUTOR=host``.
"""

from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin


class HostRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "host"

    def load(self, *args, **kwargs):
        # imported lazily, like LocalStack's own docker executor plugin
        from localstack_host_executor.executor import HostRuntimeExecutor

        return HostRuntimeExecutor
