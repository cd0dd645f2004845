"""The region's councils with adult social care duties and their districts (ONS GSS codes)."""

from django.db import models


class Council(models.Model):
    gss_code = models.CharField(max_length=9, primary_key=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    gss_code = models.CharField(max_length=9, primary_key=True)
    name = models.CharField(max_length=100)
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="districts")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
