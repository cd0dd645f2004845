from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "careforce.workforce"
    verbose_name = "Workforce records (ASC-WDS data items)"
