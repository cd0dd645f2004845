from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careforce.careers"
    verbose_name = "Careers: care work explained, self-assessment, job search and applying"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from careforce.workforce.models import Vacancy, Workplace

        from .queries import data_changed

        for model in (Vacancy, Workplace):
            post_save.connect(data_changed, sender=model, dispatch_uid=f"careers-index-{model.__name__}-save")
            post_delete.connect(data_changed, sender=model, dispatch_uid=f"careers-index-{model.__name__}-delete")
