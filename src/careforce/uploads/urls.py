from django.urls import path  # noqa: F401

app_name = "uploads"
urlpatterns: list = []  # type: ignore[type-arg]
