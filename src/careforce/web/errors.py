"""Error pages in the service's own look."""

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
