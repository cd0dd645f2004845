from django.contrib import admin

from .models import Organisation, Vacancy, Worker, Workplace


class WorkplaceInline(admin.TabularInline):
    model = Workplace
    fields = ("local_identifier", "name", "postcode", "council", "main_service")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)
    inlines = [WorkplaceInline]


@admin.register(Workplace)
class WorkplaceAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "council", "postcode", "main_service")
    list_filter = ("council", "main_service")
    search_fields = ("name", "local_identifier", "postcode", "organisation__name")
    raw_id_fields = ("organisation",)
    list_select_related = ("organisation", "council")


@admin.register(Worker)
class WorkerAdmin(admin.ModelAdmin):
    """Administrators can find a record to link it to a staff member's account; they see no personal details."""

    list_display = ("local_identifier", "workplace", "main_job_role", "left_on")
    search_fields = ("local_identifier", "workplace__name")
    fields = ("workplace", "local_identifier", "main_job_role", "contract_type", "start_date", "left_on")
    readonly_fields = fields
    list_select_related = ("workplace",)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ("workplace", "job_role", "number_of_posts", "posted_on", "is_published")
    raw_id_fields = ("workplace",)
