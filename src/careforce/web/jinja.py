"""The Jinja2 environment: GOV.UK Frontend macros, URL and static helpers, number formats."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader
from markupsafe import Markup

from .tables import table_regions


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def number(value: Any, places: int = 0) -> str:
    """1234.5 -> '1,235' (or '1,234.5' with places=1); None -> 'Not known'."""
    if value is None:
        return "Not known"
    if isinstance(value, Decimal):
        value = float(value)
    return f"{value:,.{places}f}"


def pounds(value: Any) -> str:
    if value is None:
        return "Not known"
    return f"£{float(value):,.2f}"


def percent(value: Any, places: int = 1) -> str:
    if value is None:
        return "Not known"
    return f"{float(value) * 100:.{places}f}%"


def html(template: str, *args: Any, **kwargs: Any) -> Markup:
    """Markup for a component's ``html`` parameter: the template is trusted, every value is escaped.

    ``html('Delete<span class="govuk-visually-hidden"> {}</span>', search.description)``. Joining
    strings with ``~`` instead escapes the literal tags as soon as one value is already markup (so a
    person sees ``<span class=...`` as text), and leaves them raw when none is (so a name with a ``<``
    in it becomes markup): build html only with this.
    """
    return Markup(template).format(*args, **kwargs)


def error_message(form: Any, name: str) -> dict[str, str] | None:
    """The GOV.UK ``errorMessage`` parameter for a Django form field, or None."""
    errors = form.errors.get(name)
    return {"text": str(errors[0])} if errors else None


def environment(**options: Any) -> Environment:
    app_loader = options.pop("loader")
    options["loader"] = ChoiceLoader(
        [app_loader, PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    )
    options.setdefault("extensions", []).append("jinja2.ext.do")
    env = Environment(**options)
    env.globals.update(url=url, static=static, error_message=error_message, html=html)
    env.filters.update(number=number, pounds=pounds, percent=percent, table_regions=table_regions)
    return env
