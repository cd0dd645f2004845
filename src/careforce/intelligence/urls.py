from django.urls import path

from . import views

app_name = "intelligence"
urlpatterns = [
    path("area", views.area, name="area"),
    path("region", views.region, name="region"),
    path("councils/<str:gss_code>", views.council, name="council"),
]
