from django.urls import path

from . import views
from .views import measures, provider

app_name = "intelligence"
urlpatterns = [
    path("area", views.area, name="area"),
    path("region", views.region, name="region"),
    path("councils/<str:gss_code>", views.council, name="council"),
    path("measures", measures.home, name="measures"),
    path("measures/<str:area_code>", measures.dashboard, name="dashboard"),
    path("measures/<str:area_code>/<slug:slug>", measures.measure, name="measure"),
    path("measures/<str:area_code>/<slug:slug>.<str:fmt>", measures.measure_download, name="measure-download"),
    path("provider", provider.provider, name="provider"),
    path("provider/<slug:slug>", provider.provider_measure, name="provider-measure"),
    path("provider/<slug:slug>.<str:fmt>", provider.provider_measure_download, name="provider-measure-download"),
]
