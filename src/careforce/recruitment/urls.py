from django.urls import path  # noqa: F401

app_name = "recruitment"
urlpatterns: list = []  # type: ignore[type-arg]
