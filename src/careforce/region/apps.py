from django.apps import AppConfig


class RegionConfig(AppConfig):
    name = "careforce.region"
    verbose_name = "Region: councils and districts"
