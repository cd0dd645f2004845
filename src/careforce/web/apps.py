from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "careforce.web"
    verbose_name = "Web shell: layout, start page, information pages"
