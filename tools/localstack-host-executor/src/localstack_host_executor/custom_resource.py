"""CloudFormation custom resources (``Custom::*`` / ``AWS::CloudFormation::CustomResource``)
for community LocalStack.

localstack-core 4.13.x has no provider for this type: the CloudFormation engine
logs "No resource provider found" and marks the resource CREATE_COMPLETE without
doing anything (so e.g. CDK's ``Custom::S3BucketNotifications`` never configures
the bucket notification). This provider does what CloudFormation does:

1. invoke the ``ServiceToken`` Lambda (synchronously, in a thread, so a crashing
   handler fails the resource at once; CloudFormation invokes asynchronously) with the custom resource
   event (RequestType Create/Update/Delete, ResourceProperties with scalars
   turned into strings, ...) and a ``ResponseURL`` served by LocalStack itself
   (``PUT http://127.0.0.1:4566/_host_executor/cfn-response/<request id>``);
2. wait for the handler to PUT its response there;
3. succeed/fail the resource, exposing ``PhysicalResourceId`` (Ref) and the
   returned ``Data`` keys (Fn::GetAtt).

Timeout: ``HOST_EXECUTOR_CUSTOM_RESOURCE_TIMEOUT`` seconds (default 120).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid

from localstack import config
from localstack.aws.connect import connect_to
from localstack.http import Response
from localstack.services.cloudformation.resource_provider import (
    CloudFormationResourceProviderPlugin,
    OperationStatus,
    ProgressEvent,
    ResourceProvider,
    ResourceRequest,
)

LOG = logging.getLogger(__name__)

RESPONSE_PATH = "/_host_executor/cfn-response"

_responses: dict[str, dict] = {}
_waiters: dict[str, threading.Event] = {}
_lock = threading.Lock()
# physical ids by (stack, logical id): a Delete request only carries the template
# properties, but the handler needs the PhysicalResourceId it returned earlier
_physical_ids: dict[tuple[str, str], str] = {}
_route_registered = False


def _on_response(request, request_id: str):
    try:
        body = json.loads(request.get_data() or b"{}")
    except ValueError:
        body = {"Status": "FAILED", "Reason": "custom resource response is not JSON"}
    with _lock:
        _responses[request_id] = body
        waiter = _waiters.get(request_id)
    if waiter:
        waiter.set()
    return Response(status=200)


def _ensure_route() -> None:
    global _route_registered
    with _lock:
        if _route_registered:
            return
        from localstack.services.edge import ROUTER

        ROUTER.add(f"{RESPONSE_PATH}/<request_id>", endpoint=_on_response, methods=["PUT", "POST"])
        _route_registered = True


def _stringify(value):
    """CloudFormation hands all scalar property values to custom resources as strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return {k: _stringify(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify(v) for v in value]
    return value


class CustomResourceProvider(ResourceProvider[dict]):
    TYPE = "AWS::CloudFormation::CustomResource"
    SCHEMA = {
        "typeName": "AWS::CloudFormation::CustomResource",
        "properties": {"ServiceToken": {"type": "string"}},
        "additionalProperties": True,
        "required": ["ServiceToken"],
        "primaryIdentifier": ["/properties/PhysicalResourceId"],
        "readOnlyProperties": ["/properties/PhysicalResourceId"],
        "createOnlyProperties": [],
    }

    def create(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        return self._run("Create", request)

    def update(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        return self._run("Update", request)

    def delete(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        return self._run("Delete", request)

    def read(self, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        raise NotImplementedError

    # ------------------------------------------------------------------

    def _run(self, request_type: str, request: ResourceRequest[dict]) -> ProgressEvent[dict]:
        _ensure_route()
        props = dict(request.desired_state or {})
        if request_type == "Delete" and not props:
            props = dict(request.previous_state or {})
        # remove what we added ourselves on an earlier create
        for key in ("PhysicalResourceId",):
            props.pop(key, None)
        service_token = props.get("ServiceToken")
        key = (request.stack_name, request.logical_resource_id)
        physical_id = _physical_ids.get(key)
        if not service_token:
            return ProgressEvent(
                status=OperationStatus.FAILED,
                resource_model={},
                message="Custom resource has no ServiceToken",
            )
        if ":lambda:" not in service_token:
            return ProgressEvent(
                status=OperationStatus.FAILED,
                resource_model={},
                message=f"Only Lambda service tokens are supported, got {service_token}",
            )

        request_id = str(uuid.uuid4())
        response_url = (
            f"http://127.0.0.1:{config.GATEWAY_LISTEN[0].port}{RESPONSE_PATH}/{request_id}"
        )
        event = {
            "RequestType": request_type,
            "ServiceToken": service_token,
            "ResponseURL": response_url,
            "StackId": request.stack_id,
            "RequestId": request_id,
            "LogicalResourceId": request.logical_resource_id,
            "ResourceType": request.resource_type,
            "ResourceProperties": _stringify(props),
        }
        if request_type in ("Update", "Delete") and physical_id:
            event["PhysicalResourceId"] = physical_id
        if request_type == "Update":
            old = dict(request.previous_state or {})
            old.pop("PhysicalResourceId", None)
            event["OldResourceProperties"] = _stringify(old)

        waiter = threading.Event()
        with _lock:
            _waiters[request_id] = waiter
        try:
            lambda_client = connect_to(
                region_name=request.region_name, aws_access_key_id=request.account_id
            ).lambda_
            lambda_client.get_function(FunctionName=service_token)
        except Exception as e:  # noqa: BLE001
            with _lock:
                _waiters.pop(request_id, None)
            if request_type == "Delete":
                LOG.warning(
                    "Custom resource %s: delete handler not invocable (%s); treating as deleted",
                    request.logical_resource_id,
                    e,
                )
                _physical_ids.pop(key, None)
                return ProgressEvent(status=OperationStatus.SUCCESS, resource_model={})
            return ProgressEvent(
                status=OperationStatus.FAILED,
                resource_model={},
                message=f"Failed to invoke custom resource handler {service_token}: {e}",
            )

        # CloudFormation invokes asynchronously. We invoke synchronously in a
        # thread instead, so that a handler that crashes before answering fails
        # the resource at once (with its error) instead of after the timeout.
        def _invoke():
            try:
                result = lambda_client.invoke(
                    FunctionName=service_token,
                    InvocationType="RequestResponse",
                    Payload=json.dumps(event).encode(),
                )
                if result.get("FunctionError"):
                    detail = result["Payload"].read().decode("utf-8", "replace")
                    try:
                        err = json.loads(detail)
                        detail = f"{err.get('errorType')}: {err.get('errorMessage')}"
                    except ValueError:
                        pass
                    failed = {"Status": "FAILED", "Reason": f"handler failed: {detail[:1500]}"}
                else:
                    return
            except Exception as e:  # noqa: BLE001
                failed = {"Status": "FAILED", "Reason": f"invoking the handler failed: {e}"}
            with _lock:
                _responses.setdefault(request_id, failed)
                waiter_ = _waiters.get(request_id)
            if waiter_:
                waiter_.set()

        threading.Thread(target=_invoke, name=f"cfn-custom-{request_id[:8]}", daemon=True).start()

        timeout = float(os.environ.get("HOST_EXECUTOR_CUSTOM_RESOURCE_TIMEOUT") or 120)
        got = waiter.wait(timeout)
        with _lock:
            _waiters.pop(request_id, None)
            response = _responses.pop(request_id, None)
        if not got or response is None:
            if request_type == "Delete":
                LOG.warning(
                    "Custom resource %s: no delete response within %ss; treating as deleted",
                    request.logical_resource_id,
                    timeout,
                )
                _physical_ids.pop(key, None)
                return ProgressEvent(status=OperationStatus.SUCCESS, resource_model={})
            return ProgressEvent(
                status=OperationStatus.FAILED,
                resource_model={},
                message=f"Custom resource {request.logical_resource_id} got no response from {service_token} within {timeout:.0f}s",
            )

        if response.get("Status") != "SUCCESS":
            reason = response.get("Reason") or "custom resource handler reported FAILED"
            if request_type == "Delete":
                LOG.warning(
                    "Custom resource %s delete failed: %s", request.logical_resource_id, reason
                )
            return ProgressEvent(status=OperationStatus.FAILED, resource_model={}, message=reason)

        if request_type == "Delete":
            _physical_ids.pop(key, None)
            return ProgressEvent(status=OperationStatus.SUCCESS, resource_model={})

        new_physical_id = (
            response.get("PhysicalResourceId")
            or physical_id
            or f"{request.logical_resource_id}-{uuid.uuid4().hex[:12]}"
        )
        _physical_ids[key] = new_physical_id
        model = dict(props)
        data = response.get("Data") or {}
        if isinstance(data, dict):
            model.update(data)
        model["PhysicalResourceId"] = new_physical_id
        return ProgressEvent(status=OperationStatus.SUCCESS, resource_model=model)


class CustomResourceProviderPlugin(CloudFormationResourceProviderPlugin):
    name = "AWS::CloudFormation::CustomResource"

    def __init__(self):
        self.factory = None

    def load(self):
        self.factory = CustomResourceProvider
