from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "careforce.planning"
    verbose_name = "Workforce planning: projections and scenarios"
