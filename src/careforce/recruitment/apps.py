from typing import Any

from django.apps import AppConfig


def _add_demo_applications(**_: Any) -> None:
    from .demo import add_demo_applications

    add_demo_applications()


class RecruitmentConfig(AppConfig):
    name = "careforce.recruitment"
    verbose_name = "Recruitment: vacancies, applicant pipeline, hiring and referrals"

    def ready(self) -> None:
        from careforce.workforce.signals import demo_region_saved

        demo_region_saved.connect(_add_demo_applications, dispatch_uid="recruitment-demo-applications")
