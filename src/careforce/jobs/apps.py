from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "careforce.jobs"
    verbose_name = "Background jobs"
