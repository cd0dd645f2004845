from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "careforce.recruitment"
    verbose_name = "Recruitment: vacancies, applicant pipeline, hiring and referrals"
