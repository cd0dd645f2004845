from django.urls import path

from . import views

app_name = "workforce"
urlpatterns = [
    path("workplaces", views.workplaces, name="workplaces"),
    path("workplaces/<int:workplace_id>/staff", views.workplace_staff, name="staff"),
    path("workers/<int:worker_id>", views.worker, name="worker"),
    path("my-record", views.my_record, name="my-record"),
]
