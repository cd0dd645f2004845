from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "careforce.intelligence"
    verbose_name = "Workforce intelligence for councils and the region"
