from django.urls import path  # noqa: F401

app_name = "careers"
urlpatterns: list = []  # type: ignore[type-arg]
