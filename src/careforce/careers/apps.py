from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careforce.careers"
    verbose_name = "Careers: care work explained, self-assessment, job search and applying"
