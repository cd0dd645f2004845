"""Error pages in the service's own look, and one log line (no traceback) for each refusal or missing page."""

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {"title": "You cannot see this page", "message": "Your account does not give access to this page."},
        status=403,
    )


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {"title": "Page not found", "message": "If you typed the web address, check it is correct."},
        status=404,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {"title": "Sorry, there is a problem with the service", "message": "Try again later."},
        status=500,
    )


class OneLineForClientErrors(logging.Filter):
    """403 and 404 are answers, not faults: log them as one line ("Forbidden (Permission denied): /path").

    Django logs a refused request (``PermissionDenied``) with its traceback; on the ``django.request`` and
    ``django.security`` loggers this drops the traceback of any record about a 4xx response.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if (status is not None and 400 <= status < 500) or record.name.startswith("django.security"):
            record.exc_info = None
            record.exc_text = None
        return True
