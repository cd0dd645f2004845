"""Time to first contact and time to hire for the manager's organisation."""

from django.http import HttpResponse

from careforce.accounts.access import requires
from careforce.accounts.scope import ScopedRequest
from careforce.domain.access import Permission

from .. import queries
from ..measures import describe_wait, median_wait
from ..stages import Stage
from .common import page


@requires(Permission.MANAGE_PROVIDER_WORKFORCE)
def measures(request: ScopedRequest) -> HttpResponse:
    times = queries.hiring_timestamps(request.scope)
    contacted = [(applied, contacted) for applied, contacted, _ in times if contacted is not None]
    hired = [(applied, hired_at) for applied, _, hired_at in times if hired_at is not None]
    counts = queries.stage_counts(request.scope)
    return page(
        request,
        "measures.html",
        "Time to contact and hire",
        to_contact=describe_wait(median_wait(contacted)),
        contacted=len(contacted),
        to_hire=describe_wait(median_wait(hired)),
        hired=len(hired),
        applicants=len(times),
        stage_rows=[[{"text": s.label}, {"text": str(counts[s.value]), "format": "numeric"}] for s in Stage],
    )
