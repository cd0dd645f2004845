from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "careforce administration"
admin.site.site_title = "careforce administration"

urlpatterns = [
    path("", include(("careforce.web.urls", "web"))),
    path("", include("careforce.accounts.urls")),
    path("provider/", include("careforce.workforce.urls")),
    path("intelligence/", include("careforce.intelligence.urls")),
    path("provider/upload/", include("careforce.uploads.urls")),
    path("planning/", include("careforce.planning.urls")),
    path("care-jobs/", include("careforce.careers.urls")),
    path("recruitment/", include("careforce.recruitment.urls")),
    path("jobs/", include("careforce.jobs.urls")),
    path("demo-mailbox/", include("careforce.careers.mailbox_urls")),
    path("admin/", admin.site.urls),
]

handler403 = "careforce.web.errors.forbidden"
handler404 = "careforce.web.errors.not_found"
handler500 = "careforce.web.errors.server_error"
