from django.urls import path

from . import views

app_name = "uploads"
urlpatterns = [
    path("", views.start, name="start"),
    path("<uuid:upload_id>", views.upload, name="upload"),
    path("<uuid:upload_id>/confirm", views.confirm, name="confirm"),
    path("<uuid:upload_id>/cancel", views.cancel, name="cancel"),
    path("<uuid:upload_id>/check-again", views.check_again, name="check-again"),
    path("<uuid:upload_id>/report.csv", views.report, name="report"),
    path("download/<str:kind>", views.download, name="download"),
]
