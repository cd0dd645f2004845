from datetime import date
from typing import Any

from django.apps import AppConfig


def _record_demo_history(as_of: date, **_: Any) -> None:
    from .history import record_demo_history

    record_demo_history(as_of)


class IntelligenceConfig(AppConfig):
    name = "careforce.intelligence"
    verbose_name = "Workforce intelligence for councils and the region"

    def ready(self) -> None:
        from careforce.workforce.signals import demo_region_saved

        demo_region_saved.connect(_record_demo_history, dispatch_uid="intelligence-demo-history")
