from django.urls import path

from . import views

urlpatterns = [
    path("", views.start, name="start"),
    path("working-in-care", views.care_work, name="care-work"),
    path("about-the-data", views.about_data, name="about-data"),
    path("privacy", views.privacy, name="privacy"),
    path("accessibility", views.accessibility, name="accessibility"),
]
