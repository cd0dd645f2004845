from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "careforce.uploads"
    verbose_name = "ASC-WDS bulk upload and download"
