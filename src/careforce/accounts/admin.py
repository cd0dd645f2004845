from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class CareforceUserAdmin(UserAdmin):
    list_display = ("username", "role", "organisation", "council", "is_active")
    list_filter = ("role", "is_active", "council")
    search_fields = ("username", "email", "organisation__name")
    autocomplete_fields = ("organisation", "worker")
    fieldsets = (  # type: ignore[misc]
        *UserAdmin.fieldsets,
        ("Role and access", {"fields": ("role", "organisation", "council", "worker")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Role and access", {"fields": ("role", "organisation", "council")}),
    )
