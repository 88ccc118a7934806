"""Give each HTTP request a batch id, so its change rows can be found together."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from wanqu.core.context import batch


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with batch("req") as batch_id:
            response = self.get_response(request)
        response["X-Request-Id"] = batch_id
        return response
