from django.contrib import admin

from .models import Council, District


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ("name", "gss_code")
    inlines = [DistrictInline]
