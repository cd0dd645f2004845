from django.urls import path

from .views import compare, downloads, pages, runs

app_name = "planning"
urlpatterns = [
    path("", pages.start, name="start"),
    path("new-run", runs.new_run, name="new-run"),
    path("runs/<uuid:run_id>", runs.results, name="results"),
    path("runs/<uuid:run_id>/status", runs.status, name="status"),
    path("runs/<uuid:run_id>/results.<str:fmt>", downloads.download, name="download"),
    path("runs/<uuid:run_id>/differences.csv", downloads.decisions_csv, {"table": "decisions"}, name="decisions-csv"),
    path(
        "runs/<uuid:run_id>/sensitivity.csv", downloads.decisions_csv, {"table": "sensitivity"}, name="sensitivity-csv"
    ),
    path("compare", compare.compare_runs, name="compare"),
    path("assumptions", pages.assumptions_page, name="assumptions"),
    path("region", pages.region, name="region"),
]
