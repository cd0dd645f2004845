from django.urls import path

from . import (
    leaving_views,
    my_record_views,
    personal_views,
    training_views,
    vacancy_views,
    views,
    worker_views,
    workplace_views,
)

app_name = "workforce"
urlpatterns = [
    path("workplaces", views.workplaces, name="workplaces"),
    path("workplaces/<int:workplace_id>/staff", views.workplace_staff, name="staff"),
    path("workers/<int:worker_id>", views.worker, name="worker"),
    path("my-record", views.my_record, name="my-record"),
    # workplace details
    path("workplaces/<int:workplace_id>/details", workplace_views.workplace_details, name="workplace"),
    path(
        "workplaces/<int:workplace_id>/details/<slug:step>", workplace_views.change_workplace, name="workplace-change"
    ),
    # adding a worker: question pages, check your answers, confirmation
    path("workplaces/<int:workplace_id>/add-worker", worker_views.add_worker, name="add-worker"),
    path(
        "workplaces/<int:workplace_id>/add-worker/check-answers", worker_views.add_worker_check, name="add-worker-check"
    ),
    path(
        "workplaces/<int:workplace_id>/add-worker/<slug:step>",
        worker_views.add_worker_question,
        name="add-worker-question",
    ),
    path("workers/<int:worker_id>/added", worker_views.worker_added, name="worker-added"),
    path("workers/<int:worker_id>/change/<slug:step>", worker_views.change_worker, name="worker-change"),
    # a worker's personal items: question pages, check your answers
    path("workers/<int:worker_id>/personal-details", personal_views.personal_items, name="personal-items"),
    path(
        "workers/<int:worker_id>/personal-details/check-answers",
        personal_views.personal_check,
        name="personal-check",
    ),
    path(
        "workers/<int:worker_id>/personal-details/<slug:step>",
        personal_views.personal_question,
        name="personal-question",
    ),
    # recording that a worker has left
    path("workers/<int:worker_id>/leaving", leaving_views.leave, name="leave"),
    path("workers/<int:worker_id>/leaving/check-answers", leaving_views.leave_check, name="leave-check"),
    path("workers/<int:worker_id>/leaving/<slug:step>", leaving_views.leave_question, name="leave-question"),
    # training and qualifications (a manager, for their staff)
    path("workers/<int:worker_id>/training/add", training_views.add_training, name="training-add"),
    path(
        "workers/<int:worker_id>/training/<int:record_id>/change",
        training_views.change_training,
        name="training-change",
    ),
    path(
        "workers/<int:worker_id>/training/<int:record_id>/delete",
        training_views.delete_training,
        name="training-delete",
    ),
    path("workers/<int:worker_id>/qualifications/add", training_views.add_qualification, name="qualification-add"),
    path(
        "workers/<int:worker_id>/qualifications/<int:record_id>/remove",
        training_views.remove_qualification,
        name="qualification-remove",
    ),
    path("training-due", training_views.training_due, name="training-due"),
    # a staff member's own training and qualifications
    path("my-record/training/add", my_record_views.add_my_training, name="my-training-add"),
    path("my-record/training/<int:record_id>/change", my_record_views.change_my_training, name="my-training-change"),
    path("my-record/training/<int:record_id>/delete", my_record_views.delete_my_training, name="my-training-delete"),
    path("my-record/qualifications/add", my_record_views.add_my_qualification, name="my-qualification-add"),
    path(
        "my-record/qualifications/<int:record_id>/remove",
        my_record_views.remove_my_qualification,
        name="my-qualification-remove",
    ),
    # vacancies
    path("workplaces/<int:workplace_id>/vacancies", vacancy_views.vacancies, name="vacancies"),
    path("workplaces/<int:workplace_id>/vacancies/add", vacancy_views.add_vacancy, name="vacancy-add"),
    path("vacancies/<int:vacancy_id>/change", vacancy_views.change_vacancy, name="vacancy-change"),
    path("vacancies/<int:vacancy_id>/close", vacancy_views.close_vacancy, name="vacancy-close"),
]
