from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest


def _demo_values(request: HttpRequest) -> dict[str, Any]:
    from .queries import demo_region_loaded

    return {"demo_loaded": demo_region_loaded()}


class WorkforceConfig(AppConfig):
    name = "careforce.workforce"
    verbose_name = "Workforce records (ASC-WDS data items)"

    def ready(self) -> None:
        from careforce.web.context import add_page_values

        add_page_values(_demo_values)
