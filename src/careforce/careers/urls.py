from django.urls import path

from .views import account, apply, content, search, self_assessment, vacancy

app_name = "careers"
urlpatterns = [
    path("", content.start, name="start"),
    path("roles", content.roles, name="roles"),
    path("roles/<int:job_role>", content.role, name="role"),
    path("pay", content.pay, name="pay"),
    path("ways-in", content.ways_in, name="ways-in"),
    path("career-pathway", content.pathway, name="pathway"),
    path("myths", content.myths_answered, name="myths"),
    path("postcode-data", content.postcode_data, name="postcode-data"),
    path("is-care-right-for-me", self_assessment.start, name="self-assessment"),
    path("is-care-right-for-me/questions", self_assessment.questions_page, name="self-assessment-questions"),
    path("is-care-right-for-me/save", self_assessment.save, name="self-assessment-save"),
    path("search", search.search_form, name="search"),
    path("search/results", search.results, name="results"),
    path("search/widen/<int:number>", search.widen, name="widen"),
    path("search/save", search.save_search, name="save-search"),
    path("saved-searches", search.saved_searches, name="saved-searches"),
    path("saved-searches/<int:search_id>", search.saved_search_action, name="saved-search"),
    path("jobs/<int:vacancy_id>", vacancy.vacancy, name="vacancy"),
    path("jobs/<int:vacancy_id>/apply", apply.start, name="apply"),
    path("jobs/<int:vacancy_id>/apply/check-your-answers", apply.check, name="apply-check"),
    path("jobs/<int:vacancy_id>/apply/application-sent", apply.sent, name="apply-sent"),
    path("jobs/<int:vacancy_id>/apply/<slug:slug>", apply.step, name="apply-step"),
    path("create-account", account.create_account, name="create-account"),
    path("your-applications", account.your_applications, name="your-applications"),
    path("your-data", account.your_data, name="your-data"),
    path("your-data.json", account.your_data_json, name="your-data-json"),
    path("your-data.csv", account.your_data_csv, name="your-data-csv"),
    path("delete-account", account.delete_account, name="delete-account"),
]
