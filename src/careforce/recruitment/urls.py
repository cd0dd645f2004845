from django.urls import path

from .views import applicant, hire, interview, measures, pipeline, referrals, vacancies

app_name = "recruitment"
urlpatterns = [
    path("", vacancies.vacancies, name="vacancies"),
    path("vacancies/<int:vacancy_id>/publish", vacancies.publish, name="publish"),
    path("vacancies/<int:vacancy_id>/applicants", pipeline.applicants, name="applicants"),
    path("applicants", pipeline.all_applicants, name="all-applicants"),
    path("applicants/<int:application_id>", applicant.applicant, name="applicant"),
    path("applicants/<int:application_id>/shortlist", applicant.shortlist, name="shortlist"),
    path("applicants/<int:application_id>/stage", applicant.change_stage, name="stage"),
    path("applicants/<int:application_id>/interview-scores", interview.interview_scores, name="interview-scores"),
    path("applicants/<int:application_id>/hire", hire.hire, name="hire"),
    path("applicants/<int:application_id>/hire/check", hire.hire_check, name="hire-check"),
    path("time-to-hire", measures.measures, name="measures"),
    path("referrals", referrals.organisation_referrals, name="referrals"),
    path("refer-a-friend", referrals.refer_a_friend, name="refer-a-friend"),
    path("refer-a-friend/<int:vacancy_id>", referrals.refer, name="refer"),
    path("refer-a-friend/<int:vacancy_id>/share", referrals.share, name="share"),
]
