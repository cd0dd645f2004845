"""Keep the council and district tables in step with the shipped ONS lookup."""

from careforce.domain.reference import councils


def sync_region(council_model, district_model) -> None:  # type: ignore[no-untyped-def]
    for c in councils():
        council_model.objects.update_or_create(gss_code=c.gss_code, defaults={"name": c.name})
        for d in c.districts:
            district_model.objects.update_or_create(
                gss_code=d.gss_code, defaults={"name": d.name, "council_id": c.gss_code}
            )
