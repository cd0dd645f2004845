"""The start page and the service's information pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from careforce.accounts.access import public
from careforce.domain.reference import data_path


@public
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "web/start.html", {"title": "Adult social care workforce in the West Midlands"})


@public
def care_work(request: HttpRequest) -> HttpResponse:
    return render(request, "web/care_work.html", {"title": "Working in adult social care"})


@public
def about_data(request: HttpRequest) -> HttpResponse:
    return render(request, "web/about_data.html", {"title": "About the data and sources", "sources": _sources()})


@public
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "web/privacy.html", {"title": "Privacy notice"})


@public
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "web/accessibility.html", {"title": "Accessibility statement"})


def _sources() -> list[dict[str, str]]:
    return [
        {
            "folder": folder,
            "readme": data_path(folder, "README.md").read_text(encoding="utf-8").split("\n", 1)[0].lstrip("# "),
        }
        for folder in ("ascwds", "calibration", "geo")
    ]
